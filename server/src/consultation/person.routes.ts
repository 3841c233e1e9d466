import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ctxOf } from '../platform/http/request-context.js';
import { PersonFields } from './person-fields.js';
import { registerPerson } from './register-person.js';
import { searchPersons } from './search-persons.js';
import { updatePerson } from './update-person.js';
import { viewPerson } from './view-person.js';

const Household = z.object({ householdId: z.string(), label: z.string(), roleInHousehold: z.string(), livingTogether: z.boolean(), joinedOn: z.string(), leftOn: z.string().nullable() });
/** Who the person is, as lists and search show it. */
const PersonSummary = z.object({
  id: z.string(),
  familyName: z.string(),
  givenName: z.string(),
  familyKana: z.string().nullable(),
  givenKana: z.string().nullable(),
  sex: z.string(),
  birthDate: z.string().nullable(),
  address: z.string().nullable(),
});
export const PersonView = PersonSummary.extend({
  phones: z.array(z.string()),
  notes: z.string().nullable(),
  careFlags: z.array(z.string()),
  confidential: z.boolean(),
  registeredByAgencyId: z.string(),
  version: z.number().int(),
  concerns: z.object({ categories: z.array(z.string()), tags: z.array(z.string()) }),
  households: z.array(Household),
});
const Hit = PersonSummary.extend({ rank: z.number() });
const Params = z.object({ id: z.uuid() });

/** 本人・世帯員 (persons) and 本人検索. */
export const personRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/persons',
    {
      schema: {
        tags: ['consultation'],
        summary: '本人検索（漢字・かな・生年月日・電話・住所）',
        querystring: z.object({ q: z.string().trim().min(1).max(100), limit: z.coerce.number().int().min(1).max(100).optional() }),
        response: { 200: z.object({ items: z.array(Hit), kind: z.enum(['birth_date', 'phone', 'kana', 'name']) }) },
      },
    },
    async (req) => searchPersons(ctxOf(req), req.query.q, req.query.limit),
  );

  app.post(
    '/api/v1/persons',
    { schema: { tags: ['consultation'], summary: '本人の登録', body: PersonFields.extend({ agencyId: z.uuid().nullish() }).strict(), response: { 201: PersonView } } },
    async (req, reply) => reply.status(201).send(await registerPerson(ctxOf(req), req.body)),
  );

  app.get(
    '/api/v1/persons/:id',
    { schema: { tags: ['consultation'], summary: '本人の閲覧', params: Params, response: { 200: PersonView } } },
    async (req) => viewPerson(ctxOf(req), req.params.id),
  );

  app.put(
    '/api/v1/persons/:id',
    {
      schema: { tags: ['consultation'], summary: '本人情報の更新', params: Params, body: PersonFields.extend({ version: z.number().int().min(1) }).strict(), response: { 200: PersonView } },
    },
    async (req) => updatePerson(ctxOf(req), req.params.id, req.body),
  );
};
