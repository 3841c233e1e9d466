/**
 * CSV export shared by every table: RFC 4180 text, then bytes for Excel.
 *
 * - `utf8`: UTF-8 with a BOM (Excel needs the BOM to read UTF-8).
 * - `sjis`: Windows-31J / CP932 (what Japanese Excel reads as "Shift_JIS"). A character CP932 cannot
 *   carry is never written as '?': it becomes 〓 (げた記号) and is reported with its row and column, so
 *   the person exporting can choose UTF-8 instead. Characters CP932 shows with a different code point
 *   (〜 WAVE DASH → ～, − MINUS → －, …) are written as their CP932 look-alike (see CP932_EQUIVALENTS).
 */
import iconv from 'iconv-lite';

export type CsvCell = string | number | null;
export type CsvEncoding = 'utf8' | 'sjis';

/** The table iconv-lite calls cp932 = Windows-31J (JIS X 0208 + NEC/IBM extensions, e.g. 髙 﨑 ①). */
const CP932 = 'cp932';
export const SUBSTITUTE = '〓';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Same glyph, different code point: the Unicode of a JIS-mapped text → the code point CP932 uses. */
export const CP932_EQUIVALENTS: Readonly<Record<string, string>> = {
  '\u301c': '\uff5e', // 〜 WAVE DASH → ～ FULLWIDTH TILDE
  '\u2016': '\u2225', // ‖ DOUBLE VERTICAL LINE → ∥ PARALLEL TO
  '\u2212': '\uff0d', // − MINUS SIGN → － FULLWIDTH HYPHEN-MINUS
  '\u2014': '\u2015', // — EM DASH → ― HORIZONTAL BAR
  '\u00a2': '\uffe0', // ¢ → ￠
  '\u00a3': '\uffe1', // £ → ￡
  '\u00ac': '\uffe2', // ¬ → ￢
  '\u00a5': '\uffe5', // ¥ → ￥ (0x5C would read back as a backslash)
};

export interface Unencodable {
  char: string;
  /** e.g. 'U+20BB7'. */
  codePoint: string;
  /** 1-based data row (the header row is not counted). */
  row: number;
  /** The header name of the column. */
  column: string;
}

/** Cells a spreadsheet would run as a formula (CSV injection); written with a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

function quote(cell: CsvCell, guardFormulas: boolean): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = guardFormulas && FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * RFC 4180: fields with quotes, commas, CR or LF are quoted (quotes doubled), lines end in CRLF.
 * By default a text cell starting with = + - @ TAB CR gets a leading apostrophe so Excel shows it
 * as text instead of running it (OWASP "CSV injection").
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], options: { guardFormulas?: boolean } = {}): string {
  const guard = options.guardFormulas ?? true;
  const line = (cells: readonly CsvCell[]) => cells.map((c) => quote(c, guard)).join(',');
  return `${[header, ...rows].map(line).join('\r\n')}\r\n`;
}

const encodable = new Map<string, boolean>();

/** Whether one code point survives CP932 unchanged (encode → decode round trip). */
export function cp932Encodable(char: string): boolean {
  let ok = encodable.get(char);
  if (ok === undefined) {
    ok = iconv.decode(iconv.encode(char, CP932), CP932) === char;
    encodable.set(char, ok);
  }
  return ok;
}

const codePointLabel = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Text as CP932 will carry it: look-alikes swapped in, anything else CP932 lacks → 〓. Iterates by code point, so 𠮷 is one character. */
export function toCp932Text(text: string, onUnencodable?: (char: string) => void): string {
  let out = '';
  for (const ch of text) {
    const mapped = CP932_EQUIVALENTS[ch] ?? ch;
    if (cp932Encodable(mapped)) {
      out += mapped;
    } else {
      onUnencodable?.(ch);
      out += SUBSTITUTE;
    }
  }
  return out;
}

/** Each character of the table that CP932 cannot carry, once per cell, with its row and column (preflight before a Shift_JIS export). */
export function findUnencodable(header: readonly string[], rows: readonly (readonly CsvCell[])[]): Unencodable[] {
  const found: Unencodable[] = [];
  rows.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (typeof cell !== 'string') return;
      const seen = new Set<string>();
      toCp932Text(cell, (char) => {
        if (seen.has(char)) return;
        seen.add(char);
        found.push({ char, codePoint: codePointLabel(char), row: r + 1, column: header[c] ?? String(c + 1) });
      });
    });
  });
  return found;
}

/** Bytes of CSV text: UTF-8 with BOM, or CP932 with 〓 for what it cannot carry (never '?'). */
export function encodeCsv(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === 'utf8') return Buffer.concat([BOM, Buffer.from(text, 'utf8')]);
  return iconv.encode(toCp932Text(text), CP932);
}

/** A whole export: the file's bytes plus the report of characters replaced by 〓 (empty for UTF-8). */
export function exportCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], encoding: CsvEncoding): { bytes: Buffer; unencodable: Unencodable[] } {
  const unencodable = encoding === 'sjis' ? findUnencodable(header, rows) : [];
  return { bytes: encodeCsv(toCsv(header, rows), encoding), unencodable };
}

/** Content-Type for the encoding (Shift_JIS is the name browsers and Excel know CP932 by). */
export function csvContentType(encoding: CsvEncoding): string {
  return encoding === 'utf8' ? 'text/csv; charset=utf-8' : 'text/csv; charset=Shift_JIS';
}

/** Content-Disposition with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachmentHeader(fileName: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encoded}`;
}
