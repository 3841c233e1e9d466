/**
 * 表のダウンロード: formats a table the signed-in user already sees on screen as CSV (UTF-8 with BOM,
 * or Shift_JIS with 〓 and a report of what it could not carry) or XLSX. Reads nothing from the
 * database: the rows come from the page, which got them through its own authorised endpoint.
 * Audited with the file name and the size only — never the content.
 */
import { isStaff } from '../access/relationships.js';
import { audit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../http/errors.js';
import { type CsvEncoding, csvContentType, exportCsv, type Unencodable } from './csv.js';
import { toXlsx, XLSX_CONTENT_TYPE } from './xlsx.js';

export const TABLE_EXPORT_FORMATS = ['csv-utf8', 'csv-sjis', 'xlsx'] as const;
export type TableExportFormat = (typeof TABLE_EXPORT_FORMATS)[number];
export const TABLE_EXPORT_MAX_ROWS = 50_000;
export const TABLE_EXPORT_MAX_COLUMNS = 100;

export interface TableExportInput {
  fileName: string;
  header: string[];
  rows: (string | number | null)[][];
  format: TableExportFormat;
}

export interface TableExportFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  asciiFileName: string;
  unencodable: Unencodable[];
}

const EXTENSION: Record<TableExportFormat, string> = { 'csv-utf8': 'csv', 'csv-sjis': 'csv', xlsx: 'xlsx' };

/** The name without characters file systems refuse and without an extension the format adds itself. */
export function safeBaseName(name: string): string {
  const cleaned = name
    .replace(/[\\/:*?"<>|\p{Cc}]/gu, '_')
    .replace(/\.(csv|xlsx)$/i, '')
    .trim();
  return cleaned || 'table';
}

/** Who may download a table of a page: the staff roles and the prefecture analyst (aggregates only). */
function mayExport(ctx: Ctx): boolean {
  return isStaff(ctx.actor) || ctx.actor.roles.includes('prefecture_analyst');
}

export async function exportTable(ctx: Ctx, input: TableExportInput): Promise<TableExportFile> {
  if (!mayExport(ctx)) throw new AppError('forbidden');
  const base = safeBaseName(input.fileName);
  const ext = EXTENSION[input.format];
  let bytes: Buffer;
  let unencodable: Unencodable[] = [];
  let contentType: string;
  if (input.format === 'xlsx') {
    bytes = await toXlsx([{ name: base, header: input.header, rows: input.rows }]);
    contentType = XLSX_CONTENT_TYPE;
  } else {
    const encoding: CsvEncoding = input.format === 'csv-sjis' ? 'sjis' : 'utf8';
    ({ bytes, unencodable } = exportCsv(input.header, input.rows, encoding));
    contentType = csvContentType(encoding);
  }
  await inTransaction(ctx, (tx) =>
    audit(tx, {
      action: 'table.export',
      targetType: 'table',
      details: { fileName: base, format: input.format, rows: input.rows.length, columns: input.header.length, unencodable: unencodable.length },
    }),
  );
  return { bytes, contentType, fileName: `${base}.${ext}`, asciiFileName: `table-export.${ext}`, unencodable };
}
