import { authorize } from '../platform/access/authorize.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { loadOrganizationViews, type OrganizationViewT } from './organization-view.js';
import { directoryFacts } from './service-view.js';

/** 提供機関の一覧 (HSDS organizations), with the number of services each provides. */
export async function listOrganizations(ctx: Ctx): Promise<OrganizationViewT[]> {
  return inTransaction(ctx, async (tx) => {
    authorize(tx, 'list', directoryFacts(tx.actor.municipalityId), { auditAction: 'resource.organization.list' });
    return loadOrganizationViews(tx.db, tx.actor.municipalityId);
  });
}

/** 提供機関の詳細. */
export async function viewOrganization(ctx: Ctx, organizationId: string): Promise<OrganizationViewT> {
  return inTransaction(ctx, async (tx) => {
    authorize(tx, 'read', directoryFacts(tx.actor.municipalityId, organizationId), { auditAction: 'resource.organization.read' });
    const [org] = await loadOrganizationViews(tx.db, tx.actor.municipalityId, [organizationId]);
    if (!org) throw new AppError('not_found');
    return org;
  });
}
