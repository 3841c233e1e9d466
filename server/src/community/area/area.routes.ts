import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.js';
import { AreaBody, AreaList, AreaUpdateBody, AreaView } from './area.schemas.js';
import { listAreas } from './list-areas.js';
import { createArea, updateArea } from './save-area.js';

const tags = ['areas'];
const Params = z.object({ id: z.uuid() });

/** 圏域 (日常生活圏域・地区) as municipal configuration. */
export const areaRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/v1/areas', { schema: { tags, summary: '圏域の一覧', response: { 200: AreaList } } }, async (req) => listAreas(ctxOf(req)));
  app.post('/api/v1/areas', { schema: { tags, summary: '圏域の追加', body: AreaBody, response: { 201: AreaView } } }, async (req, reply) => reply.status(201).send(await createArea(ctxOf(req), req.body)));
  app.put('/api/v1/areas/:id', { schema: { tags, summary: '圏域の変更', params: Params, body: AreaUpdateBody, response: { 200: AreaView } } }, async (req) => updateArea(ctxOf(req), req.params.id, req.body));
};
