import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/http/request-context.js';
import { changeStage } from './change-stage.js';
import { closeLead, reopenLead } from './close-lead.js';
import { createLead } from './create-lead.js';
import { listLapses } from './list-lapses.js';
import { listLeads } from './list-leads.js';
import { listTrustStages, saveTrustStages } from './manage-trust-stages.js';
import { moveLeadToCase } from './move-to-case.js';
import { outreachOptions } from './outreach-options.js';
import {
  AttemptBody,
  CadenceBody,
  CaseCadence,
  CloseBody,
  CreateLeadBody,
  Lapses,
  LeadList,
  LeadView,
  MoveToCaseBody,
  MyReports,
  Options,
  StageBody,
  TrustStages,
  TrustStagesBody,
  UpdateLeadBody,
  VersionBody,
  VolunteerForm,
  VolunteerReceipt,
  VolunteerReportBody,
} from './outreach.schemas.js';
import { recordAttempt } from './record-attempt.js';
import { setCaseCadence, setLeadCadence, viewCaseCadence } from './set-cadence.js';
import { updateLeadDetails } from './update-lead.js';
import { listMyReports, submitVolunteerReport, volunteerReportForm } from './volunteer-reports.js';
import { viewLead } from './view-lead.js';

const tags = ['outreach'];
const Params = z.object({ id: z.uuid() });
const ok = { 200: LeadView };

/** アウトリーチ (leads, 訪問記録, 信頼関係の段階, 同意・ケースへの移行, つながり続ける) and 気づきの連絡. */
export const outreachRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/outreach/leads',
    { schema: { tags, summary: 'アウトリーチの一覧（機関の受付）', querystring: z.object({ filter: z.enum(['active', 'consented', 'closed', 'all']).default('active'), mine: z.stringbool().default(false) }), response: { 200: LeadList } } },
    async (req) => listLeads(ctxOf(req), req.query),
  );
  app.post('/api/v1/outreach/leads', { schema: { tags, summary: 'アウトリーチ対象の登録', body: CreateLeadBody, response: { 201: LeadView } } }, async (req, reply) =>
    reply.status(201).send(await createLead(ctxOf(req), req.body)),
  );
  app.get('/api/v1/outreach/leads/:id', { schema: { tags, summary: 'アウトリーチ対象の閲覧', params: Params, response: ok } }, async (req) => viewLead(ctxOf(req), req.params.id));
  app.patch('/api/v1/outreach/leads/:id', { schema: { tags, summary: 'アウトリーチ対象の更新（本人の特定・担当者など）', params: Params, body: UpdateLeadBody, response: ok } }, async (req) =>
    updateLeadDetails(ctxOf(req), req.params.id, req.body),
  );
  app.post('/api/v1/outreach/leads/:id/attempts', { schema: { tags, summary: '訪問記録（接触の試み）', params: Params, body: AttemptBody, response: { 201: LeadView } } }, async (req, reply) =>
    reply.status(201).send(await recordAttempt(ctxOf(req), req.params.id, req.body)),
  );
  app.post('/api/v1/outreach/leads/:id/stage', { schema: { tags, summary: '信頼関係の段階を変更', params: Params, body: StageBody, response: ok } }, async (req) => changeStage(ctxOf(req), req.params.id, req.body));
  app.post('/api/v1/outreach/leads/:id/close', { schema: { tags, summary: 'アウトリーチの終了', params: Params, body: CloseBody, response: ok } }, async (req) => closeLead(ctxOf(req), req.params.id, req.body));
  app.post('/api/v1/outreach/leads/:id/reopen', { schema: { tags, summary: 'アウトリーチの再開', params: Params, body: VersionBody, response: ok } }, async (req) => reopenLead(ctxOf(req), req.params.id, req.body));
  app.post('/api/v1/outreach/leads/:id/consent', { schema: { tags, summary: '同意を得て相談・ケースへ移行', params: Params, body: MoveToCaseBody, response: ok } }, async (req) =>
    moveLeadToCase(ctxOf(req), req.params.id, req.body),
  );
  app.put('/api/v1/outreach/leads/:id/cadence', { schema: { tags, summary: '連絡の間隔（アウトリーチ）', params: Params, body: CadenceBody, response: ok } }, async (req) =>
    setLeadCadence(ctxOf(req), req.params.id, req.body),
  );
  app.get('/api/v1/cases/:id/cadence', { schema: { tags, summary: '連絡の間隔（ケース）', params: Params, response: { 200: CaseCadence } } }, async (req) => viewCaseCadence(ctxOf(req), req.params.id));
  app.put('/api/v1/cases/:id/cadence', { schema: { tags, summary: '連絡の間隔を設定（ケース）', params: Params, body: CadenceBody, response: { 200: CaseCadence } } }, async (req) =>
    setCaseCadence(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/v1/outreach/lapses',
    { schema: { tags, summary: '連絡が途絶えている人', querystring: z.object({ scope: z.enum(['mine', 'agency']).default('mine') }), response: { 200: Lapses } } },
    async (req) => listLapses(ctxOf(req), req.query.scope),
  );
  app.get('/api/v1/outreach/options', { schema: { tags, summary: '圏域と担当者の選択肢', response: { 200: Options } } }, async (req) => outreachOptions(ctxOf(req)));
  app.get('/api/v1/outreach/trust-stages', { schema: { tags, summary: '信頼関係の段階', response: { 200: TrustStages } } }, async (req) => listTrustStages(ctxOf(req)));
  app.put('/api/v1/admin/trust-stages', { schema: { tags, summary: '信頼関係の段階の設定（市町村管理者）', body: TrustStagesBody, response: { 200: TrustStages } } }, async (req) =>
    saveTrustStages(ctxOf(req), req.body),
  );

  app.get('/api/v1/volunteer-reports/form', { schema: { tags, summary: '気づきの連絡の入力項目', response: { 200: VolunteerForm } } }, async (req) => volunteerReportForm(ctxOf(req)));
  app.post('/api/v1/volunteer-reports', { schema: { tags, summary: '気づきの連絡', body: VolunteerReportBody, response: { 201: VolunteerReceipt } } }, async (req, reply) =>
    reply.status(201).send(await submitVolunteerReport(ctxOf(req), req.body)),
  );
  app.get('/api/v1/volunteer-reports/mine', { schema: { tags, summary: '自分の気づきの連絡と対応状況', response: { 200: MyReports } } }, async (req) => listMyReports(ctxOf(req)));
};
