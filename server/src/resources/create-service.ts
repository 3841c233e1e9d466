import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { loadServices } from './resource.repo.js';
import type { ServiceInput } from './resource-input.js';
import { resolveServiceInput } from './resolve-service-input.js';
import { writeService } from './service-writer.js';
import { directoryFacts, type ServiceViewT, serviceView, todayOf } from './service-view.js';

/** 地域資源を登録: a new HSDS service of a 提供機関, not yet 確認済み (so it shows 要再確認 until checked). */
export async function createService(ctx: Ctx, input: ServiceInput): Promise<ServiceViewT> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'create', directoryFacts(mid), { auditAction: 'resource.service.create' });
    const serviceId = newId();
    const write = await resolveServiceInput(tx.db, mid, serviceId, input, null);
    await writeService(tx.db, mid, write, tx.now, { insert: true });
    await audit(tx, {
      action: 'resource.service.create',
      targetType: 'resource_service',
      targetId: serviceId,
      basis,
      details: { organizationId: write.organizationId, terms: write.termIds.length, schedules: write.schedules.length, locations: write.locations.length },
    });
    const [service] = await loadServices(tx.db, mid, [serviceId]);
    return serviceView(service!, todayOf(tx), true);
  });
}
