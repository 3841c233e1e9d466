import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction, readAudited } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { actingAgency } from './acting-agency.js';
import { getHousehold, householdFacts, movePersonIntoHousehold } from './household.repo.js';
import { toHouseholdView } from './household-view.js';
import { isoDayInJapan } from './japanese/japanese-date.js';
import { personFacts } from './person.repo.js';

export interface MemberInput {
  personId: string;
  roleInHousehold: 'head' | 'member';
  livingTogether: boolean;
}

async function addMembers(ctx: Ctx, householdId: string, members: readonly MemberInput[]) {
  const mid = ctx.actor.municipalityId;
  for (const m of members) {
    // Only persons the worker may already read can be placed in a household.
    const facts = (await personFacts(ctx.db, mid, m.personId)) ?? { kind: 'person' as const, municipalityId: mid, id: m.personId };
    authorize(ctx, 'read', facts);
    await movePersonIntoHousehold(ctx.db, { municipalityId: mid, householdId, personId: m.personId, roleInHousehold: m.roleInHousehold, livingTogether: m.livingTogether, on: isoDayInJapan(ctx.now) });
  }
}

/** 世帯の登録 with its first members. */
export async function registerHousehold(
  ctx: Ctx,
  input: { label: string; address?: string | null; notes?: string | null; confidential?: boolean; agencyId?: string | null; members: MemberInput[] },
) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const agencyId = actingAgency(tx, input.agencyId);
    const basis = authorize(tx, 'create', { kind: 'household', municipalityId: mid, ownerAgencyIds: [agencyId] });
    const householdId = newId();
    await tx.db
      .insertInto('household')
      .values({ municipality_id: mid, household_id: householdId, label: input.label, address: input.address ?? null, notes: input.notes ?? null, confidential: input.confidential ?? false, registered_by_agency_id: agencyId, created_at: tx.now, updated_at: tx.now })
      .execute();
    await addMembers(tx, householdId, input.members);
    await audit(tx, { action: 'household.create', targetType: 'household', targetId: householdId, basis, details: { members: input.members.length } });
    return toHouseholdView((await getHousehold(tx.db, mid, householdId))!);
  });
}

/** 世帯員の追加・転入: the person leaves any current household the same day. */
export async function addHouseholdMember(ctx: Ctx, householdId: string, member: MemberInput) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const facts = (await householdFacts(tx.db, mid, householdId)) ?? { kind: 'household' as const, municipalityId: mid, id: householdId };
    const basis = authorize(tx, 'update', facts);
    await addMembers(tx, householdId, [member]);
    await audit(tx, { action: 'household.member_added', targetType: 'household', targetId: householdId, basis, details: { personId: member.personId } });
    return toHouseholdView((await getHousehold(tx.db, mid, householdId))!);
  });
}

/** 世帯の閲覧 (members past and present). */
export async function viewHousehold(ctx: Ctx, householdId: string) {
  return readAudited(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const facts = (await householdFacts(tx.db, mid, householdId)) ?? { kind: 'household' as const, municipalityId: mid, id: householdId };
    const basis = authorize(tx, 'read', facts);
    const found = await getHousehold(tx.db, mid, householdId);
    if (!found) throw new AppError('not_found');
    await audit(tx, { action: 'household.read', targetType: 'household', targetId: householdId, basis });
    return toHouseholdView(found);
  });
}
