import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

const NUL = '\u0000';

/** The path (a.b.0.c) of the first string in `value` that contains U+0000, or null. */
function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  for (const [key, child] of Object.entries(value)) {
    if (key.includes(NUL)) return path ? `${path}.${key.replaceAll(NUL, '')}` : key.replaceAll(NUL, '');
    const found = nulPath(child, path ? `${path}.${key}` : key, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000: a NUL anywhere in the input (body, query string, path) would reach
 * the database as an "invalid byte sequence" error, a 500. Refuse it at the door as invalid input —
 * except on routes that check control characters themselves (`ownControlCharCheck`).
 */
export function installInputGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    if (req.routeOptions.config?.ownControlCharCheck) return;
    const path = nulPath(req.params, '') ?? nulPath(req.query, '') ?? nulPath(req.body, '');
    if (path !== null) throw new AppError('invalid', { fields: [{ path, message: '使用できない文字（NUL）が含まれています。' }] });
  });
}
