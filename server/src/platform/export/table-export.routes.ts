import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../http/request-context.js';
import { attachmentHeader } from './csv.js';
import { exportTable, TABLE_EXPORT_FORMATS, TABLE_EXPORT_MAX_COLUMNS, TABLE_EXPORT_MAX_ROWS } from './table-export.js';

/** At most this many entries of the 〓 report travel in the response header (the count is always complete). */
const REPORT_LIMIT = 100;

const Cell = z.union([z.string().max(10_000, { error: 'セルの文字数が多すぎます（10,000文字まで）。' }), z.number().finite({ error: '数値が正しくありません。' }), z.null()]);
const Body = z
  .object({
    fileName: z.string().trim().min(1, { error: 'ファイル名を指定してください。' }).max(100, { error: 'ファイル名は100文字までにしてください。' }),
    header: z
      .array(z.string().max(200, { error: '列名は200文字までにしてください。' }))
      .min(1, { error: '列が1つもありません。' })
      .max(TABLE_EXPORT_MAX_COLUMNS, { error: `列は${TABLE_EXPORT_MAX_COLUMNS}列までです。` }),
    rows: z.array(z.array(Cell)).max(TABLE_EXPORT_MAX_ROWS, { error: `行は${TABLE_EXPORT_MAX_ROWS.toLocaleString('ja-JP')}行までです。` }),
    format: z.enum(TABLE_EXPORT_FORMATS, { error: '形式は csv-utf8、csv-sjis、xlsx のいずれかです。' }),
  })
  .strict()
  .superRefine((body, issue) => {
    const bad = body.rows.findIndex((row) => row.length !== body.header.length);
    if (bad >= 0) issue.addIssue({ code: 'custom', path: ['rows', bad], message: `${bad + 1}行目のセルの数が列の数（${body.header.length}）と合いません。` });
  });

/** 表のダウンロード (CSV UTF-8 / Shift_JIS, XLSX) of a table the page already shows. */
export const tableExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/exports/table',
    // 50,000 rows × 100 columns do not fit the default 256 KB body limit.
    { bodyLimit: 32 * 1024 * 1024, schema: { tags: ['export'], summary: '表をCSV・Excelでダウンロード', body: Body } },
    async (req, reply) => {
      const file = await exportTable(ctxOf(req), req.body);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentHeader(file.fileName, file.asciiFileName))
        .header('x-kasane-unencodable-count', String(file.unencodable.length))
        .header('x-kasane-unencodable', encodeURIComponent(JSON.stringify(file.unencodable.slice(0, REPORT_LIMIT))))
        .send(file.bytes);
    },
  );
};
