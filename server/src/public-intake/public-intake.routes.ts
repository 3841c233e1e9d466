import rateLimit from '@fastify/rate-limit';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type FastifyPluginAsyncZod, hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RequestMeta } from '../platform/context.js';
import { AppError, ERROR_CODES } from '../platform/http/errors.js';
import { ctxOf } from '../platform/http/request-context.js';
import { getPublicForm } from './get-public-form.js';
import { updatePublicIntakeSetting, viewPublicIntakeSetting } from './manage-public-intake-setting.js';
import { publicError } from './public-error.js';
import { languageOf, PUBLIC_LANGUAGES } from './public-messages.js';
import { PUBLIC_TOPIC_CODES, PUBLIC_TOPICS } from './public-topics.js';
import { submitPublicConsultation } from './submit-public-consultation.js';
import { CONSENT_ANSWERS, CONTACT_TIMES, type FieldProblem, WHO } from './submission-rules.js';

/** Per client address, in this server process's memory (@fastify/rate-limit's local store). */
export const FORM_LIMIT = { max: 30, timeWindow: '10 minutes' };
export const SUBMIT_LIMIT = { max: 5, timeWindow: '10 minutes' };
const SUBMIT_BODY_LIMIT = 32 * 1024;

const Lang = z.enum(PUBLIC_LANGUAGES);
const Query = z.object({ lang: Lang.optional() });
const Body = z
  .object({
    lang: Lang,
    formToken: z.string().max(200),
    website: z.string().max(500).nullish(),
    topics: z.array(z.enum(PUBLIC_TOPIC_CODES)).max(PUBLIC_TOPICS.length).default([]),
    text: z.string(),
    who: z.enum(WHO),
    name: z.string().nullish(),
    contact: z
      .object({ method: z.enum(['phone', 'email', 'none']), phone: z.string().nullish(), email: z.string().nullish(), time: z.enum(CONTACT_TIMES).nullish() })
      .strict(),
    consent: z.enum(CONSENT_ANSWERS),
  })
  .strict();

const CHOICE_PATHS = new Set(['who', 'consent', 'contact', 'contact.method']);

/** The request facts a public use case records: no network address and no browser in the audit trail. */
function publicMeta(req: FastifyRequest): RequestMeta {
  return { requestId: String(req.id), clientAddr: null, userAgent: null };
}

/** Errors of the public routes in the resident's language, in the usual { error: … } shape. */
function sendPublicError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  const lang = languageOf(req.query, req.body);
  let appError: AppError;
  if (err instanceof AppError) appError = err;
  else if (hasZodFastifySchemaValidationErrors(err)) {
    const problems: FieldProblem[] = err.validation.map((v) => {
      const path = `${v.instancePath}`.replace(/^\//, '').replaceAll('/', '.');
      return { path, reason: CHOICE_PATHS.has(path) ? 'choose_one' : 'invalid' };
    });
    appError = publicError('invalid', lang, 'form_invalid', problems);
  } else if (err.statusCode === 413) appError = publicError('payload_too_large', lang, 'too_large');
  else if (err.statusCode === 429) appError = publicError('rate_limited', lang, 'rate_limited');
  else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) appError = publicError('invalid', lang, 'form_invalid');
  else {
    req.log.error({ err: { type: err.name, message: err.message, stack: err.stack } }, 'unhandled error');
    appError = new AppError('internal');
  }
  const body = { error: { code: appError.code, message: appError.message, requestId: String(req.id), ...(appError.details ? { details: appError.details } : {}) } };
  return reply.status(ERROR_CODES[appError.code].status).type('application/json; charset=utf-8').send(body);
}

/** The public form's two endpoints, with their own rate limit and error language; nothing else. */
const publicFormRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (req) => req.ip,
    // Tell a client when to come back, not how many tries are left.
    addHeaders: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': true },
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (req) => publicError('rate_limited', languageOf(req.query), 'rate_limited'),
  });
  app.setErrorHandler(sendPublicError);
  const deps = () => ({ municipalityId: app.services.homeMunicipalityId, secret: app.services.config.publicFormSecret });

  app.get(
    '/api/public/consultation-form',
    {
      config: { auth: 'none', rateLimit: FORM_LIMIT },
      schema: {
        tags: ['public'],
        summary: 'オンライン相談フォームを開く（署名付きの時刻トークン）',
        security: [],
        querystring: Query,
        response: { 200: z.object({ open: z.boolean(), municipalityName: z.string().nullable(), formToken: z.string().nullable() }) },
      },
    },
    async (req) => getPublicForm({ db: app.services.db, now: new Date(), meta: publicMeta(req) }, deps()),
  );

  app.post(
    '/api/public/consultations',
    {
      bodyLimit: SUBMIT_BODY_LIMIT,
      config: { auth: 'none', rateLimit: SUBMIT_LIMIT, ownControlCharCheck: true },
      schema: {
        tags: ['public'],
        summary: 'オンライン相談を送る（受付番号だけを返す）',
        security: [],
        querystring: Query,
        body: Body,
        response: { 201: z.object({ referenceNumber: z.string() }) },
      },
    },
    async (req, reply) => {
      const receipt = await submitPublicConsultation({ db: app.services.db, now: new Date(), meta: publicMeta(req) }, { ...deps(), clientAddr: req.ip ?? null }, req.body);
      return reply.status(201).send(receipt);
    },
  );
};

const Setting = z.object({
  enabled: z.boolean(),
  designatedAgencyId: z.string().nullable(),
  designatedAgencyName: z.string().nullable(),
  version: z.number().int(),
  agencies: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
});

/** 住民のオンライン相談: the public form (no sign-in) and its municipal setting (市町村管理者). */
export const publicIntakeRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(publicFormRoutes);
  const tags = ['public-intake'];
  app.get('/api/v1/admin/public-intake-setting', { schema: { tags, summary: 'オンライン相談の設定', response: { 200: Setting } } }, async (req) => viewPublicIntakeSetting(ctxOf(req)));
  app.put(
    '/api/v1/admin/public-intake-setting',
    {
      schema: {
        tags,
        summary: 'オンライン相談の設定を変更',
        body: z.object({ enabled: z.boolean(), designatedAgencyId: z.uuid(), version: z.number().int().min(0) }).strict(),
        response: { 200: Setting },
      },
    },
    async (req) => updatePublicIntakeSetting(ctxOf(req), req.body),
  );
};
