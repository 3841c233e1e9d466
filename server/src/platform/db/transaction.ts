import { recordAudit } from '../audit/record-audit.js';
import type { AnonCtx, Ctx } from '../context.js';
import { AppError } from '../http/errors.js';

/** PostgreSQL's "run it again" answers: deadlock_detected and serialization_failure. */
const RETRYABLE_SQLSTATES = new Set(['40P01', '40001']);
/** Attempts in all before a deadlock reaches the caller (as a 500, nothing written). */
export const TRANSACTION_ATTEMPTS = 3;

export function isRetryableTransactionError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && RETRYABLE_SQLSTATES.has(String((err as { code?: unknown }).code));
}

/**
 * Runs a use case in one transaction. When the use case was refused by the access policy, the
 * transaction rolls back and the denial is then audited in a transaction of its own, so the
 * refusal is on record even though nothing else was written.
 *
 * When PostgreSQL ends the transaction as one side of a deadlock (or a serialization failure),
 * nothing of it was written, so the use case runs again from the start, up to
 * TRANSACTION_ATTEMPTS times — use cases keep their side effects until after commit, which makes
 * that safe. (Concurrent writers can meet in row and advisory locks, e.g. the person_visibility
 * triggers; PGlite has one connection and never deadlocks.)
 */
export async function inTransaction<C extends Ctx | AnonCtx, T>(ctx: C, fn: (tx: C) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  for (let attempt = 1; ; attempt++) {
    try {
      return await ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
    } catch (err) {
      if (attempt < TRANSACTION_ATTEMPTS && isRetryableTransactionError(err)) continue;
      await auditDenial(ctx, err);
      throw err;
    }
  }
}

/**
 * A read whose only write is its own audit event (one INSERT, atomic on its own). It runs on the
 * handle it is given, without BEGIN and COMMIT: under READ COMMITTED each statement of a transaction
 * takes a fresh snapshot anyway, so the reads see what they would inside one, and each request saves
 * two round trips. A refusal by the access policy is audited as inTransaction does. Inside a
 * transaction it simply runs there.
 */
export async function readAudited<T>(ctx: Ctx, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  try {
    return await fn(ctx);
  } catch (err) {
    await auditDenial(ctx, err);
    throw err;
  }
}

/** A refusal by the access policy is on record even though nothing else of the use case was written. */
async function auditDenial(ctx: Ctx | AnonCtx, err: unknown) {
  if (err instanceof AppError && err.denial) await recordAudit(ctx.db, ctx.meta, ctx.now, { ...err.denial, outcome: 'denied' });
}
