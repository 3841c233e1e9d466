import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anonCtxOf } from '../platform/http/request-context.js';
import {
  getHsdsOrganization,
  getHsdsService,
  getHsdsTaxonomy,
  getHsdsTaxonomyTerm,
  listHsdsOrganizations,
  listHsdsServiceAtLocations,
  listHsdsServices,
  listHsdsTaxonomies,
  listHsdsTaxonomyTerms,
} from './hsds-api.js';
import { HsdsOrganization, HsdsOrganizationBrief, HsdsService, HsdsServiceAtLocationBrief, HsdsServiceBrief, HsdsTaxonomy, HsdsTaxonomyTerm, hsdsPage } from './hsds.schemas.js';

const tags = ['hsds'];
const config = { auth: 'none' as const };
const security: Array<Record<string, string[]>> = [];
const Params = z.object({ id: z.uuid() });
const flag = z
  .enum(['true', 'false', '1', '0'])
  .optional()
  .transform((v) => v === 'true' || v === '1');
const Paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce
    .number()
    .int()
    .min(1)
    .default(50)
    .transform((n) => Math.min(n, 200)),
  search: z.string().trim().max(200).optional(),
};
const ModifiedAfter = z
  .string()
  .trim()
  .optional()
  .transform((s, ctx) => {
    if (!s) return undefined;
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00+09:00` : s);
    if (Number.isNaN(d.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'modified_after は日付（YYYY-MM-DD）か日時（ISO 8601）で指定してください。' });
      return z.NEVER;
    }
    return d;
  });
const ServiceQuery = z.object({
  ...Paging,
  taxonomy_term_id: z.uuid().optional(),
  taxonomy_id: z.uuid().optional(),
  organization_id: z.uuid().optional(),
  modified_after: ModifiedAfter,
  full: flag,
});

/**
 * The read-only HSDS 3.0 API profile, public (no sign-in): the home municipality's 地域資源.
 * Paths and parameters follow /work/shared/specs/hsds-3.0/openapi.json.
 */
export const hsdsRoutes: FastifyPluginAsyncZod = async (app) => {
  const mid = () => app.services.homeMunicipalityId;
  app.get(
    '/hsds',
    {
      config,
      schema: { tags, security, summary: 'HSDS API の情報', response: { 200: z.object({ version: z.string(), profile: z.string(), openapi_url: z.string() }) } },
    },
    async () => ({ version: '3.0', profile: 'https://docs.openreferral.org/en/latest/hsds/api_reference.html', openapi_url: '/api/openapi.json' }),
  );
  app.get(
    '/hsds/services',
    { config, schema: { tags, security, summary: 'サービスの一覧（HSDS）', querystring: ServiceQuery, response: { 200: hsdsPage(z.union([HsdsService, HsdsServiceBrief])) } } },
    async (req) => listHsdsServices(anonCtxOf(req), mid(), req.query),
  );
  app.get('/hsds/services/:id', { config, schema: { tags, security, summary: 'サービス（HSDS、すべての関連情報つき）', params: Params, response: { 200: HsdsService } } }, async (req) =>
    getHsdsService(anonCtxOf(req), mid(), req.params.id),
  );
  app.get(
    '/hsds/service_at_locations',
    { config, schema: { tags, security, summary: '実施場所ごとのサービス（HSDS）', querystring: ServiceQuery, response: { 200: hsdsPage(HsdsServiceAtLocationBrief) } } },
    async (req) => listHsdsServiceAtLocations(anonCtxOf(req), mid(), req.query),
  );
  app.get(
    '/hsds/organizations',
    { config, schema: { tags, security, summary: '提供機関の一覧（HSDS）', querystring: z.object(Paging), response: { 200: hsdsPage(HsdsOrganizationBrief) } } },
    async (req) => listHsdsOrganizations(anonCtxOf(req), mid(), req.query),
  );
  app.get('/hsds/organizations/:id', { config, schema: { tags, security, summary: '提供機関（HSDS、場所とサービスつき）', params: Params, response: { 200: HsdsOrganization } } }, async (req) =>
    getHsdsOrganization(anonCtxOf(req), mid(), req.params.id),
  );
  app.get('/hsds/taxonomies', { config, schema: { tags, security, summary: '分類体系の一覧（HSDS）', querystring: z.object(Paging), response: { 200: hsdsPage(HsdsTaxonomy) } } }, async (req) =>
    listHsdsTaxonomies(anonCtxOf(req), mid(), req.query),
  );
  app.get('/hsds/taxonomies/:id', { config, schema: { tags, security, summary: '分類体系（HSDS）', params: Params, response: { 200: HsdsTaxonomy } } }, async (req) =>
    getHsdsTaxonomy(anonCtxOf(req), mid(), req.params.id),
  );
  app.get(
    '/hsds/taxonomy_terms',
    {
      config,
      schema: {
        tags,
        security,
        summary: '分類の一覧（HSDS）',
        querystring: z.object({ ...Paging, taxonomy_id: z.uuid().optional(), parent_id: z.uuid().optional(), top_only: flag }),
        response: { 200: hsdsPage(HsdsTaxonomyTerm) },
      },
    },
    async (req) => listHsdsTaxonomyTerms(anonCtxOf(req), mid(), req.query),
  );
  app.get('/hsds/taxonomy_terms/:id', { config, schema: { tags, security, summary: '分類（HSDS）', params: Params, response: { 200: HsdsTaxonomyTerm } } }, async (req) =>
    getHsdsTaxonomyTerm(anonCtxOf(req), mid(), req.params.id),
  );
};
