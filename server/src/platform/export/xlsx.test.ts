import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toXlsx, validSheetName, xmlSafe } from './xlsx.js';

async function read(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('toXlsx', () => {
  it('round-trips header and rows: bold frozen header, numbers as numbers, text as text', async () => {
    const bytes = await toXlsx([
      {
        name: '相談受付件数',
        header: ['年度', '指標', '件数', '備考'],
        rows: [
          [2025, '相談受付件数', 120, null],
          [2026, '髙橋さん𠮷野家', 0, '=SUM(A1:A2)'],
          [2027, '-1', 3.5, '@cmd'],
        ],
      },
    ]);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = await read(bytes);
    const ws = workbook.getWorksheet('相談受付件数')!;
    expect(ws).toBeDefined();
    expect(ws.getRow(1).values).toEqual([undefined, '年度', '指標', '件数', '備考']);
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getCell('A2').value).toBe(2025);
    expect(ws.getCell('C2').type).toBe(ExcelJS.ValueType.Number);
    expect(ws.getCell('D2').value).toBeNull();
    expect(ws.getCell('B3').value).toBe('髙橋さん𠮷野家');
    expect(ws.getCell('D3').value).toBe('=SUM(A1:A2)');
    expect(ws.getCell('D3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('D3').numFmt).toBe('@');
    expect(ws.getCell('B4').value).toBe('-1');
    expect(ws.getCell('C4').value).toBe(3.5);
    expect(ws.rowCount).toBe(4);
    // Full-width text gets a wider column than the short numbers.
    expect(ws.getColumn(2).width!).toBeGreaterThan(ws.getColumn(1).width!);
  });

  it('writes one sheet per table with valid, unique names', async () => {
    const workbook = await read(
      await toXlsx([
        { name: '按分/結果[令和7年度]:*?', header: ['a'], rows: [[1]] },
        { name: '按分/結果[令和7年度]:*?', header: ['b'], rows: [[2]] },
        { name: 'あ'.repeat(40), header: ['c'], rows: [] },
      ]),
    );
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['按分_結果_令和7年度____', '按分_結果_令和7年度____ (2)', 'あ'.repeat(31)]);
  });

  it('makes sheet names Excel accepts', () => {
    expect(validSheetName('')).toBe('Sheet');
    expect(validSheetName("'quoted'")).toBe('quoted');
    expect(validSheetName('Sheet', new Set(['sheet']))).toBe('Sheet (2)');
    expect([...validSheetName('x'.repeat(31), new Set(['x'.repeat(31)]))].length).toBe(31);
  });

  it('replaces characters XML cannot carry, so the file always opens', async () => {
    const workbook = await read(await toXlsx([{ name: 'a\u0000b', header: ['h\u0001'], rows: [['x\u0000y\ud800z', Number.NaN]] }]));
    const ws = workbook.worksheets[0]!;
    expect(ws.name).toBe('a\uFFFDb');
    expect(ws.getCell('A1').value).toBe('h\uFFFD');
    expect(ws.getCell('A2').value).toBe('x\uFFFDy\uFFFDz');
    expect(ws.getCell('B2').value).toBeNull();
  });

  it('round-trips any table of text, integers and blanks (properties)', async () => {
    const cell = fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.integer({ min: -1e9, max: 1e9 }), fc.constant(null));
    const table = fc.integer({ min: 1, max: 4 }).chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { maxLength: 5 }));
    await fc.assert(
      fc.asyncProperty(table, async (rows) => {
        const header = rows[0]?.map((_, i) => `列${i + 1}`) ?? ['列1'];
        const ws = (await read(await toXlsx([{ name: 'x', header, rows }]))).worksheets[0]!;
        rows.forEach((cells, r) => {
          cells.forEach((c, i) => {
            const expected = typeof c === 'string' ? (c === '' ? null : xmlSafe(c)) : c;
            const got = ws.getRow(r + 2).getCell(i + 1).value;
            expect(got === undefined || got === '' ? null : got).toEqual(expected);
          });
        });
      }),
      { numRuns: 40 },
    );
  });
});
