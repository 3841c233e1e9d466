import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { attachmentHeader } from '../platform/export/csv.js';
import { XLSX_CONTENT_TYPE } from '../platform/export/xlsx.js';
import { ctxOf } from '../platform/http/request-context.js';
import { exportRun } from './export-run.js';
import { CostBody, CostsView, CostUpdateBody, CostView, FiscalYear, RateBody, RatesView, RateView, RunBody, RunList, RunView, VersionQuery } from './funding.schemas.js';
import { listCosts } from './list-costs.js';
import { runAllocation } from './run-allocation.js';
import { createCost, deleteCost, updateCost } from './save-cost.js';
import { saveRate } from './save-rate.js';
import { viewRates } from './view-rates.js';
import { listRuns, viewRun } from './view-run.js';

const tags = ['funding'];
const Params = z.object({ id: z.uuid() });
const Year = z.object({ fiscalYear: FiscalYear });

/** 交付金の設定 (versioned rates), 経費, 按分の実行と結果 (trace), XLSX. 市町村管理者のみ. */
export const fundingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/funding/rates', { schema: { tags, summary: '交付金の設定（年度）', querystring: Year, response: { 200: RatesView } } }, async (req) => viewRates(ctxOf(req), req.query.fiscalYear));
  app.post('/api/v1/funding/rates', { schema: { tags, summary: '交付金の設定を変更（新しい版）', body: RateBody, response: { 201: RateView } } }, async (req, reply) =>
    reply.status(201).send(await saveRate(ctxOf(req), req.body)),
  );
  app.get('/api/v1/funding/costs', { schema: { tags, summary: '経費の一覧（年度）', querystring: Year, response: { 200: CostsView } } }, async (req) => listCosts(ctxOf(req), req.query.fiscalYear));
  app.post('/api/v1/funding/costs', { schema: { tags, summary: '経費を登録', body: CostBody, response: { 201: CostView } } }, async (req, reply) =>
    reply.status(201).send(await createCost(ctxOf(req), req.body)),
  );
  app.put('/api/v1/funding/costs/:id', { schema: { tags, summary: '経費を変更', params: Params, body: CostUpdateBody, response: { 200: CostView } } }, async (req) =>
    updateCost(ctxOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/v1/funding/costs/:id',
    { schema: { tags, summary: '経費を削除', params: Params, querystring: VersionQuery, response: { 204: z.null() } } },
    async (req, reply) => {
      await deleteCost(ctxOf(req), req.params.id, req.query.version);
      return reply.status(204).send(null);
    },
  );
  app.get('/api/v1/funding/runs', { schema: { tags, summary: '按分の実行履歴（年度）', querystring: Year, response: { 200: RunList } } }, async (req) => listRuns(ctxOf(req), req.query.fiscalYear));
  app.post('/api/v1/funding/runs', { schema: { tags, summary: '按分を実行', body: RunBody, response: { 201: RunView } } }, async (req, reply) =>
    reply.status(201).send(await runAllocation(ctxOf(req), req.body)),
  );
  app.get('/api/v1/funding/runs/:id', { schema: { tags, summary: '按分の結果と内訳', params: Params, response: { 200: RunView } } }, async (req) => viewRun(ctxOf(req), req.params.id));
  app.get('/api/v1/funding/runs/:id/xlsx', { schema: { tags, summary: '按分の結果をExcelでダウンロード', params: Params } }, async (req, reply) => {
    const file = await exportRun(ctxOf(req), req.params.id);
    return reply.header('content-type', XLSX_CONTENT_TYPE).header('content-disposition', attachmentHeader(`交付金按分-${file.fileName}`, file.fileName)).send(file.bytes);
  });
};
