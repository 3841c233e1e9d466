import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERROR_CODES, type ErrorCode } from './errors.js';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId: string; details?: Record<string, unknown> };
}

function send(reply: FastifyReply, req: FastifyRequest, code: ErrorCode, message?: string, details?: Record<string, unknown>) {
  const body: ErrorBody = {
    error: { code, message: message ?? ERROR_CODES[code].message, requestId: String(req.id), ...(details ? { details } : {}) },
  };
  return reply.status(ERROR_CODES[code].status).type('application/json; charset=utf-8').send(body);
}

/** SQLSTATE 22003 numeric_value_out_of_range (PostgreSQL and PGlite). */
const PG_NUMERIC_OUT_OF_RANGE = '22003';

/** The one place where errors become HTTP: stable code, Japanese message, never a stack trace or SQL. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof AppError) return send(reply, req, err.code, err.message, err.details);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => ({
        path: `${v.instancePath}`.replace(/^\//, '').replaceAll('/', '.'),
        message: v.message ?? '値が正しくありません。',
      }));
      return send(reply, req, 'invalid', undefined, { fields });
    }
    // A number the client sent that the database column cannot hold (e.g. a version of 2^31): invalid input.
    if ((err as { code?: unknown }).code === PG_NUMERIC_OUT_OF_RANGE) return send(reply, req, 'invalid');
    if (err.statusCode === 413) return send(reply, req, 'payload_too_large');
    if (err.statusCode === 429) return send(reply, req, 'rate_limited');
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Malformed JSON, wrong content type, bad URL encoding…: a client error, reported generically.
      return send(reply, req, 'invalid');
    }
    req.log.error({ err: { type: err.name, message: err.message, stack: err.stack } }, 'unhandled error');
    return send(reply, req, 'internal');
  });
}

export function notFound(req: FastifyRequest, reply: FastifyReply) {
  return send(reply, req, 'not_found');
}
