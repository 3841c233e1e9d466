import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../access/actor.js';
import { findLiveSession, touchSession } from '../auth/session.repo.js';
import { csrfTokenFor, safeEqual } from '../auth/tokens.js';
import { AppError } from './errors.js';

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-kasane_session' : 'kasane_session';
}

export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, token: string) {
  const { config } = app.services;
  reply.setCookie(sessionCookieName(config.secureCookies), token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.secureCookies,
    path: '/',
    maxAge: config.sessionAbsoluteHours * 3600,
  });
}

export function clearSessionCookie(app: FastifyInstance, reply: FastifyReply) {
  const { config } = app.services;
  reply.clearCookie(sessionCookieName(config.secureCookies), { path: '/', secure: config.secureCookies, sameSite: 'strict', httpOnly: true });
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie into request.kasaneSession / request.actor, enforces the route's
 * required sign-in level, and checks the CSRF header on state-changing requests.
 */
export function installAuthHooks(app: FastifyInstance) {
  app.decorateRequest('kasaneSession', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('preHandler', async (req: FastifyRequest) => {
    // API routes need a full session unless they say otherwise; unknown paths fall through to 404.
    const auth = req.is404 ? 'none' : (req.routeOptions.config?.auth ?? (req.url.startsWith('/api/v1/') ? 'active' : 'none'));
    if (auth === 'none') return;
    const { db, config } = app.services;
    const token = req.cookies[sessionCookieName(config.secureCookies)];
    if (!token) throw new AppError('unauthenticated');
    const now = new Date();
    const policy = { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours };
    const row = await findLiveSession(db, token, now, policy);
    if (!row) throw new AppError('unauthenticated');
    if (auth === 'active' && row.stage !== 'active') throw new AppError('mfa_required');
    if (!SAFE_METHODS.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, csrfTokenFor(token))) throw new AppError('csrf_failed');
    }
    await touchSession(db, row, now);
    req.sessionToken = token;
    req.kasaneSession = {
      municipalityId: row.municipality_id,
      sessionId: row.session_id,
      userId: row.user_id,
      loginName: row.login_name,
      stage: row.stage,
    };
    if (row.stage === 'active') {
      req.actor = {
        userId: row.user_id,
        municipalityId: row.municipality_id,
        prefectureCode: row.prefecture_code,
        loginName: row.login_name,
        roles: row.roles as Role[],
        agencyIds: row.agency_ids,
      };
    }
  });
}
