import type { FastifyRequest } from 'fastify';
import type { SessionInfo } from '../auth/session-info.js';
import type { AnonCtx, Ctx, RequestMeta } from '../context.js';
import { AppError } from './errors.js';

export function requestMeta(req: FastifyRequest): RequestMeta {
  const ua = req.headers['user-agent'];
  return { requestId: String(req.id), clientAddr: req.ip ?? null, userAgent: typeof ua === 'string' ? ua : null };
}

/** Use-case context for a fully signed-in request. */
export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor) throw new AppError('unauthenticated');
  return { db: req.server.services.db, actor: req.actor, now: new Date(), meta: requestMeta(req) };
}

export function anonCtxOf(req: FastifyRequest): AnonCtx {
  return { db: req.server.services.db, now: new Date(), meta: requestMeta(req) };
}

export function sessionOf(req: FastifyRequest): SessionInfo {
  if (!req.kasaneSession) throw new AppError('unauthenticated');
  return req.kasaneSession;
}
