import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/http/request-context.js';
import { cancelCoordination, endCoordination } from './end-coordination.js';
import { caseCoordination, coordinationInbox } from './list-coordination.js';
import { addTeamMember, listTeam, updateTeamMember } from './manage-team.js';
import { requestCoordination } from './request-coordination.js';
import { acceptCoordination, declineCoordination } from './respond-to-coordination.js';

const tags = ['collaboration'];
const Params = z.object({ id: z.uuid() });
const Version = z.object({ version: z.number().int().min(1) });
const Text = (max: number) => z.string().trim().min(1).max(max);
const Optional = (max: number) => z.string().trim().max(max).nullish();

const TeamMember = z.object({
  id: z.string(),
  kind: z.enum(['agency', 'resource']),
  agencyId: z.string().nullable(),
  name: z.string(),
  role: z.string(),
  contactPerson: z.string().nullable(),
  contactPhone: z.string().nullable(),
  since: z.string(),
  until: z.string().nullable(),
  version: z.number().int(),
});
const Episode = z.object({
  id: z.string(),
  caseId: z.string(),
  householdLabel: z.string(),
  status: z.enum(['requested', 'active', 'declined', 'cancelled', 'ended']),
  requestedByAgency: z.string(),
  requestReason: z.string(),
  requestedAt: z.string(),
  coordinatorAgencyId: z.string().nullable(),
  coordinatorAgency: z.string().nullable(),
  declineReason: z.string().nullable(),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  endSummary: z.string().nullable(),
  handoverLeadAgencyId: z.string().nullable(),
  handoverLeadAgency: z.string().nullable(),
  version: z.number().int(),
});
const Episodes = z.object({ items: z.array(Episode) });

/** 支援チーム and 多機関協働事業者の関与 (request, 関与開始, 関与終結). */
export const collaborationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/cases/:id/team',
    { schema: { tags, summary: '支援チーム', params: Params, querystring: z.object({ past: z.enum(['true', 'false']).optional() }), response: { 200: z.object({ members: z.array(TeamMember) }) } } },
    async (req) => listTeam(ctxOf(req), req.params.id, req.query.past === 'true'),
  );
  app.post(
    '/api/v1/cases/:id/team',
    {
      schema: {
        tags,
        summary: '支援チームに加える',
        params: Params,
        body: z.object({ agencyId: z.uuid().nullish(), resourceName: Optional(200), role: Text(200), contactPerson: Optional(100), contactPhone: Optional(40) }).strict(),
        response: { 201: TeamMember },
      },
    },
    async (req, reply) => reply.status(201).send(await addTeamMember(ctxOf(req), req.params.id, req.body)),
  );
  app.put(
    '/api/v1/team-members/:id',
    { schema: { tags, summary: '役割・連絡先の変更', params: Params, body: Version.extend({ role: Text(200), contactPerson: Optional(100), contactPhone: Optional(40) }).strict(), response: { 200: TeamMember } } },
    async (req) => updateTeamMember(ctxOf(req), req.params.id, { ...req.body, leave: false }),
  );
  app.post('/api/v1/team-members/:id/leave', { schema: { tags, summary: 'チームから外す', params: Params, body: Version.strict(), response: { 200: TeamMember } } }, async (req) =>
    updateTeamMember(ctxOf(req), req.params.id, { version: req.body.version, leave: true }),
  );
  app.get('/api/v1/cases/:id/coordination', { schema: { tags, summary: '多機関協働の関与（ケース）', params: Params, response: { 200: Episodes } } }, async (req) => caseCoordination(ctxOf(req), req.params.id));
  app.post(
    '/api/v1/cases/:id/coordination',
    { schema: { tags, summary: '多機関協働に依頼', params: Params, body: z.object({ reason: Text(2000), coordinatorAgencyId: z.uuid().nullish() }).strict(), response: { 201: Episode } } },
    async (req, reply) => reply.status(201).send(await requestCoordination(ctxOf(req), req.params.id, req.body)),
  );
  app.get(
    '/api/v1/coordination',
    { schema: { tags, summary: '多機関協働の依頼・関与（受信）', querystring: z.object({ all: z.enum(['true', 'false']).optional() }), response: { 200: Episodes } } },
    async (req) => coordinationInbox(ctxOf(req), req.query.all === 'true'),
  );
  app.post('/api/v1/coordination/:id/accept', { schema: { tags, summary: '関与開始', params: Params, body: Version.strict(), response: { 200: Episode } } }, async (req) =>
    acceptCoordination(ctxOf(req), req.params.id, req.body),
  );
  app.post('/api/v1/coordination/:id/decline', { schema: { tags, summary: '関与しない', params: Params, body: Version.extend({ reason: Text(2000) }).strict(), response: { 200: Episode } } }, async (req) =>
    declineCoordination(ctxOf(req), req.params.id, req.body),
  );
  app.post('/api/v1/coordination/:id/cancel', { schema: { tags, summary: '依頼の取消', params: Params, body: Version.strict(), response: { 200: Episode } } }, async (req) =>
    cancelCoordination(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/coordination/:id/end',
    { schema: { tags, summary: '関与終結（今後の主担当を決める）', params: Params, body: Version.extend({ summary: Text(4000), leadAgencyId: z.uuid() }).strict(), response: { 200: Episode } } },
    async (req) => endCoordination(ctxOf(req), req.params.id, req.body),
  );
};
