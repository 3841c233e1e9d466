import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.js';
import { closePlan } from './close-plan.js';
import { createPlan } from './create-plan.js';
import { diffPlanVersions } from './diff-plan-versions.js';
import { evaluatePlan } from './evaluate-plan.js';
import { listReminders } from './list-reminders.js';
import { markActionDone } from './mark-action-done.js';
import { CloseBody, CreatePlanBody, DiffView, DoneBody, EvaluateBody, PlanList, PlanView, Reminders, RevisePlanBody, VersionView } from './plan.schemas.js';
import { revisePlan } from './revise-plan.js';
import { listCasePlans, viewPlan, viewPlanVersion } from './view-plan.js';

const tags = ['collaboration'];
const Params = z.object({ id: z.uuid() });
const No = z.coerce.number().int().min(1).max(10_000);
const ok = { 200: PlanView };

/** 支援プラン（プラン兼利用申込書）: versions and 変更点, 評価, 終結/中断, 再プラン, and 見直し・期日. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/cases/:id/plans', { schema: { tags, summary: 'ケースの支援プラン一覧', params: Params, response: { 200: PlanList } } }, async (req) => listCasePlans(ctxOf(req), req.params.id));
  app.post('/api/v1/cases/:id/plans', { schema: { tags, summary: '支援プランを作成（再プランを含む）', params: Params, body: CreatePlanBody, response: { 201: PlanView } } }, async (req, reply) =>
    reply.status(201).send(await createPlan(ctxOf(req), req.params.id, req.body)),
  );
  app.get('/api/v1/plans/:id', { schema: { tags, summary: '支援プランの閲覧', params: Params, response: ok } }, async (req) => viewPlan(ctxOf(req), req.params.id));
  app.get(
    '/api/v1/plans/:id/versions/:n',
    { schema: { tags, summary: '支援プランの第N版', params: Params.extend({ n: No }), response: { 200: VersionView.extend({ planId: z.string() }) } } },
    async (req) => viewPlanVersion(ctxOf(req), req.params.id, req.params.n),
  );
  app.get('/api/v1/plans/:id/diff', { schema: { tags, summary: '版の変更点', params: Params, querystring: z.object({ from: No, to: No }), response: { 200: DiffView } } }, async (req) =>
    diffPlanVersions(ctxOf(req), req.params.id, req.query.from, req.query.to),
  );
  app.post('/api/v1/plans/:id/versions', { schema: { tags, summary: '新しい版を作成', params: Params, body: RevisePlanBody, response: { 201: PlanView } } }, async (req, reply) =>
    reply.status(201).send(await revisePlan(ctxOf(req), req.params.id, req.body)),
  );
  app.post('/api/v1/plans/:id/evaluations', { schema: { tags, summary: '評価（経過・成果）', params: Params, body: EvaluateBody, response: { 201: PlanView } } }, async (req, reply) =>
    reply.status(201).send(await evaluatePlan(ctxOf(req), req.params.id, req.body)),
  );
  app.post('/api/v1/plans/:id/close', { schema: { tags, summary: '終結・中断', params: Params, body: CloseBody, response: ok } }, async (req) => closePlan(ctxOf(req), req.params.id, req.body));
  app.post(
    '/api/v1/plans/:id/actions/:versionNo/:actionNo/done',
    { schema: { tags, summary: '役割分担を完了にする', params: Params.extend({ versionNo: No, actionNo: No }), body: DoneBody, response: ok } },
    async (req) => markActionDone(ctxOf(req), req.params.id, req.params.versionNo, req.params.actionNo, req.body),
  );
  app.get(
    '/api/v1/reminders',
    { schema: { tags, summary: '見直し・期日', querystring: z.object({ scope: z.enum(['mine', 'agency']).default('mine') }), response: { 200: Reminders } } },
    async (req) => listReminders(ctxOf(req), req.query.scope),
  );
};
