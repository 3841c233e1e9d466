import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../../platform/http/request-context.js';
import { acknowledgeConfidentiality } from './acknowledge-confidentiality.js';
import { addAgendaItem } from './add-agenda-item.js';
import { answerInformation } from './answer-information.js';
import { closeMeeting } from './close-meeting.js';
import { listMeetingTypes } from './list-meeting-types.js';
import { listMeetings } from './list-meetings.js';
import {
  Decision,
  InfoRequestView,
  MaterialView,
  MeetingListItem,
  MeetingTypeBody,
  MeetingTypeCopyBody,
  MeetingTypeUpdateBody,
  MeetingTypeView,
  MeetingView,
  Optional,
  ScheduleBody,
  Text,
  Version,
} from './meeting.schemas.js';
import { openMeeting } from './open-meeting.js';
import { recordAttendance } from './record-attendance.js';
import { recordDecision } from './record-decision.js';
import { recordMinutes } from './record-minutes.js';
import { requestInformation } from './request-information.js';
import { copyMeetingType, createMeetingType, updateMeetingType } from './save-meeting-type.js';
import { scheduleMeeting } from './schedule-meeting.js';
import { viewAgendaMaterial } from './view-agenda-material.js';
import { viewMeeting } from './view-meeting.js';

const tags = ['collaboration'];
const Params = z.object({ id: z.uuid() });
const ok = { 200: MeetingView };
const AgendaItemState = z.object({
  id: z.string(),
  minutes: z.string().nullable(),
  decision: Decision.nullable(),
  decisionNote: z.string().nullable(),
  planId: z.string().nullable(),
  planVersion: z.number().int().nullable(),
  version: z.number().int(),
});
const InfoRequests = { 200: z.object({ items: z.array(InfoRequestView) }) };

/** 会議: meeting types as configuration, meetings (支援会議 / 重層的支援会議 …), agenda, material, decisions. */
export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/meeting-types',
    { schema: { tags, summary: '会議種別の一覧', querystring: z.object({ includeInactive: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ items: z.array(MeetingTypeView) }) } } },
    async (req) => listMeetingTypes(ctxOf(req), { includeInactive: req.query.includeInactive === 'true' }),
  );
  app.post('/api/v1/meeting-types', { schema: { tags, summary: '会議種別の作成', body: MeetingTypeBody, response: { 201: MeetingTypeView } } }, async (req, reply) =>
    reply.status(201).send(await createMeetingType(ctxOf(req), req.body)),
  );
  app.post('/api/v1/meeting-types/:id/copy', { schema: { tags, summary: '会議種別をコピーして作成', params: Params, body: MeetingTypeCopyBody, response: { 201: MeetingTypeView } } }, async (req, reply) =>
    reply.status(201).send(await copyMeetingType(ctxOf(req), req.params.id, req.body)),
  );
  app.put('/api/v1/meeting-types/:id', { schema: { tags, summary: '会議種別の変更', params: Params, body: MeetingTypeUpdateBody, response: { 200: MeetingTypeView } } }, async (req) =>
    updateMeetingType(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/v1/meetings',
    {
      schema: {
        tags,
        summary: '会議の一覧（招集・参加）',
        querystring: z.object({ status: z.enum(['upcoming', 'closed', 'all']).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }),
        response: { 200: z.object({ items: z.array(MeetingListItem) }) },
      },
    },
    async (req) => listMeetings(ctxOf(req), req.query),
  );
  app.post('/api/v1/meetings', { schema: { tags, summary: '会議の予定を立てる', body: ScheduleBody, response: { 201: MeetingView } } }, async (req, reply) =>
    reply.status(201).send(await scheduleMeeting(ctxOf(req), req.body)),
  );
  app.get('/api/v1/meetings/:id', { schema: { tags, summary: '会議の閲覧', params: Params, response: ok } }, async (req) => viewMeeting(ctxOf(req), req.params.id));
  app.post('/api/v1/meetings/:id/open', { schema: { tags, summary: '会議を開始する', params: Params, body: Version.strict(), response: ok } }, async (req) =>
    openMeeting(ctxOf(req), req.params.id, req.body),
  );
  app.post('/api/v1/meetings/:id/close', { schema: { tags, summary: '会議を終了する', params: Params, body: Version.strict(), response: ok } }, async (req) =>
    closeMeeting(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/meetings/:id/acknowledge',
    { schema: { tags, summary: '守秘義務の確認', params: Params, body: z.object({ confirmed: z.literal(true, { error: '守秘義務の確認にチェックしてください。' }) }).strict(), response: ok } },
    async (req) => acknowledgeConfidentiality(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/v1/meetings/:id/attendance',
    { schema: { tags, summary: '出欠の記録', params: Params, body: Version.extend({ attendance: z.array(z.object({ agencyId: z.uuid(), attended: z.boolean() }).strict()).min(1).max(100) }).strict(), response: ok } },
    async (req) => recordAttendance(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/meetings/:id/agenda',
    { schema: { tags, summary: '議題にする（ケース）', params: Params, body: z.object({ caseId: z.uuid(), purpose: Optional(1000) }).strict(), response: { 201: MeetingView } } },
    async (req, reply) => reply.status(201).send(await addAgendaItem(ctxOf(req), req.params.id, req.body)),
  );

  app.get('/api/v1/agenda-items/:id/material', { schema: { tags, summary: '会議資料（議題のケース）', params: Params, response: { 200: MaterialView } } }, async (req) =>
    viewAgendaMaterial(ctxOf(req), req.params.id),
  );
  app.post('/api/v1/agenda-items/:id/minutes', { schema: { tags, summary: '議事録の記録', params: Params, body: Version.extend({ minutes: Text(20000) }).strict(), response: { 200: AgendaItemState } } }, async (req) =>
    recordMinutes(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/agenda-items/:id/decision',
    {
      schema: {
        tags,
        summary: '決定の記録（プラン承認・評価・終結・中断・社会資源の不足）',
        params: Params,
        body: Version.extend({ decision: Decision, note: Optional(4000), planId: z.uuid().nullish(), planVersion: z.number().int().min(1).nullish() }).strict(),
        response: { 200: AgendaItemState },
      },
    },
    async (req) => recordDecision(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/agenda-items/:id/info-requests',
    { schema: { tags, summary: '情報提供の依頼', params: Params, body: z.object({ toAgencyId: z.uuid(), question: Text(4000) }).strict(), response: { 201: InfoRequests[200] } } },
    async (req, reply) => reply.status(201).send(await requestInformation(ctxOf(req), req.params.id, req.body)),
  );
  app.post('/api/v1/info-requests/:id/answer', { schema: { tags, summary: '情報提供（回答）', params: Params, body: z.object({ answer: Text(8000) }).strict(), response: InfoRequests } }, async (req) =>
    answerInformation(ctxOf(req), req.params.id, req.body),
  );
};
