import { recordAudit } from '../audit/record-audit.js';
import type { AnonCtx, Ctx } from '../context.js';
import { AppError } from '../http/errors.js';

/**
 * Runs a use case in one transaction. When the use case was refused by the access policy, the
 * transaction rolls back and the denial is then audited in a transaction of its own, so the
 * refusal is on record even though nothing else was written.
 */
export async function inTransaction<C extends Ctx | AnonCtx, T>(ctx: C, fn: (tx: C) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return fn(ctx);
  try {
    return await ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx }));
  } catch (err) {
    if (err instanceof AppError && err.denial) {
      await recordAudit(ctx.db, ctx.meta, ctx.now, { ...err.denial, outcome: 'denied' });
    }
    throw err;
  }
}
