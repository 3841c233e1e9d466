import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.js';
import { viewPrefecture } from './view-prefecture.js';

const Count = z.number().int().nullable();
/** The six 施行規則34条の10 indicators; null = hidden (small count or what would reveal one). */
const Counts = z.object({
  consultations: Count,
  participation_persons: Count,
  participation_hosts: Count,
  community_places: Count,
  community_participants: Count,
  community_organizations: Count,
});

const PrefectureView = z.object({
  prefectureCode: z.string(),
  prefectureName: z.string(),
  fiscalYear: z.number().int(),
  month: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  threshold: z.number().int(),
  indicators: z.array(z.string()),
  rows: z.array(z.object({ code: z.string(), name: z.string(), population: z.number().int(), values: Counts })),
  totals: Counts,
  suppressed: z.number().int(),
});

const Query = z.object({
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月は YYYY-MM の形で指定してください。' })
    .optional(),
});

/** 都道府県の集計 (counts only, small counts hidden). */
export const prefectureRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/analytics/prefecture',
    { schema: { tags: ['analytics'], summary: '都道府県の集計（市町村別の指標、少数は非表示）', querystring: Query, response: { 200: PrefectureView } } },
    async (req) => viewPrefecture(ctxOf(req), req.query),
  );
};
