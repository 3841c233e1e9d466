/**
 * XLSX export shared by every table (exceljs): one sheet per table, bold frozen header row, column
 * widths from the content (full-width characters count double), numbers as numbers.
 *
 * Text is always written as a text cell (never a formula); a text starting with = + - @ TAB CR also
 * gets the text number format '@' so that Excel keeps it as text even when someone edits the cell
 * (the XLSX form of the CSV-injection guard in csv.ts).
 */
import ExcelJS from 'exceljs';

export type XlsxCell = string | number | null;

export interface XlsxSheet {
  name: string;
  header: string[];
  rows: XlsxCell[][];
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** Plain BMP text XML 1.0 carries as it is (the fast path; anything else is checked by code point). */
const XML_PLAIN = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD]*$/;

const xmlChar = (cp: number) => cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;

/**
 * Text as an XLSX cell can hold it: characters XML 1.0 cannot carry (control characters, U+FFFE/U+FFFF,
 * lone surrogates) become U+FFFD — exceljs would otherwise write a file nobody can open.
 */
export function xmlSafe(text: string): string {
  if (XML_PLAIN.test(text)) return text;
  let out = '';
  for (const ch of text) out += xmlChar(ch.codePointAt(0)!) ? ch : '\uFFFD';
  return out;
}

function cellValue(cell: XlsxCell): XlsxCell {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  return cell === null ? null : xmlSafe(cell);
}
const INVALID_SHEET_CHARS = /[[\]:*?/\\]/g;
const MAX_SHEET_NAME = 31;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/**
 * A name Excel accepts: no [ ] : * ? / \, at most 31 characters, not empty, no apostrophe at either
 * end, and unique in the workbook (case-insensitive; a clash gets " (2)", " (3)", …).
 */
export function validSheetName(name: string, taken: ReadonlySet<string> = new Set()): string {
  const cleaned = [...xmlSafe(name).replace(INVALID_SHEET_CHARS, '_').replace(/^'+|'+$/g, '').trim()].slice(0, MAX_SHEET_NAME).join('') || 'Sheet';
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(cleaned.toLowerCase())) return cleaned;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = [...cleaned].slice(0, MAX_SHEET_NAME - suffix.length).join('') + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** Display width in Excel character units: full-width (East Asian) characters count two. */
function displayWidth(cell: XlsxCell): number {
  if (cell === null) return 0;
  let w = 0;
  for (const ch of String(cell)) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

/** A workbook with one sheet per table, as the bytes of an .xlsx file. */
export async function toXlsx(sheets: { name: string; header: string[]; rows: (string | number | null)[][] }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kasane';
  workbook.created = new Date(0);
  const taken = new Set<string>();
  for (const sheet of sheets.length > 0 ? sheets : [{ name: 'Sheet', header: [], rows: [] }]) {
    const name = validSheetName(sheet.name, taken);
    taken.add(name);
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = ws.addRow(sheet.header.map(xmlSafe));
    header.font = { bold: true };
    const widths = sheet.header.map(displayWidth);
    for (const cells of sheet.rows) {
      const row = ws.addRow(cells.map(cellValue));
      cells.forEach((c, i) => {
        widths[i] = Math.max(widths[i] ?? 0, displayWidth(c));
        if (typeof c === 'string' && FORMULA_START.test(c)) row.getCell(i + 1).numFmt = '@';
      });
    }
    widths.forEach((w, i) => {
      ws.getColumn(i + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w + 2));
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Content-Type of an .xlsx file. */
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
