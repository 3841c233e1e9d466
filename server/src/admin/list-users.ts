import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { listUsers as listUserRows, type UserItem } from './user.repo.js';

/** 利用者一覧 (staff accounts of the actor's municipality). */
export async function listUsers(ctx: Ctx): Promise<UserItem[]> {
  return inTransaction(ctx, async (tx) => {
    const basis = authorize(tx, 'list', { kind: 'user_account', municipalityId: tx.actor.municipalityId });
    const items = await listUserRows(tx.db, tx.actor.municipalityId);
    await audit(tx, { action: 'user.list', targetType: 'user_account', basis, details: { count: items.length } });
    return items;
  });
}
