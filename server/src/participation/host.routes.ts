import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/http/request-context.js';
import { CreateHostBody, HostList, HostStageBody, HostView, Options, UpdateHostBody } from './participation.schemas.js';
import { registerHostCandidate } from './register-host.js';
import { moveHost, updateHost } from './update-host.js';
import { listHosts, participationOptions, viewHost } from './view-hosts.js';

const tags = ['participation'];
const Params = z.object({ id: z.uuid() });
const base = '/api/v1/participation';

/** 協力事業者 and their development pipeline (候補 → 打診 → 協力事業者登録 / 見送り); form options. */
export const participationHostRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(`${base}/options`, { schema: { tags, summary: '参加支援の選択肢（希望・圏域・配慮・団体）', response: { 200: Options } } }, async (req) => participationOptions(ctxOf(req)));
  app.get(`${base}/hosts`, { schema: { tags, summary: '協力事業者の開拓状況', response: { 200: HostList } } }, async (req) => listHosts(ctxOf(req)));
  app.post(`${base}/hosts`, { schema: { tags, summary: '協力事業者の候補を登録', body: CreateHostBody, response: { 201: HostView } } }, async (req, reply) =>
    reply.status(201).send(await registerHostCandidate(ctxOf(req), req.body)),
  );
  app.get(`${base}/hosts/:id`, { schema: { tags, summary: '協力事業者の閲覧', params: Params, response: { 200: HostView } } }, async (req) => viewHost(ctxOf(req), req.params.id));
  app.put(`${base}/hosts/:id`, { schema: { tags, summary: '協力事業者の情報を更新', params: Params, body: UpdateHostBody, response: { 200: HostView } } }, async (req) =>
    updateHost(ctxOf(req), req.params.id, req.body),
  );
  app.post(`${base}/hosts/:id/stage`, { schema: { tags, summary: '開拓の段階を進める（打診・登録・見送り）', params: Params, body: HostStageBody, response: { 200: HostView } } }, async (req) =>
    moveHost(ctxOf(req), req.params.id, req.body),
  );
};
