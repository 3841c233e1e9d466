import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/http/request-context.js';
import { viewHouseholdEcomap } from './household-ecomap.js';
import { recordRelationship, removeRelationship } from './household-diagrams/record-relationship.js';
import { addHouseholdMember, registerHousehold, viewHousehold } from './manage-household.js';

const Member = z.object({ personId: z.uuid(), roleInHousehold: z.enum(['head', 'member']).default('member'), livingTogether: z.boolean().default(true) });
const RELATIONSHIP_KINDS = ['parent', 'child', 'spouse', 'sibling', 'grandparent', 'grandchild', 'other'] as const;
const ECOMAP_ROLES = ['registered', 'lead', 'former_lead', 'consultation', 'referral', 'team'] as const;
const Ecomap = z.object({
  householdId: z.string(),
  householdLabel: z.string(),
  agencies: z.array(
    z.object({ agencyId: z.string(), name: z.string(), kind: z.string(), roles: z.array(z.enum(ECOMAP_ROLES)), since: z.string().nullable(), active: z.boolean() }),
  ),
  resources: z.array(z.object({ resourceId: z.string(), name: z.string(), kind: z.string() })),
});
const HouseholdView = z.object({
  id: z.string(),
  label: z.string(),
  address: z.string().nullable(),
  notes: z.string().nullable(),
  confidential: z.boolean(),
  registeredByAgencyId: z.string(),
  version: z.number().int(),
  members: z.array(
    z.object({
      personId: z.string(),
      familyName: z.string(),
      givenName: z.string(),
      familyKana: z.string().nullable(),
      givenKana: z.string().nullable(),
      birthDate: z.string().nullable(),
      sex: z.string(),
      roleInHousehold: z.string(),
      livingTogether: z.boolean(),
      joinedOn: z.string(),
      leftOn: z.string().nullable(),
      concerns: z.object({ categories: z.array(z.string()), tags: z.array(z.string()) }),
    }),
  ),
  relationships: z.array(
    z.object({
      id: z.string(),
      personId: z.string(),
      relatedPersonId: z.string(),
      kind: z.enum(RELATIONSHIP_KINDS),
      livingTogether: z.boolean(),
    }),
  ),
});

/** 世帯 (households) and their members over time. */
export const householdRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/households',
    {
      schema: {
        tags: ['consultation'],
        summary: '世帯の登録',
        body: z
          .object({
            label: z.string().trim().min(1).max(100),
            address: z.string().trim().max(200).nullish(),
            notes: z.string().max(4000).nullish(),
            confidential: z.boolean().optional(),
            agencyId: z.uuid().nullish(),
            members: z.array(Member).max(30).default([]),
          })
          .strict(),
        response: { 201: HouseholdView },
      },
    },
    async (req, reply) => reply.status(201).send(await registerHousehold(ctxOf(req), req.body)),
  );

  app.get(
    '/api/v1/households/:id',
    { schema: { tags: ['consultation'], summary: '世帯の閲覧', params: z.object({ id: z.uuid() }), response: { 200: HouseholdView } } },
    async (req) => viewHousehold(ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/households/:id/members',
    { schema: { tags: ['consultation'], summary: '世帯員の追加・転入', params: z.object({ id: z.uuid() }), body: Member.strict(), response: { 200: HouseholdView } } },
    async (req) => addHouseholdMember(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/households/:id/relationships',
    {
      schema: {
        tags: ['consultation'],
        summary: '続柄の登録（ジェノグラム）',
        params: z.object({ id: z.uuid() }),
        body: z.object({ personId: z.uuid(), relatedPersonId: z.uuid(), kind: z.enum(RELATIONSHIP_KINDS), livingTogether: z.boolean().default(true) }).strict(),
        response: { 200: HouseholdView },
      },
    },
    async (req) => recordRelationship(ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/households/:id/relationships/:relationshipId',
    { schema: { tags: ['consultation'], summary: '続柄の削除', params: z.object({ id: z.uuid(), relationshipId: z.uuid() }), response: { 200: HouseholdView } } },
    async (req) => removeRelationship(ctxOf(req), req.params.id, req.params.relationshipId),
  );

  app.get(
    '/api/v1/households/:id/ecomap',
    { schema: { tags: ['consultation'], summary: 'エコマップ（世帯と関わる機関）', params: z.object({ id: z.uuid() }), response: { 200: Ecomap } } },
    async (req) => viewHouseholdEcomap(ctxOf(req), req.params.id),
  );
};
