import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { displayNameOf, loadServices } from './resource.repo.js';
import { directoryFacts, type ServiceViewT, serviceView, todayOf } from './service-view.js';

/**
 * 確認済みにする: the entry was checked with the provider today. Sets assured_date to today (Japan)
 * and assured_by to the signed-in user's display name; clears 要再確認. Optimistic on version.
 */
export async function assureService(ctx: Ctx, serviceId: string, input: { version: number }): Promise<ServiceViewT> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', directoryFacts(mid, serviceId), { auditAction: 'resource.service.assure' });
    const today = todayOf(tx);
    const by = await displayNameOf(tx.db, mid, tx.actor.userId);
    const current = await tx.db.selectFrom('resource_service').select(['version', 'assured_date']).where('municipality_id', '=', mid).where('service_id', '=', serviceId).executeTakeFirst();
    if (!current) throw new AppError('not_found');
    const updated = await tx.db
      .updateTable('resource_service')
      .set({ assured_date: today, assured_by: by, version: input.version + 1, last_modified: tx.now, updated_at: tx.now })
      .where('municipality_id', '=', mid)
      .where('service_id', '=', serviceId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict');
    await audit(tx, { action: 'resource.service.assure', targetType: 'resource_service', targetId: serviceId, basis, details: { assuredDate: today, previous: current.assured_date } });
    const [service] = await loadServices(tx.db, mid, [serviceId]);
    return serviceView(service!, todayOf(tx), true);
  });
}
