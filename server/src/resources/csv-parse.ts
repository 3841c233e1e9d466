/**
 * RFC 4180 CSV reading for the HSDS tabular import (the writer is platform/export/csv.ts):
 * quoted fields with doubled quotes, commas and line breaks inside quotes, CRLF or LF line ends,
 * a UTF-8 BOM at the start. Rows become objects keyed by the header row.
 */

export interface CsvTable {
  header: string[];
  /** Data rows with their line number in the file (the header is line 1). */
  rows: Array<{ line: number; cells: Record<string, string> }>;
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/** Splits CSV text into records of fields, with the line each record starts on. */
export function parseCsvRecords(text: string): Array<{ line: number; fields: string[] }> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let i = 0;
  let quoted = false;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) records.push({ line: start, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') throw new CsvSyntaxError(line, `${line}行目: 引用符（"）で囲んだ値の後に余分な文字があります。`);
        continue;
      }
      if (c === '\n') line += 1;
      field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
      i += 1;
      continue;
    }
    if (c === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
      i += 1;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line += 1;
      start = line;
      continue;
    }
    field += c;
    fieldStarted = true;
    i += 1;
  }
  if (quoted) throw new CsvSyntaxError(start, `${start}行目: 引用符（"）が閉じられていません。`);
  if (field !== '' || fields.length > 0 || fieldStarted) endRecord();
  return records;
}

/** CSV with a header row → rows keyed by column name. A row with more cells than the header is an error. */
export function parseCsvTable(text: string): CsvTable {
  const records = parseCsvRecords(text);
  const head = records.shift();
  if (!head) return { header: [], rows: [] };
  const header = head.fields.map((h) => h.trim());
  const rows = records.map(({ line, fields }) => {
    if (fields.length > header.length) throw new CsvSyntaxError(line, `${line}行目: 見出しより多い列があります（${fields.length}列、見出しは${header.length}列）。`);
    const cells: Record<string, string> = {};
    header.forEach((h, i) => {
      cells[h] = fields[i] ?? '';
    });
    return { line, cells };
  });
  return { header, rows };
}
