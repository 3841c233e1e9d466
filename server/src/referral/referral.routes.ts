import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/http/request-context.js';
import { cancelReferral } from './cancel-referral.js';
import { createReferral } from './create-referral.js';
import { listReferrals } from './list-referrals.js';
import { listUnowned } from './list-unowned.js';
import { attachableRecords, checkReferralConsent } from './prepare-referral.js';
import { ReferralBody, ReferralListItem, ReferralView, RejectReason, SubjectQuery, Text, Version } from './referral.schemas.js';
import { updateReferralSettings, viewReferralSettings } from './referral-settings.js';
import { acceptReferral, rejectReferral } from './respond-to-referral.js';
import { sendReferral } from './send-referral.js';
import { updateReferralDraft } from './update-referral-draft.js';
import { updateReferralProgress } from './update-referral-progress.js';
import { viewReferral } from './view-referral.js';

const tags = ['referral'];
const Params = z.object({ id: z.uuid() });
const ok = { 200: ReferralView };
const Settings = z.object({ alertWorkingDays: z.number().int().min(1).max(60), noContactDays: z.number().int().min(1).max(365), version: z.number().int().min(0) });

/** つなぐ (referral, closed loop), its inbox/outbox, and 誰も担当していない相談. */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/v1/referrals', { schema: { tags, summary: 'つなぐ（作成・送付）', body: ReferralBody.extend({ send: z.boolean() }), response: { 201: ReferralView } } }, async (req, reply) =>
    reply.status(201).send(await createReferral(ctxOf(req), req.body)),
  );
  app.get(
    '/api/v1/referrals',
    {
      schema: {
        tags,
        summary: 'つなぎの一覧（受信・送信）',
        querystring: z.object({ box: z.enum(['inbox', 'outbox']), status: z.enum(['open', 'closed', 'all']).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
        response: { 200: z.object({ alertWorkingDays: z.number().int(), items: z.array(ReferralListItem) }) },
      },
    },
    async (req) => listReferrals(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/referrals/attachable',
    { schema: { tags, summary: '添付できる記録', querystring: SubjectQuery, response: { 200: z.object({ items: z.array(z.object({ kind: z.enum(['consultation', 'progress_note']), id: z.string(), label: z.string(), date: z.string() })) }) } } },
    async (req) => attachableRecords(ctxOf(req), req.query),
  );
  app.get(
    '/api/v1/referrals/consent-check',
    {
      schema: {
        tags,
        summary: '紹介先を含む本人同意の確認',
        querystring: SubjectQuery.extend({ toAgencyId: z.uuid() }),
        response: { 200: z.object({ consent: z.object({ consentId: z.string(), consultationId: z.string(), validUntil: z.string().nullable() }).nullable() }) },
      },
    },
    async (req) => checkReferralConsent(ctxOf(req), req.query),
  );
  app.get('/api/v1/referrals/:id', { schema: { tags, summary: 'つなぎの閲覧', params: Params, response: ok } }, async (req) => viewReferral(ctxOf(req), req.params.id));
  app.put('/api/v1/referrals/:id', { schema: { tags, summary: '下書きの編集', params: Params, body: ReferralBody.extend(Version.shape), response: ok } }, async (req) =>
    updateReferralDraft(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/referrals/:id/send',
    { schema: { tags, summary: '送る', params: Params, body: Version.extend({ consentOverrideReason: z.string().trim().max(2000).nullish() }).strict(), response: ok } },
    async (req) => sendReferral(ctxOf(req), req.params.id, req.body),
  );
  app.post('/api/v1/referrals/:id/cancel', { schema: { tags, summary: '取り消す', params: Params, body: Version.extend({ note: Text(2000) }).strict(), response: ok } }, async (req) =>
    cancelReferral(ctxOf(req), req.params.id, req.body),
  );
  app.post('/api/v1/referrals/:id/accept', { schema: { tags, summary: '受理する', params: Params, body: Version.extend({ note: z.string().trim().max(2000).nullish() }).strict(), response: ok } }, async (req) =>
    acceptReferral(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/referrals/:id/reject',
    { schema: { tags, summary: '受理しない', params: Params, body: Version.extend({ reasonCode: RejectReason, note: Text(2000) }).strict(), response: ok } },
    async (req) => rejectReferral(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/referrals/:id/progress',
    {
      schema: {
        tags,
        summary: '対応状況の更新（開始・保留・再開・完了・不成立）',
        params: Params,
        body: Version.extend({ to: z.enum(['in_progress', 'on_hold', 'completed', 'failed']), note: z.string().trim().max(4000).nullish(), needMet: z.boolean().nullish() }).strict(),
        response: ok,
      },
    },
    async (req) => updateReferralProgress(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/unowned',
    {
      schema: {
        tags,
        summary: '誰も担当していない相談',
        querystring: z.object({
          days: z.coerce.number().int().min(1).max(365).optional(),
          reason: z.enum(['no_owner', 'no_next_step', 'no_contact']).optional(),
          limit: z.coerce.number().int().min(1).max(500).optional(),
        }),
        response: {
          200: z.object({
            days: z.number().int(),
            total: z.number().int(),
            items: z.array(
              z.object({
                consultationId: z.string(),
                receivedOn: z.string(),
                agencyName: z.string(),
                summary: z.string(),
                personName: z.string().nullable(),
                householdId: z.string().nullable(),
                householdLabel: z.string().nullable(),
                caseId: z.string().nullable(),
                reasons: z.array(z.enum(['no_owner', 'no_next_step', 'no_contact'])),
                lastContactOn: z.string().nullable(),
                daysSinceContact: z.number().int().nullable(),
              }),
            ),
            byAgency: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), count: z.number().int() })).nullable(),
          }),
        },
      },
    },
    async (req) => listUnowned(ctxOf(req), req.query),
  );
  app.get('/api/v1/admin/referral-settings', { schema: { tags, summary: 'つなぐの設定', response: { 200: Settings } } }, async (req) => viewReferralSettings(ctxOf(req)));
  app.put('/api/v1/admin/referral-settings', { schema: { tags, summary: 'つなぐの設定を変更', body: Settings.strict(), response: { 200: Settings } } }, async (req) =>
    updateReferralSettings(ctxOf(req), req.body),
  );
};
