import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.js';
import { addIndicator } from './add-indicator.js';
import { createPlan } from './create-plan.js';
import { listPlans } from './list-plans.js';
import { setIndicatorYear } from './set-indicator-year.js';
import { setSmallCellThreshold, viewSmallCellSetting } from './small-cell-setting.js';
import { PLAN_KINDS, STATUTORY_CODES } from './targets.repo.js';
import { updatePlan } from './update-plan.js';
import { viewTargets } from './view-targets.js';

const tags = ['analytics'];
const Params = z.object({ id: z.uuid() });
const FiscalYear = z.coerce.number({ error: '年度を数字で指定してください。' }).int().min(2000, { error: '年度は2000〜2100の範囲で指定してください。' }).max(2100, { error: '年度は2000〜2100の範囲で指定してください。' });
const Version = z.number().int().min(0);
const Count = z.number({ error: '数値を入力してください。' }).int({ error: '整数で入力してください。' }).min(0, { error: '0以上の数を入力してください。' }).max(100_000_000, { error: '数が大きすぎます。' });

const PlanBody = z
  .object({
    kind: z.enum(PLAN_KINDS, { error: '計画の種類を選んでください。' }),
    name: z.string().trim().min(1, { error: '計画の名前を入力してください。' }).max(200, { error: '計画の名前は200文字までにしてください。' }),
    fromFiscalYear: FiscalYear,
    toFiscalYear: FiscalYear,
  })
  .strict();
const periodCheck = <T extends { fromFiscalYear: number; toFiscalYear: number }>(body: T, ctx: z.RefinementCtx) => {
  if (body.toFiscalYear < body.fromFiscalYear) ctx.addIssue({ code: 'custom', path: ['toFiscalYear'], message: '終わりの年度は始まりの年度と同じか、それより後にしてください。' });
  else if (body.toFiscalYear - body.fromFiscalYear >= 10) ctx.addIssue({ code: 'custom', path: ['toFiscalYear'], message: '計画期間は10年度までにしてください。' });
};
const CreateBody = PlanBody.extend({ statutoryCodes: z.array(z.enum(STATUTORY_CODES)).optional() }).superRefine(periodCheck);
const UpdateBody = PlanBody.extend({ version: Version }).superRefine(periodCheck);

const IndicatorBody = z.union(
  [
    z.object({ statutoryCode: z.enum(STATUTORY_CODES, { error: '法定の指標を選んでください。' }) }).strict(),
    z
      .object({
        label: z.string().trim().min(1, { error: '指標の名前を入力してください。' }).max(100, { error: '指標の名前は100文字までにしてください。' }),
        unit: z.string().trim().min(1, { error: '単位を入力してください。' }).max(20, { error: '単位は20文字までにしてください。' }),
      })
      .strict(),
  ],
  { error: '法定の指標を選ぶか、独自の指標の名前と単位を入力してください。' },
);
const YearBody = z
  .object({
    target: Count.nullable(),
    manualActual: Count.nullable(),
    evaluation: z
      .string()
      .trim()
      .max(4000, { error: '評価は4,000文字までにしてください。' })
      .nullable()
      .transform((s) => s || null),
    version: Version,
  })
  .strict();

const Plan = z.object({ id: z.string(), kind: z.enum(PLAN_KINDS), kindLabel: z.string(), name: z.string(), fromFiscalYear: z.number(), toFiscalYear: z.number(), version: z.number() });
const Indicator = z.object({ id: z.string(), planId: z.string(), position: z.number(), statutoryCode: z.string().nullable(), label: z.string(), unit: z.string(), version: z.number() });
const TargetRow = z.object({
  indicatorId: z.string(),
  statutoryCode: z.string().nullable(),
  label: z.string(),
  unit: z.string(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  actualSource: z.enum(['records', 'manual']),
  achievement: z.number().nullable(),
  evaluation: z.string().nullable(),
  version: z.number(),
});
const Setting = z.object({ threshold: z.number(), version: z.number(), canEdit: z.boolean() });

/** 計画と目標 (重層的支援体制整備事業実施計画・地域福祉計画), and the small-cell threshold. */
export const targetRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/analytics/plans',
    { schema: { tags, summary: '計画の一覧', response: { 200: z.object({ canEdit: z.boolean(), items: z.array(Plan.extend({ indicators: z.array(Indicator) })) }) } } },
    async (req) => listPlans(ctxOf(req)),
  );
  app.post('/api/v1/analytics/plans', { schema: { tags, summary: '計画の登録', body: CreateBody, response: { 201: Plan } } }, async (req, reply) =>
    reply.status(201).send(await createPlan(ctxOf(req), req.body)),
  );
  app.put('/api/v1/analytics/plans/:id', { schema: { tags, summary: '計画の変更', params: Params, body: UpdateBody, response: { 200: Plan } } }, async (req) =>
    updatePlan(ctxOf(req), req.params.id, req.body),
  );
  app.post('/api/v1/analytics/plans/:id/indicators', { schema: { tags, summary: '指標の追加', params: Params, body: IndicatorBody, response: { 201: Indicator } } }, async (req, reply) =>
    reply.status(201).send(await addIndicator(ctxOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/analytics/plans/:id/targets',
    {
      schema: {
        tags,
        summary: '目標と実績',
        params: Params,
        querystring: z.object({ fiscalYear: FiscalYear.optional() }),
        response: {
          200: z.object({ plan: Plan, fiscalYear: z.number(), from: z.string(), to: z.string(), asOf: z.string().nullable(), canEdit: z.boolean(), rows: z.array(TargetRow) }),
        },
      },
    },
    async (req) => viewTargets(ctxOf(req), req.params.id, req.query.fiscalYear),
  );
  app.put(
    '/api/v1/analytics/indicators/:id/years/:fiscalYear',
    {
      schema: {
        tags,
        summary: '年度の目標・実績・評価',
        params: Params.extend({ fiscalYear: FiscalYear }),
        body: YearBody,
        response: {
          200: z.object({ indicatorId: z.string(), fiscalYear: z.number(), target: z.number().nullable(), manualActual: z.number().nullable(), evaluation: z.string().nullable(), version: z.number() }),
        },
      },
    },
    async (req) => setIndicatorYear(ctxOf(req), req.params.id, req.params.fiscalYear, req.body),
  );
  app.get('/api/v1/analytics/small-cell-threshold', { schema: { tags, summary: '小さな数の秘匿の基準', response: { 200: Setting } } }, async (req) => viewSmallCellSetting(ctxOf(req)));
  app.put(
    '/api/v1/analytics/small-cell-threshold',
    {
      schema: {
        tags,
        summary: '小さな数の秘匿の基準を変更',
        body: z.object({ threshold: z.number().int({ error: '整数で入力してください。' }).min(1, { error: '1〜100の範囲で入力してください。' }).max(100, { error: '1〜100の範囲で入力してください。' }), version: Version }).strict(),
        response: { 200: Setting },
      },
    },
    async (req) => setSmallCellThreshold(ctxOf(req), req.body),
  );
};
