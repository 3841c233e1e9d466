import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/http/request-context.js';
import { areaRoutes } from './area/area.routes.js';
import { communityKpis } from './community-kpis.js';
import { createLogEntry, listLog, updateLogEntry } from './community-log.js';
import * as S from './community.schemas.js';
import { listPlaces } from './list-places.js';
import { listSessions } from './list-sessions.js';
import { createPartner, listPartners } from './partners.js';
import { recordSession } from './record-session.js';
import { directoryOptions, listAgeBands } from './reference-data.js';
import { createActivity, updateActivity } from './save-activity.js';
import { createPlace, updatePlace } from './save-place.js';
import { viewPlace } from './view-place.js';

const tags = ['community'];
const Params = z.object({ id: z.uuid() });
const base = '/api/v1/community';

/** 地域づくり: 拠点, 活動 and their sessions' attendance, 参加団体, 活動記録, 指標; and 圏域 (area/). */
export const communityRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(areaRoutes);

  app.get(`${base}/age-bands`, { schema: { tags, summary: '年齢区分', response: { 200: S.AgeBandList } } }, async (req) => listAgeBands(ctxOf(req)));
  app.get(`${base}/directory-options`, { schema: { tags, summary: '紐づけできる地域資源', response: { 200: S.DirectoryOptions } } }, async (req) => directoryOptions(ctxOf(req)));

  app.get(`${base}/places`, { schema: { tags, summary: '拠点の一覧', querystring: z.object({ areaId: z.uuid().optional() }), response: { 200: S.PlaceList } } }, async (req) =>
    listPlaces(ctxOf(req), req.query),
  );
  app.post(`${base}/places`, { schema: { tags, summary: '拠点の登録', body: S.PlaceBody, response: { 201: S.PlaceView } } }, async (req, reply) => reply.status(201).send(await createPlace(ctxOf(req), req.body)));
  app.get(`${base}/places/:id`, { schema: { tags, summary: '拠点の詳細', params: Params, response: { 200: S.PlaceView } } }, async (req) => viewPlace(ctxOf(req), req.params.id));
  app.put(`${base}/places/:id`, { schema: { tags, summary: '拠点の変更', params: Params, body: S.PlaceUpdateBody, response: { 200: S.PlaceView } } }, async (req) => updatePlace(ctxOf(req), req.params.id, req.body));

  app.post(`${base}/places/:id/activities`, { schema: { tags, summary: '活動の登録', params: Params, body: S.ActivityBody, response: { 201: S.ActivityView } } }, async (req, reply) =>
    reply.status(201).send(await createActivity(ctxOf(req), req.params.id, req.body)),
  );
  app.put(`${base}/activities/:id`, { schema: { tags, summary: '活動の変更', params: Params, body: S.ActivityUpdateBody, response: { 200: S.ActivityView } } }, async (req) =>
    updateActivity(ctxOf(req), req.params.id, req.body),
  );
  app.get(
    `${base}/activities/:id/sessions`,
    { schema: { tags, summary: '開催回と参加者数', params: Params, querystring: z.object({ from: S.Day.optional(), to: S.Day.optional() }), response: { 200: S.SessionSlots } } },
    async (req) => listSessions(ctxOf(req), req.params.id, req.query),
  );
  app.put(
    `${base}/activities/:id/sessions/:heldOn`,
    { schema: { tags, summary: '参加者数の記録', params: Params.extend({ heldOn: S.Day }), body: S.SessionBody, response: { 200: S.SessionView } } },
    async (req) => recordSession(ctxOf(req), req.params.id, req.params.heldOn, req.body),
  );

  app.get(`${base}/partners`, { schema: { tags, summary: '参加団体の一覧', response: { 200: z.object({ items: z.array(S.PartnerView) }) } } }, async (req) => listPartners(ctxOf(req)));
  app.post(`${base}/partners`, { schema: { tags, summary: '参加団体の登録', body: S.PartnerBody, response: { 201: S.PartnerView } } }, async (req, reply) => reply.status(201).send(await createPartner(ctxOf(req), req.body)));

  const LogQuery = z.object({ from: S.Day.optional(), to: S.Day.optional(), areaId: z.uuid().optional(), placeId: z.uuid().optional() });
  app.get(`${base}/log`, { schema: { tags, summary: '活動記録の一覧', querystring: LogQuery, response: { 200: S.LogList } } }, async (req) => listLog(ctxOf(req), req.query));
  app.post(`${base}/log`, { schema: { tags, summary: '活動記録の登録', body: S.LogBody, response: { 201: S.LogEntryView } } }, async (req, reply) => reply.status(201).send(await createLogEntry(ctxOf(req), req.body)));
  app.put(`${base}/log/:id`, { schema: { tags, summary: '活動記録の変更', params: Params, body: S.LogUpdateBody, response: { 200: S.LogEntryView } } }, async (req) => updateLogEntry(ctxOf(req), req.params.id, req.body));

  app.get(
    `${base}/kpis`,
    { schema: { tags, summary: '地域づくりの指標（年度・月別）', querystring: z.object({ fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(), areaId: z.uuid().optional() }), response: { 200: S.KpiView } } },
    async (req) => communityKpis(ctxOf(req), req.query),
  );
};
