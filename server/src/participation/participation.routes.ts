import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/http/request-context.js';
import { participationHostRoutes } from './host.routes.js';
import { listMatches } from './list-matches.js';
import { listNeeds } from './list-needs.js';
import {
  AddFollowupBody,
  CloseNeedBody,
  CreateNeedBody,
  FollowupDoneBody,
  HostSupportBody,
  Kpis,
  Matches,
  NeedList,
  NeedView,
  PlaceBody,
  PlacementStatusBody,
  UpdateNeedBody,
} from './participation.schemas.js';
import { placePerson } from './place-person.js';
import { addFollowup, addHostSupport, changePlacementStatus, completeFollowup } from './placement-steps.js';
import { recordNeed } from './record-need.js';
import { closeNeed, updateNeed } from './update-need.js';
import { viewKpis } from './view-kpis.js';
import { viewNeed } from './view-need.js';

const tags = ['participation'];
const Params = z.object({ id: z.uuid() });
const ok = { 200: NeedView };
const base = '/api/v1/participation';

/** 参加支援: wishes and constraints, ranked matches with reasons, placements, 定着支援, 受け入れ先支援, 指標. */
export const participationRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(participationHostRoutes);
  app.get(
    `${base}/needs`,
    {
      schema: {
        tags,
        summary: '参加支援の一覧',
        querystring: z.object({ scope: z.enum(['mine', 'agency']).default('agency'), status: z.enum(['active', 'closed', 'all']).default('active'), personId: z.uuid().optional() }),
        response: { 200: NeedList },
      },
    },
    async (req) => listNeeds(ctxOf(req), req.query),
  );
  app.post(`${base}/needs`, { schema: { tags, summary: '参加支援の希望を登録', body: CreateNeedBody, response: { 201: NeedView } } }, async (req, reply) =>
    reply.status(201).send(await recordNeed(ctxOf(req), req.body)),
  );
  app.get(`${base}/needs/:id`, { schema: { tags, summary: '参加支援の閲覧', params: Params, response: ok } }, async (req) => viewNeed(ctxOf(req), req.params.id));
  app.put(`${base}/needs/:id`, { schema: { tags, summary: '希望・条件を更新', params: Params, body: UpdateNeedBody, response: ok } }, async (req) => updateNeed(ctxOf(req), req.params.id, req.body));
  app.post(`${base}/needs/:id/close`, { schema: { tags, summary: '参加支援を終了', params: Params, body: CloseNeedBody, response: ok } }, async (req) => closeNeed(ctxOf(req), req.params.id, req.body));
  app.get(`${base}/needs/:id/matches`, { schema: { tags, summary: '候補の提案（理由つき）', params: Params, response: { 200: Matches } } }, async (req) => listMatches(ctxOf(req), req.params.id));
  app.post(`${base}/needs/:id/placements`, { schema: { tags, summary: '受け入れを決める', params: Params, body: PlaceBody, response: { 201: NeedView } } }, async (req, reply) =>
    reply.status(201).send(await placePerson(ctxOf(req), req.params.id, req.body)),
  );
  app.post(`${base}/placements/:id/status`, { schema: { tags, summary: '受け入れの状況を変更', params: Params, body: PlacementStatusBody, response: ok } }, async (req) =>
    changePlacementStatus(ctxOf(req), req.params.id, req.body),
  );
  app.post(`${base}/placements/:id/followups`, { schema: { tags, summary: '定着支援を追加', params: Params, body: AddFollowupBody, response: { 201: NeedView } } }, async (req, reply) =>
    reply.status(201).send(await addFollowup(ctxOf(req), req.params.id, req.body)),
  );
  app.post(`${base}/placements/:id/host-support`, { schema: { tags, summary: '受け入れ先支援を記録', params: Params, body: HostSupportBody, response: { 201: NeedView } } }, async (req, reply) =>
    reply.status(201).send(await addHostSupport(ctxOf(req), req.params.id, req.body)),
  );
  app.post(`${base}/followups/:id/done`, { schema: { tags, summary: '定着支援を完了', params: Params, body: FollowupDoneBody, response: ok } }, async (req) =>
    completeFollowup(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    `${base}/kpis`,
    { schema: { tags, summary: '参加支援の指標（年度・月別）', querystring: z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: Kpis } } },
    async (req) => viewKpis(ctxOf(req), req.query.fiscalYear),
  );
};
