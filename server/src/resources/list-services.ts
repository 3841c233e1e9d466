import { authorize } from '../platform/access/authorize.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import type { ServiceStatus } from '../platform/db/schema-resources.js';
import { staleCutoff } from './directory-rules.js';
import { findServiceIds } from './directory-query.js';
import { loadServices } from './resource.repo.js';
import { canEditDirectory, directoryFacts, type ServiceListItemT, serviceListItem, todayOf } from './service-view.js';

export interface ListServicesInput {
  q?: string | undefined;
  termId?: string | undefined;
  areaId?: string | undefined;
  organizationId?: string | undefined;
  status?: ServiceStatus | undefined;
  stale?: 'true' | 'false' | undefined;
  page: number;
  perPage: number;
}

export interface ServiceListResult {
  items: ServiceListItemT[];
  total: number;
  /** 要再確認 among all matches (whatever the 要再確認 filter), for the badge on the filter. */
  staleTotal: number;
  page: number;
  perPage: number;
  canEdit: boolean;
}

/**
 * 地域資源の一覧: search, 分類, 圏域, 提供機関, 状態 and 要再確認 filters, paged. Directory
 * information is not personal data, so reads are authorized but not audited.
 */
export async function listServices(ctx: Ctx, input: ListServicesInput): Promise<ServiceListResult> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    authorize(tx, 'list', directoryFacts(mid), { auditAction: 'resource.list' });
    const today = todayOf(tx);
    const cutoff = staleCutoff(today);
    const base = { search: input.q, termId: input.termId, areaId: input.areaId, organizationId: input.organizationId, status: input.status };
    const filter = { ...base, stale: input.stale ? { value: input.stale === 'true', cutoff } : undefined };
    const { ids, total } = await findServiceIds(tx.db, mid, filter, { offset: (input.page - 1) * input.perPage, limit: input.perPage });
    const staleTotal = input.stale === 'true' ? total : (await findServiceIds(tx.db, mid, { ...base, stale: { value: true, cutoff } }, { offset: 0, limit: 0 })).total;
    const services = await loadServices(tx.db, mid, ids);
    return { items: services.map((s) => serviceListItem(s, today)), total, staleTotal, page: input.page, perPage: input.perPage, canEdit: canEditDirectory(tx) };
  });
}
