import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { type PersonFieldsInput, personColumns } from './person-fields.js';
import { currentMemberships, getPersonRow, personConcerns, personFacts, replaceConcerns } from './person.repo.js';
import { type PersonView, toPersonView } from './person-view.js';

/** 本人情報の更新, all fields at once, with optimistic concurrency on `version`. */
export async function updatePerson(ctx: Ctx, personId: string, input: PersonFieldsInput & { version: number }): Promise<PersonView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const facts = (await personFacts(tx.db, mid, personId)) ?? { kind: 'person' as const, municipalityId: mid, id: personId };
    const basis = authorize(tx, 'update', facts);
    const result = await tx.db
      .updateTable('person')
      .set((eb) => ({ ...personColumns(input, tx.now), updated_at: tx.now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', mid)
      .where('person_id', '=', personId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw new AppError('conflict');
    await replaceConcerns(tx.db, mid, personId, input.concerns);
    await audit(tx, { action: 'person.update', targetType: 'person', targetId: personId, basis });
    const row = (await getPersonRow(tx.db, mid, personId))!;
    return toPersonView(row, await personConcerns(tx.db, mid, personId), await currentMemberships(tx.db, mid, personId));
  });
}
