import { authorize } from '../platform/access/authorize.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { loadServices } from './resource.repo.js';
import { canEditDirectory, directoryFacts, type ServiceViewT, serviceView, todayOf } from './service-view.js';

/** 地域資源の詳細: every HSDS field Kasane keeps, 要再確認, and whether the actor may edit it. */
export async function viewService(ctx: Ctx, serviceId: string): Promise<ServiceViewT> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    authorize(tx, 'read', directoryFacts(mid, serviceId), { auditAction: 'resource.read' });
    const [service] = await loadServices(tx.db, mid, [serviceId]);
    if (!service) throw new AppError('not_found');
    return serviceView(service, todayOf(tx), canEditDirectory(tx));
  });
}
