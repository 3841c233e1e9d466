import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { loadServices } from './resource.repo.js';
import type { ServiceInput } from './resource-input.js';
import { resolveServiceInput } from './resolve-service-input.js';
import { writeService } from './service-writer.js';
import { directoryFacts, type ServiceViewT, serviceView, todayOf } from './service-view.js';

/**
 * 地域資源を編集: replaces the service's fields and nested rows (ids of rows it keeps stay the same).
 * Optimistic: the version the editor loaded must still be current, else `conflict`.
 * Editing does not re-assure the entry; 確認済みにする is its own step.
 */
export async function updateService(ctx: Ctx, serviceId: string, input: ServiceInput & { version: number }): Promise<ServiceViewT> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', directoryFacts(mid, serviceId), { auditAction: 'resource.service.update' });
    const [existing] = await loadServices(tx.db, mid, [serviceId]);
    if (!existing) throw new AppError('not_found');
    if (existing.version !== input.version) throw new AppError('conflict');
    const write = await resolveServiceInput(tx.db, mid, serviceId, input, existing);
    if (!(await writeService(tx.db, mid, write, tx.now, { insert: false, expectedVersion: input.version }))) throw new AppError('conflict');
    await audit(tx, {
      action: 'resource.service.update',
      targetType: 'resource_service',
      targetId: serviceId,
      basis,
      details: { version: input.version + 1, status: write.status, statusBefore: existing.status },
    });
    const [service] = await loadServices(tx.db, mid, [serviceId]);
    return serviceView(service!, todayOf(tx), true);
  });
}
