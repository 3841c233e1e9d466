import type { AnonCtx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { issueFormToken } from './form-token.js';
import { ensurePublicIntakeSetting } from './public-intake.repo.js';

export interface PublicDeps {
  /** The municipality this deployment's public form serves (its first municipality). */
  municipalityId: string | null;
  secret: string;
}

export interface PublicForm {
  open: boolean;
  municipalityName: string | null;
  formToken: string | null;
}

/**
 * The public form opens: whether it takes consultations now, the municipality's name, and a fresh
 * signed timestamp token. Says nothing about any submission.
 */
export async function getPublicForm(ctx: AnonCtx, deps: PublicDeps): Promise<PublicForm> {
  const mid = deps.municipalityId;
  if (!mid) return { open: false, municipalityName: null, formToken: null };
  return inTransaction(ctx, async (tx) => {
    const municipality = await tx.db.selectFrom('municipality').select('name').where('municipality_id', '=', mid).executeTakeFirst();
    const setting = await ensurePublicIntakeSetting(tx.db, mid, tx.now, tx.meta);
    const open = Boolean(municipality && setting?.enabled && setting.designatedAgencyActive);
    return { open, municipalityName: municipality?.name ?? null, formToken: open ? issueFormToken(deps.secret, mid, tx.now) : null };
  });
}
