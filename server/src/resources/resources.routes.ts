import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/http/request-context.js';
import { AppError } from '../platform/http/errors.js';
import { assureService } from './assure-service.js';
import { createService } from './create-service.js';
import { directoryOptions } from './directory-options.js';
import { exportHsdsJson, exportHsdsTabular } from './export-hsds.js';
import { HsdsService } from './hsds.schemas.js';
import { importHsdsServices } from './import-hsds.js';
import { importHsdsTabular } from './import-hsds-tabular.js';
import { listOrganizations, viewOrganization } from './list-organizations.js';
import { listServices } from './list-services.js';
import { AssureInput, OrganizationInput, ServiceInput, UpdateOrganizationInput, UpdateServiceInput } from './resource-input.js';
import { DirectoryOptions, ImportResult, OrganizationView, ServiceList, ServiceListQuery, ServiceView } from './resources.schemas.js';
import { createOrganization, updateOrganization } from './save-organization.js';
import { PACKAGE_DESCRIPTOR, TABULAR_TABLES } from './tabular-tables.js';
import { updateService } from './update-service.js';
import { viewService } from './view-service.js';

const tags = ['resources'];
const Params = z.object({ id: z.uuid() });
/** Imports carry a whole directory: larger than the app's default body limit. */
const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;
const TABULAR_FILES = new Set<string>([...Object.values(TABULAR_TABLES).map((t) => t.path), PACKAGE_DESCRIPTOR]);
const stamp = () => new Date().toISOString().slice(0, 10);

/** 地域資源 (community resource directory, HSDS 3.0) for staff: list, register, edit, 確認済み, import and export. */
export const resourceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/resources/options', { schema: { tags, summary: '地域資源の分類・圏域・提供機関（選択肢）', response: { 200: DirectoryOptions } } }, async (req) => directoryOptions(ctxOf(req)));
  app.get('/api/v1/resources/services', { schema: { tags, summary: '地域資源の一覧（検索・分類・圏域・要再確認）', querystring: ServiceListQuery, response: { 200: ServiceList } } }, async (req) =>
    listServices(ctxOf(req), req.query),
  );
  app.post('/api/v1/resources/services', { schema: { tags, summary: '地域資源を登録', body: ServiceInput, response: { 201: ServiceView } } }, async (req, reply) =>
    reply.status(201).send(await createService(ctxOf(req), req.body)),
  );
  app.get('/api/v1/resources/services/:id', { schema: { tags, summary: '地域資源の詳細', params: Params, response: { 200: ServiceView } } }, async (req) => viewService(ctxOf(req), req.params.id));
  app.put(
    '/api/v1/resources/services/:id',
    { schema: { tags, summary: '地域資源を編集（version で競合を検出）', params: Params, body: UpdateServiceInput, response: { 200: ServiceView } } },
    async (req) => updateService(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/resources/services/:id/assure',
    { schema: { tags, summary: '確認済みにする（最終確認日＝今日、確認者＝自分）', params: Params, body: AssureInput, response: { 200: ServiceView } } },
    async (req) => assureService(ctxOf(req), req.params.id, req.body),
  );

  app.get('/api/v1/resources/organizations', { schema: { tags, summary: '提供機関の一覧', response: { 200: z.object({ items: z.array(OrganizationView) }) } } }, async (req) => ({
    items: await listOrganizations(ctxOf(req)),
  }));
  app.post('/api/v1/resources/organizations', { schema: { tags, summary: '提供機関を登録', body: OrganizationInput, response: { 201: OrganizationView } } }, async (req, reply) =>
    reply.status(201).send(await createOrganization(ctxOf(req), req.body)),
  );
  app.get('/api/v1/resources/organizations/:id', { schema: { tags, summary: '提供機関の詳細', params: Params, response: { 200: OrganizationView } } }, async (req) =>
    viewOrganization(ctxOf(req), req.params.id),
  );
  app.put('/api/v1/resources/organizations/:id', { schema: { tags, summary: '提供機関を編集', params: Params, body: UpdateOrganizationInput, response: { 200: OrganizationView } } }, async (req) =>
    updateOrganization(ctxOf(req), req.params.id, req.body),
  );

  app.get('/api/v1/resources/export/hsds.json', { schema: { tags, summary: 'HSDS 3.0 JSON で書き出す（サービスの配列）', response: { 200: z.array(HsdsService) } } }, async (req, reply) => {
    const services = await exportHsdsJson(ctxOf(req));
    return reply.header('content-disposition', `attachment; filename="hsds-services-${stamp()}.json"`).send(services);
  });
  app.get(
    '/api/v1/resources/export/tabular',
    { schema: { tags, summary: 'HSDS 表形式（CSV）で書き出す: ファイル名→CSV の JSON', response: { 200: z.object({ files: z.record(z.string(), z.string()) }) } } },
    async (req) => ({ files: await exportHsdsTabular(ctxOf(req)) }),
  );
  app.get(
    '/api/v1/resources/export/tabular/:file',
    { schema: { tags, summary: 'HSDS 表形式のファイルを1つ書き出す（services.csv など）', params: z.object({ file: z.string().max(64) }) } },
    async (req, reply) => {
      if (!TABULAR_FILES.has(req.params.file)) throw new AppError('not_found');
      const files = await exportHsdsTabular(ctxOf(req));
      const isCsv = req.params.file.endsWith('.csv');
      return reply
        .type(isCsv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${req.params.file}"`)
        .send(files[req.params.file]);
    },
  );

  app.post(
    '/api/v1/resources/import/hsds-json',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'HSDS 3.0 JSON を取り込む（すべて取り込むか、何も取り込まないか）',
        body: z.array(z.unknown()).max(20_000).describe('HSDS 3.0 の service オブジェクトの配列'),
        response: { 200: ImportResult },
      },
    },
    async (req) => importHsdsServices(ctxOf(req), req.body, { format: 'json' }),
  );
  app.post(
    '/api/v1/resources/import/tabular',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'HSDS 表形式（CSV）を取り込む: {"files": {"services.csv": "…", …}}',
        body: z.object({ files: z.record(z.string().max(100), z.string()) }),
        response: { 200: ImportResult },
      },
    },
    async (req) => importHsdsTabular(ctxOf(req), req.body.files),
  );
};
