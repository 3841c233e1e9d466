import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import type { AgencyKind } from './agency-kinds.js';
import { type AgencyItem, agencyNameTaken, getAgency, listAgencies as listAgencyRows } from './agency.repo.js';

const duplicateName = () =>
  new AppError('duplicate', { fields: [{ path: 'name', message: '同じ名前の機関がすでにあります。' }] });

/** 機関一覧: any staff member of the municipality may read the list of agencies. */
export async function listAgencies(ctx: Ctx): Promise<AgencyItem[]> {
  return inTransaction(ctx, async (tx) => {
    authorize(tx, 'list', { kind: 'agency', municipalityId: tx.actor.municipalityId });
    return listAgencyRows(tx.db, tx.actor.municipalityId);
  });
}

/** 機関の追加. */
export async function createAgency(ctx: Ctx, input: { name: string; kind: AgencyKind; area?: string | null | undefined }) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'create', { kind: 'agency', municipalityId: mid });
    if (await agencyNameTaken(tx.db, mid, input.name)) throw duplicateName();
    const agencyId = newId();
    await tx.db
      .insertInto('agency')
      .values({ municipality_id: mid, agency_id: agencyId, name: input.name, kind: input.kind, area: input.area ?? null, created_at: tx.now, updated_at: tx.now })
      .execute();
    await audit(tx, { action: 'agency.create', targetType: 'agency', targetId: agencyId, basis, details: { kind: input.kind } });
    return (await getAgency(tx.db, mid, agencyId))!;
  });
}

export interface UpdateAgencyInput {
  agencyId: string;
  version: number;
  name?: string | undefined;
  kind?: AgencyKind | undefined;
  area?: string | null | undefined;
  status?: 'active' | 'closed' | undefined;
}

/** 機関の更新, optimistic concurrency on `version`. */
export async function updateAgency(ctx: Ctx, input: UpdateAgencyInput) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', { kind: 'agency', municipalityId: mid, id: input.agencyId });
    if (!(await getAgency(tx.db, mid, input.agencyId))) throw new AppError('not_found');
    if (input.name && (await agencyNameTaken(tx.db, mid, input.name, input.agencyId))) throw duplicateName();
    const result = await tx.db
      .updateTable('agency')
      .set((eb) => ({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.kind !== undefined ? { kind: input.kind } : {}),
        ...(input.area !== undefined ? { area: input.area } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        updated_at: tx.now,
        version: eb('version', '+', 1),
      }))
      .where('municipality_id', '=', mid)
      .where('agency_id', '=', input.agencyId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('conflict');
    await audit(tx, { action: 'agency.update', targetType: 'agency', targetId: input.agencyId, basis });
    return (await getAgency(tx.db, mid, input.agencyId))!;
  });
}
