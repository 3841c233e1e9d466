import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/http/request-context.js';
import { CONCERN_CATEGORY_CODES } from './concern-categories.js';
import { listConsultations } from './list-consultations.js';
import { takeConsultation } from './take-consultation.js';
import { identifyPerson, recordConsent } from './update-consultation.js';
import { viewConsultation } from './view-consultation.js';

const Route = z.enum(['visit', 'phone', 'home_visit', 'email', 'meeting', 'referral', 'online']);
const ConsentStatus = z.enum(['given', 'refused', 'unknown', 'withdrawn']);
const Consent = z.object({
  status: ConsentStatus,
  recordedAt: z.string(),
  recordedBy: z.string(),
  agencyScope: z.array(z.string()).nullable(),
  dataScope: z.array(z.string()).nullable(),
  validUntil: z.string().nullable(),
});
const ConsultationView = z.object({
  id: z.string(),
  receivedOn: z.string(),
  receivingAgencyId: z.string(),
  receivingAgencyName: z.string(),
  receivedBy: z.object({ loginName: z.string(), displayName: z.string() }),
  route: Route,
  visitor: z.object({ kind: z.enum(['self', 'other']), relationship: z.string().nullable(), name: z.string().nullable() }),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  anonymous: z.boolean(),
  categories: z.array(z.string()),
  primaryCategory: z.string().nullable(),
  summary: z.string(),
  details: z.string().nullable(),
  consent: Consent.nullable(),
  consentHistory: z.array(Consent),
  version: z.number().int(),
});
const Params = z.object({ id: z.uuid() });

/** 相談受付 (intake) and 同意 (consent). */
export const consultationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/consultations',
    {
      schema: {
        tags: ['consultation'],
        summary: '相談を受け付ける',
        body: z
          .object({
            receivedOn: z.string().trim().max(40).nullish(),
            agencyId: z.uuid().nullish(),
            route: Route,
            visitor: z.object({ kind: z.enum(['self', 'other']), relationship: z.string().trim().max(50).nullish(), name: z.string().trim().max(100).nullish() }).strict(),
            personId: z.uuid().nullish(),
            anonymous: z.boolean().optional(),
            categories: z.array(z.enum(CONCERN_CATEGORY_CODES)).max(16).default([]),
            primaryCategory: z.enum(CONCERN_CATEGORY_CODES).nullish(),
            summary: z.string().trim().min(1).max(4000),
            details: z.string().max(20000).nullish(),
            consentStatus: z.enum(['given', 'refused', 'unknown']).default('unknown'),
          })
          .strict(),
        response: { 201: ConsultationView },
      },
    },
    async (req, reply) => reply.status(201).send(await takeConsultation(ctxOf(req), req.body)),
  );

  app.get(
    '/api/v1/consultations',
    {
      schema: {
        tags: ['consultation'],
        summary: '受付した相談の一覧',
        querystring: z.object({ personId: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(200).optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                receivedOn: z.string(),
                route: Route,
                receivingAgencyId: z.string(),
                receivingAgencyName: z.string(),
                personId: z.string().nullable(),
                personName: z.string().nullable(),
                anonymous: z.boolean(),
                primaryCategory: z.string().nullable(),
                categories: z.array(z.string()),
                summary: z.string(),
                consentStatus: ConsentStatus,
              }),
            ),
          }),
        },
      },
    },
    async (req) => listConsultations(ctxOf(req), req.query),
  );

  app.get(
    '/api/v1/consultations/:id',
    { schema: { tags: ['consultation'], summary: '相談受付票', params: Params, response: { 200: ConsultationView } } },
    async (req) => viewConsultation(ctxOf(req), req.params.id),
  );

  app.post(
    '/api/v1/consultations/:id/person',
    {
      schema: { tags: ['consultation'], summary: '本人を特定', params: Params, body: z.object({ personId: z.uuid(), version: z.number().int().min(1) }).strict(), response: { 200: ConsultationView } },
    },
    async (req) => identifyPerson(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/consultations/:id/consent',
    {
      schema: {
        tags: ['consultation'],
        summary: '同意の記録・撤回',
        params: Params,
        body: z
          .object({
            status: ConsentStatus,
            agencyScope: z.array(z.uuid()).max(50).nullish(),
            dataScope: z.array(z.string().trim().min(1).max(50)).max(20).nullish(),
            validUntil: z.string().trim().max(40).nullish(),
            version: z.number().int().min(1),
          })
          .strict(),
        response: { 200: ConsultationView },
      },
    },
    async (req) => recordConsent(ctxOf(req), req.params.id, req.body),
  );
};
