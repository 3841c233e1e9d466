import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/http/request-context.js';
import { AGENCY_KIND_CODES, AGENCY_KINDS } from './agency-kinds.js';
import { createAgency, listAgencies, updateAgency } from './manage-agencies.js';

const AgencyItem = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  area: z.string().nullable(),
  status: z.enum(['active', 'closed']),
  version: z.number().int(),
});
const Kind = z.enum(AGENCY_KIND_CODES);
const Name = z.string().trim().min(1).max(100);
const Area = z.string().trim().max(100).nullable();

/** 機関管理. */
export const agencyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/agencies',
    { schema: { tags: ['agencies'], summary: '機関一覧', response: { 200: z.object({ items: z.array(AgencyItem) }) } } },
    async (req) => ({ items: await listAgencies(ctxOf(req)) }),
  );

  app.get(
    '/api/v1/agency-kinds',
    { schema: { tags: ['agencies'], summary: '機関種別', response: { 200: z.object({ items: z.array(z.object({ code: z.string(), label: z.string() })) }) } } },
    async () => ({ items: AGENCY_KINDS.map(({ code, label }) => ({ code, label })) }),
  );

  app.post(
    '/api/v1/admin/agencies',
    {
      schema: {
        tags: ['admin'],
        summary: '機関の追加',
        body: z.object({ name: Name, kind: Kind, area: Area.optional() }).strict(),
        response: { 201: AgencyItem },
      },
    },
    async (req, reply) => reply.status(201).send(await createAgency(ctxOf(req), req.body)),
  );

  app.patch(
    '/api/v1/admin/agencies/:id',
    {
      schema: {
        tags: ['admin'],
        summary: '機関の更新',
        params: z.object({ id: z.uuid() }),
        body: z
          .object({ version: z.number().int().min(1), name: Name.optional(), kind: Kind.optional(), area: Area.optional(), status: z.enum(['active', 'closed']).optional() })
          .strict(),
        response: { 200: AgencyItem },
      },
    },
    async (req) => updateAgency(ctxOf(req), { agencyId: req.params.id, ...req.body }),
  );
};
