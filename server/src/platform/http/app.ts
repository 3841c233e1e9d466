import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accountRoutes } from '../../account/account.routes.js';
import { agencyRoutes } from '../../admin/agency.routes.js';
import { roleSettingRoutes } from '../../admin/role-setting.routes.js';
import { assessmentRoutes } from '../../consultation/assessment/assessment.routes.js';
import { publicIntakeRoutes } from '../../public-intake/public-intake.routes.js';
import { communityRoutes } from '../../community/community.routes.js';
import { outreachRoutes } from '../../outreach/outreach.routes.js';
import { participationRoutes } from '../../participation/participation.routes.js';
import { prefectureRoutes } from '../../analytics/prefecture/prefecture.routes.js';
import { analyticsRoutes } from '../../analytics/analytics.routes.js';
import { caseRoutes } from '../../consultation/case.routes.js';
import { referralRoutes } from '../../referral/referral.routes.js';
import { collaborationRoutes } from '../../collaboration/collaboration.routes.js';
import { planRoutes } from '../../collaboration/plan/plan.routes.js';
import { meetingRoutes } from '../../collaboration/meeting/meeting.routes.js';
import { consultationRoutes } from '../../consultation/consultation.routes.js';
import { householdRoutes } from '../../consultation/household.routes.js';
import { personRoutes } from '../../consultation/person.routes.js';
import { progressNoteRoutes } from '../../consultation/progress/progress-note.routes.js';
import { userRoutes } from '../../admin/user.routes.js';
import { hsdsRoutes } from '../../resources/hsds.routes.js';
import { resourceRoutes } from '../../resources/resources.routes.js';
import { auditRoutes } from '../audit/audit.routes.js';
import { tableExportRoutes } from '../export/table-export.routes.js';
import { targetRoutes } from '../../analytics/targets/targets.routes.js';
import { fundingRoutes } from '../../funding/funding.routes.js';
import { authRoutes } from '../auth/auth.routes.js';
import { newId } from '../db/ids.js';
import { installAuthHooks } from './auth-hooks.js';
import { installErrorHandler, notFound } from './error-handler.js';
import { installInputGuard } from './input-guard.js';
import type { Services } from './types.js';

z.config(z.locales.ja());
// A missing field reads better as "required" than as a type mismatch against undefined.
z.config({ customError: (issue) => (issue.input === undefined ? 'この項目は必須です。' : undefined) });

const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // Mantine injects style elements at run time; scripts stay strictly same-origin.
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Builds the HTTP application: plugins, the auth hooks, every area's routes and the web app. */
export async function buildApp(services: Services): Promise<FastifyInstance> {
  const { config } = services;
  const app = Fastify({
    trustProxy: config.trustProxy,
    bodyLimit: 256 * 1024,
    genReqId: () => newId(),
    requestIdHeader: false,
    // Who did what is in the audit trail; per-request access lines only in production logs.
    logController: new LogController({ disableRequestLogging: !config.production }),
    logger: {
      level: config.logLevel,
      ...(services.logStream ? { stream: services.logStream } : {}),
      // Log the route and status only: URLs may carry search terms, bodies carry personal data.
      serializers: {
        req: (req) => ({ id: req.id, method: req.method, url: String(req.url).split('?')[0] }),
        res: (res) => ({ statusCode: res.statusCode }),
      },
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.decorate('services', services);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandler(app);
  installInputGuard(app);

  await app.register(fastifyCookie);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP },
    hsts: false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', String(req.id));
    if (config.secureCookies || req.protocol === 'https') {
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    }
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kasane API', version: '0.1.0', description: '重層的支援体制整備事業のためのAPI' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kasane_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  installAuthHooks(app);

  app.get('/api/health', { config: { auth: 'none' }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/api/openapi.json', { config: { auth: 'none' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(authRoutes);
  await app.register(accountRoutes);
  await app.register(userRoutes);
  await app.register(agencyRoutes);
  await app.register(roleSettingRoutes);
  await app.register(auditRoutes);
  await app.register(personRoutes);
  await app.register(householdRoutes);
  await app.register(consultationRoutes);
  await app.register(caseRoutes);
  await app.register(referralRoutes);
  await app.register(collaborationRoutes);
  await app.register(planRoutes);
  await app.register(meetingRoutes);
  await app.register(progressNoteRoutes);
  await app.register(assessmentRoutes);
  await app.register(resourceRoutes);
  await app.register(hsdsRoutes);
  await app.register(publicIntakeRoutes); // its own rate limit, scoped to the public form's routes
  await app.register(communityRoutes);
  await app.register(outreachRoutes);
  await app.register(participationRoutes);
  await app.register(prefectureRoutes);
  await app.register(analyticsRoutes);
  await app.register(tableExportRoutes);
  await app.register(targetRoutes);
  await app.register(fundingRoutes);

  const indexHtml = path.join(config.webDist, 'index.html');
  if (existsSync(indexHtml)) {
    await app.register(fastifyStatic, {
      root: config.webDist,
      wildcard: false,
      setHeaders(res, filePath) {
        res.setHeader('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || req.method !== 'GET' || !existsSync(indexHtml)) return notFound(req, reply);
    // Client-side routes (/admin/users, /audit…) all load the single-page app.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
