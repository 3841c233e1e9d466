import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/http/request-context.js';
import { closeCase, reopenCase } from './close-case.js';
import { openCase } from './open-case.js';
import { acceptLeadTransfer, cancelLeadTransfer, declineLeadTransfer, requestLeadTransfer, transferInbox } from './transfer-lead.js';
import { listCases, viewCase } from './view-case.js';
import { viewCaseTimeline } from './view-case-timeline.js';

const CaseView = z.object({
  id: z.string(),
  householdId: z.string(),
  householdLabel: z.string(),
  status: z.enum(['open', 'closed']),
  leadAgencyId: z.string(),
  leadAgencyName: z.string(),
  openedOn: z.string(),
  openedBy: z.string(),
  openingNote: z.string().nullable(),
  closedOn: z.string().nullable(),
  closeReason: z.string().nullable(),
  version: z.number().int(),
  leadHistory: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), from: z.string(), to: z.string().nullable() })),
  pendingTransfer: z
    .object({ id: z.string(), toAgencyId: z.string(), toAgencyName: z.string(), reason: z.string(), requestedAt: z.string(), requestedBy: z.string() })
    .nullable(),
});
const Params = z.object({ id: z.uuid() });
const Version = z.object({ version: z.number().int().min(1) });
const Reason = z.string().trim().min(1).max(2000);
const tags = ['consultation'];

/** ケースと主担当 (a household's support episode and its one lead agency). */
export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/cases',
    { schema: { tags, summary: 'ケースを開始', body: z.object({ householdId: z.uuid(), agencyId: z.uuid().nullish(), note: z.string().max(2000).nullish() }).strict(), response: { 201: CaseView } } },
    async (req, reply) => reply.status(201).send(await openCase(ctxOf(req), req.body)),
  );
  app.get(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: 'ケース一覧',
        querystring: z.object({
          householdId: z.uuid().optional(),
          status: z.enum(['open', 'closed', 'all']).optional(),
          involvement: z.enum(['lead', 'team']).optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.string(), householdId: z.string(), householdLabel: z.string(), status: z.enum(['open', 'closed']), leadAgencyId: z.string(), leadAgencyName: z.string(), openedOn: z.string(), closedOn: z.string().nullable(), pendingTransfer: z.boolean() }),
            ),
          }),
        },
      },
    },
    async (req) => listCases(ctxOf(req), req.query),
  );
  app.get('/api/v1/cases/:id', { schema: { tags, summary: 'ケースの閲覧', params: Params, response: { 200: CaseView } } }, async (req) => viewCase(ctxOf(req), req.params.id));
  app.get(
    '/api/v1/cases/:id/timeline',
    {
      schema: {
        tags,
        summary: 'ケースの経過',
        params: Params,
        response: {
          200: z.object({
            caseId: z.string(),
            items: z.array(
              z.object({
                id: z.string(),
                at: z.string(),
                kind: z.enum(['case_opened', 'case_closed', 'lead_changed', 'transfer', 'consultation', 'progress_note', 'referral']),
                title: z.string(),
                detail: z.string().nullable(),
                agencyName: z.string(),
                link: z.object({ type: z.enum(['consultation', 'progress', 'referral']), id: z.string() }).nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => viewCaseTimeline(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/cases/:id/transfer',
    { schema: { tags, summary: '主担当の変更を依頼', params: Params, body: Version.extend({ toAgencyId: z.uuid(), reason: Reason }).strict(), response: { 200: CaseView } } },
    async (req) => requestLeadTransfer(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/cases/:id/transfer/cancel',
    { schema: { tags, summary: '主担当の変更依頼を取り消す', params: Params, body: Version.strict(), response: { 200: CaseView } } },
    async (req) => cancelLeadTransfer(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/cases/:id/close',
    { schema: { tags, summary: '終結', params: Params, body: Version.extend({ reason: Reason }).strict(), response: { 200: CaseView } } },
    async (req) => closeCase(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/cases/:id/reopen',
    { schema: { tags, summary: '再開', params: Params, body: Version.strict(), response: { 200: CaseView } } },
    async (req) => reopenCase(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/case-transfers/inbox',
    {
      schema: {
        tags,
        summary: '主担当の変更依頼（受信）',
        response: {
          200: z.object({ items: z.array(z.object({ transferId: z.string(), caseId: z.string(), householdLabel: z.string(), fromAgencyName: z.string(), toAgencyId: z.string(), reason: z.string(), requestedAt: z.string() })) }),
        },
      },
    },
    async (req) => transferInbox(ctxOf(req)),
  );
  app.post(
    '/api/v1/case-transfers/:transferId/accept',
    { schema: { tags, summary: '受理する', params: z.object({ transferId: z.uuid() }), response: { 200: CaseView } } },
    async (req) => acceptLeadTransfer(ctxOf(req), req.params.transferId),
  );
  app.post(
    '/api/v1/case-transfers/:transferId/decline',
    { schema: { tags, summary: '受理しない', params: z.object({ transferId: z.uuid() }), body: z.object({ reason: Reason }).strict() } },
    async (req, reply) => {
      await declineLeadTransfer(ctxOf(req), req.params.transferId, req.body.reason);
      return reply.status(204).send();
    },
  );
};
