import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../platform/export/csv.js';
import { CsvSyntaxError, parseCsvRecords, parseCsvTable } from './csv-parse.js';

describe('RFC 4180 CSV reading', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and a BOM', () => {
    const text = '\ufeffid,name,note\r\n1,"サロン, ひだまり","He said ""hi""\r\nnext line"\n2,,\n';
    expect(parseCsvTable(text)).toEqual({
      header: ['id', 'name', 'note'],
      rows: [
        { line: 2, cells: { id: '1', name: 'サロン, ひだまり', note: 'He said "hi"\r\nnext line' } },
        { line: 4, cells: { id: '2', name: '', note: '' } },
      ],
    });
  });

  it('gives missing trailing cells as empty and skips blank lines', () => {
    expect(parseCsvTable('a,b\n1\n\n2,3').rows.map((r) => r.cells)).toEqual([
      { a: '1', b: '' },
      { a: '2', b: '3' },
    ]);
  });

  it('names the line of a syntax error in Japanese', () => {
    expect(() => parseCsvRecords('a\n"open')).toThrow(CsvSyntaxError);
    expect(() => parseCsvRecords('a\n"x"y')).toThrow(/2行目/);
    expect(() => parseCsvTable('a\n1,2')).toThrow(/2行目: 見出しより多い列/);
  });

  it('reads back exactly what toCsv writes (any text)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'あ', ',', '"', '\n', '\r\n', ' ', '=', '漢') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 5 }), (rows) => {
        const text = toCsv(['x', 'y', 'z'], rows, { guardFormulas: false });
        const back = parseCsvTable(text).rows.map((r) => [r.cells.x, r.cells.y, r.cells.z]);
        // A row of three empty cells is written as ",," and read back as such.
        expect(back).toEqual(rows);
      }),
    );
  });
});
