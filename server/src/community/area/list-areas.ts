import { can } from '../../platform/access/policy.js';
import { isStaff } from '../../platform/access/relationships.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { listAreaRows } from './area.repo.js';

/**
 * 圏域の一覧. 圏域 are municipal configuration (municipal_config: the 市町村管理者 changes them), but
 * every staff member files places, resources and leads under them; they hold no personal data, so
 * staff roles may read the list too.
 */
export async function listAreas(ctx: Ctx) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const config = can(tx.actor, 'read', { kind: 'municipal_config', municipalityId: mid }, { now: tx.now });
    if (!config.allowed && !isStaff(tx.actor)) throw new AppError('forbidden');
    return { items: await listAreaRows(tx.db, mid) };
  });
}
