import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentHeader, csvContentType } from '../../platform/export/csv.js';
import { ctxOf } from '../../platform/http/request-context.js';
import { checkProgressNotesExport, exportProgressNotes } from './export-progress-notes.js';
import { listProgressNotes } from './list-progress-notes.js';
import { PROGRESS_NOTE_KINDS } from './progress-note.repo.js';
import { recordProgressNote } from './record-progress-note.js';
import { updateProgressNote } from './update-progress-note.js';

const Day = z.iso.date({ error: '日付は YYYY-MM-DD の形で、実在する日を入力してください。' });
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '時刻は 00:00〜23:59 の形で入力してください。' });
const Kind = z.enum(PROGRESS_NOTE_KINDS);
const NoteBody = z
  .object({
    occurredOn: Day,
    occurredTime: Time.nullish(),
    kind: Kind,
    subject: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(10000),
    personId: z.uuid().nullish(),
    nextAction: z.string().trim().max(2000).nullish().transform((s) => s || null),
    nextActionDue: Day.nullish(),
  })
  .strict();
const NoteView = z.object({
  id: z.string(),
  caseId: z.string(),
  occurredOn: z.string(),
  occurredTime: z.string().nullable(),
  kind: Kind,
  kindLabel: z.string(),
  subject: z.string(),
  body: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  nextAction: z.string().nullable(),
  nextActionDue: z.string().nullable(),
  authorAgencyId: z.string(),
  authorAgencyName: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
  editable: z.boolean(),
});
const Unencodable = z.object({ char: z.string(), codePoint: z.string(), row: z.number().int(), column: z.string() });
const Params = z.object({ id: z.uuid() });
const Encoding = z.object({ encoding: z.enum(['utf8', 'sjis']).default('utf8') });
const tags = ['consultation'];

/** 支援経過記録 and 経過一覧 (list, CSV in UTF-8 or Shift_JIS) of a household case. */
export const progressNoteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/cases/:id/progress-notes',
    {
      schema: {
        tags,
        summary: '経過一覧',
        params: Params,
        response: {
          200: z.object({
            caseId: z.string(),
            householdId: z.string(),
            householdLabel: z.string(),
            caseStatus: z.enum(['open', 'closed']),
            leadAgencyName: z.string(),
            items: z.array(NoteView),
          }),
        },
      },
    },
    async (req) => listProgressNotes(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/cases/:id/progress-notes',
    { schema: { tags, summary: '経過を記録する', params: Params, body: NoteBody, response: { 201: NoteView } } },
    async (req, reply) => reply.status(201).send(await recordProgressNote(ctxOf(req), req.params.id, req.body)),
  );
  app.put(
    '/api/v1/progress-notes/:noteId',
    {
      schema: {
        tags,
        summary: '経過記録の修正',
        params: z.object({ noteId: z.uuid() }),
        body: NoteBody.extend({ version: z.number().int().min(1) }),
        response: { 200: NoteView },
      },
    },
    async (req) => updateProgressNote(ctxOf(req), req.params.noteId, req.body),
  );
  app.get(
    '/api/v1/cases/:id/progress-notes/export-check',
    {
      schema: {
        tags,
        summary: 'CSV出力の事前確認（Shift_JISで表せない文字）',
        params: Params,
        querystring: Encoding,
        response: { 200: z.object({ unencodable: z.array(Unencodable) }) },
      },
    },
    async (req) => checkProgressNotesExport(ctxOf(req), req.params.id, req.query.encoding),
  );
  app.get(
    '/api/v1/cases/:id/progress-notes.csv',
    { schema: { tags, summary: '経過一覧のCSV出力', params: Params, querystring: Encoding } },
    async (req, reply) => {
      const { encoding } = req.query;
      const file = await exportProgressNotes(ctxOf(req), req.params.id, encoding);
      return reply
        .header('content-type', csvContentType(encoding))
        .header('content-disposition', attachmentHeader(file.fileName, file.asciiFileName))
        .header('x-kasane-unencodable-count', String(file.unencodableCount))
        .send(file.bytes);
    },
  );
};
