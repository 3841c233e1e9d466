import { authorize } from '../../platform/access/authorize.js';
import type { RelationshipKind } from '../../platform/db/schema.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { newId } from '../../platform/db/ids.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/errors.js';
import { getHousehold, householdFacts } from '../household.repo.js';
import { toHouseholdView } from '../household-view.js';

export interface RelationshipInput {
  /** The person who is the `kind` of `relatedPersonId` (e.g. kind 'parent': personId is the parent). */
  personId: string;
  relatedPersonId: string;
  kind: RelationshipKind;
  livingTogether: boolean;
}

async function authorizeUpdate(ctx: Ctx, householdId: string) {
  const mid = ctx.actor.municipalityId;
  const facts = (await householdFacts(ctx.db, mid, householdId)) ?? { kind: 'household' as const, municipalityId: mid, id: householdId };
  const basis = authorize(ctx, 'update', facts);
  const found = await getHousehold(ctx.db, mid, householdId);
  if (!found) throw new AppError('not_found');
  return { basis, found };
}

/** 続柄の登録 (for the genogram): both people must be (or have been) members of the household. */
export async function recordRelationship(ctx: Ctx, householdId: string, input: RelationshipInput) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { basis, found } = await authorizeUpdate(tx, householdId);
    const memberIds = new Set(found.members.map((m) => m.person_id));
    if (input.personId === input.relatedPersonId || !memberIds.has(input.personId) || !memberIds.has(input.relatedPersonId)) {
      throw new AppError('invalid', { fields: [{ path: 'relatedPersonId', message: '同じ世帯の別の方を選んでください。' }] });
    }
    const exists = found.relationships.some(
      (r) =>
        (r.person_id === input.personId && r.related_person_id === input.relatedPersonId) ||
        (r.person_id === input.relatedPersonId && r.related_person_id === input.personId),
    );
    if (exists) throw new AppError('duplicate', undefined, 'この二人の続柄はすでに登録されています。');
    const relationshipId = newId();
    await tx.db
      .insertInto('person_relationship')
      .values({ municipality_id: mid, relationship_id: relationshipId, person_id: input.personId, related_person_id: input.relatedPersonId, kind: input.kind, living_together: input.livingTogether, created_at: tx.now })
      .execute();
    await audit(tx, { action: 'household.relationship_added', targetType: 'household', targetId: householdId, basis, details: { relationshipId, kind: input.kind } });
    return toHouseholdView((await getHousehold(tx.db, mid, householdId))!);
  });
}

/** 続柄の削除 (a mistaken entry): only a relationship between this household's members. */
export async function removeRelationship(ctx: Ctx, householdId: string, relationshipId: string) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { basis, found } = await authorizeUpdate(tx, householdId);
    if (!found.relationships.some((r) => r.relationship_id === relationshipId)) throw new AppError('not_found');
    await tx.db.deleteFrom('person_relationship').where('municipality_id', '=', mid).where('relationship_id', '=', relationshipId).execute();
    await audit(tx, { action: 'household.relationship_removed', targetType: 'household', targetId: householdId, basis, details: { relationshipId } });
    return toHouseholdView((await getHousehold(tx.db, mid, householdId))!);
  });
}
