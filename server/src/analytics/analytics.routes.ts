import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ctxOf } from '../platform/http/request-context.js';
import { DashboardQuerySchema, DashboardView } from './analytics.schemas.js';
import { viewDashboard } from './view-dashboard.js';

/** 見える化: the municipality's indicator dashboard (aggregate policy; audited per view). */
export const analyticsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/analytics/dashboard',
    { schema: { tags: ['analytics'], summary: '見える化（指標ダッシュボード）', querystring: DashboardQuerySchema, response: { 200: DashboardView } } },
    async (req) => viewDashboard(ctxOf(req), req.query),
  );
};
