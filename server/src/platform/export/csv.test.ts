import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { attachmentHeader, CP932_EQUIVALENTS, cp932Encodable, encodeCsv, exportCsv, findUnencodable, toCp932Text, toCsv } from './csv.js';

/** A strict RFC 4180 reader, only for checking what toCsv wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i += 1;
      } else {
        field += ch;
        i += 1;
      }
    } else if (ch === '"') {
      quoted = true;
      i += 1;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i += 1;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
    } else {
      field += ch;
      i += 1;
    }
  }
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('toCsv (RFC 4180)', () => {
  it('quotes commas, quotes and line breaks inside values and ends every line with CRLF', () => {
    const text = toCsv(['日付', '内容'], [
      ['2026-11-26', '電話あり、来週訪問'],
      ['2026-11-27', '本人曰く「"大丈夫"」'],
      ['2026-11-28', '一行目\n二行目\r\n三行目'],
      [null, 3],
    ]);
    expect(text).toBe(
      '日付,内容\r\n2026-11-26,電話あり、来週訪問\r\n' +
        '2026-11-27,"本人曰く「""大丈夫""」"\r\n2026-11-28,"一行目\n二行目\r\n三行目"\r\n,3\r\n',
    );
    expect(toCsv(['a'], [['x,y']])).toBe('a\r\n"x,y"\r\n');
  });

  it('keeps spreadsheet formulas from running (CSV injection)', () => {
    expect(toCsv(['a'], [['=1+1'], ['+81'], ['-'], ['@SUM(A1)'], ['メモ=1']])).toBe("a\r\n'=1+1\r\n'+81\r\n'-\r\n'@SUM(A1)\r\nメモ=1\r\n");
    expect(toCsv(['a'], [['=1+1']], { guardFormulas: false })).toBe('a\r\n=1+1\r\n');
  });

  it('reads back exactly what was written, whatever the text (property)', () => {
    const cell = fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom('"', ',', '\r\n', '\n', '\r', '""', ' , '));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const text = toCsv(['h1', 'h2'], rows, { guardFormulas: false });
        expect(text.endsWith('\r\n')).toBe(true);
        expect(parseCsv(text)).toEqual([['h1', 'h2'], ...rows]);
      }),
    );
  });
});

describe('encodeCsv', () => {
  it('writes UTF-8 with a BOM', () => {
    const bytes = encodeCsv('件名\r\n𠮷野家\r\n', 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('件名\r\n𠮷野家\r\n');
  });

  it('writes CP932, carrying IBM/NEC extensions (髙 﨑 ① Ⅰ) and half-width kana', () => {
    const text = '髙橋 﨑山 ①Ⅰ ｱｲｳ ～\r\n';
    expect(iconv.decode(encodeCsv(text, 'sjis'), 'cp932')).toBe(text);
    expect([...encodeCsv('髙', 'sjis')]).toEqual([0xfb, 0xfc]);
  });

  it('never writes ? for a character CP932 lacks: 〓 instead, surrogate pairs counted once', () => {
    const bytes = encodeCsv('𠮷野家 ?\r\n', 'sjis');
    expect(iconv.decode(bytes, 'cp932')).toBe('〓野家 ?\r\n');
    expect(toCp932Text('😀é€')).toBe('〓〓〓');
  });

  it('writes the CP932 look-alike for JIS-mapped dashes and tildes instead of reporting them', () => {
    expect(iconv.decode(encodeCsv('10時〜12時 −5 ¥100', 'sjis'), 'cp932')).toBe('10時～12時 －5 ￥100');
    expect(findUnencodable(['a'], [['〜−—‖¥']])).toEqual([]);
  });

  it('detects by round trip: ¥ alone would come back as a backslash', () => {
    expect(cp932Encodable('¥')).toBe(false);
    expect(cp932Encodable('〓')).toBe(true);
    expect(cp932Encodable('\ud842')).toBe(false);
  });
});

describe('findUnencodable and exportCsv', () => {
  const header = ['日付', '件名', '内容'];
  const rows = [
    ['2026-11-26', '訪問', '吉田さん'],
    ['2026-11-27', '𠮷田さん宅', '鷗外の本、𩸽の煮付け'],
  ];

  it('reports each character with its code point, data row and column name', () => {
    expect(findUnencodable(header, rows)).toEqual([
      { char: '𠮷', codePoint: 'U+20BB7', row: 2, column: '件名' },
      { char: '鷗', codePoint: 'U+9DD7', row: 2, column: '内容' },
      { char: '𩸽', codePoint: 'U+29E3D', row: 2, column: '内容' },
    ]);
    expect(findUnencodable(header, [['', '𠮷𠮷', '𠮷']])).toHaveLength(2);
  });

  it('returns the report with the Shift_JIS file and nothing for UTF-8', () => {
    const sjis = exportCsv(header, rows, 'sjis');
    expect(sjis.unencodable).toHaveLength(3);
    expect(iconv.decode(sjis.bytes, 'cp932')).toContain('〓田さん宅,〓外の本、〓の煮付け');
    const utf8 = exportCsv(header, rows, 'utf8');
    expect(utf8.unencodable).toEqual([]);
    expect(utf8.bytes.subarray(3).toString('utf8')).toContain('𠮷田さん宅');
  });

  it('any text: the Shift_JIS file decodes to the text with exactly the reported characters replaced (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const lacking = [...s].filter((ch) => !cp932Encodable(CP932_EQUIVALENTS[ch] ?? ch));
        const decoded = iconv.decode(encodeCsv(s, 'sjis'), 'cp932');
        expect([...decoded].filter((ch) => ch === '〓').length).toBe(lacking.length + [...s].filter((ch) => ch === '〓').length);
        expect(findUnencodable(['c'], [[s]]).map((u) => u.char)).toEqual([...new Set(lacking)]);
        expect(decoded.includes('?')).toBe(s.includes('?'));
      }),
    );
  });
});

describe('attachmentHeader', () => {
  it('gives an ASCII fallback and the Japanese name in RFC 5987 form', () => {
    expect(attachmentHeader('経過一覧_20261126.csv', 'progress-notes-20261126.csv')).toBe(
      `attachment; filename="progress-notes-20261126.csv"; filename*=UTF-8''${encodeURIComponent('経過一覧_20261126.csv')}`,
    );
  });
});
