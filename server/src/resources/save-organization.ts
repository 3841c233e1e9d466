import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { loadOrganizationViews, type OrganizationViewT } from './organization-view.js';
import type { OrganizationInput } from './resource-input.js';
import { directoryFacts } from './service-view.js';

const columns = (input: OrganizationInput) => ({
  name: input.name,
  alternate_name: input.alternateName,
  description: input.description,
  email: input.email,
  website: input.website,
  phone: input.phone,
});

/** 提供機関を登録 (the organization that provides services: NPO, 社協, 企業, 自治会…). */
export async function createOrganization(ctx: Ctx, input: OrganizationInput): Promise<OrganizationViewT> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'create', directoryFacts(mid), { auditAction: 'resource.organization.create' });
    const id = newId();
    await tx.db
      .insertInto('resource_organization')
      .values({ municipality_id: mid, organization_id: id, ...columns(input), created_at: tx.now, updated_at: tx.now })
      .execute();
    await audit(tx, { action: 'resource.organization.create', targetType: 'resource_organization', targetId: id, basis });
    const [org] = await loadOrganizationViews(tx.db, mid, [id]);
    return org!;
  });
}

/** 提供機関を編集. Optimistic on version. */
export async function updateOrganization(ctx: Ctx, organizationId: string, input: OrganizationInput & { version: number }): Promise<OrganizationViewT> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', directoryFacts(mid, organizationId), { auditAction: 'resource.organization.update' });
    const exists = await tx.db.selectFrom('resource_organization').select('version').where('municipality_id', '=', mid).where('organization_id', '=', organizationId).executeTakeFirst();
    if (!exists) throw new AppError('not_found');
    const updated = await tx.db
      .updateTable('resource_organization')
      .set({ ...columns(input), version: input.version + 1, updated_at: tx.now })
      .where('municipality_id', '=', mid)
      .where('organization_id', '=', organizationId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict');
    // The services of the organization changed as HSDS sees them (nested organization).
    await tx.db.updateTable('resource_service').set({ last_modified: tx.now }).where('municipality_id', '=', mid).where('organization_id', '=', organizationId).execute();
    await audit(tx, { action: 'resource.organization.update', targetType: 'resource_organization', targetId: organizationId, basis, details: { version: input.version + 1 } });
    const [org] = await loadOrganizationViews(tx.db, mid, [organizationId]);
    return org!;
  });
}
