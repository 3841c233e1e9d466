import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { actingAgency } from './acting-agency.js';
import { type PersonFieldsInput, personColumns } from './person-fields.js';
import { currentMemberships, getPersonRow, personConcerns, replaceConcerns } from './person.repo.js';
import { type PersonView, toPersonView } from './person-view.js';

/** 本人・世帯員の登録, owned by the agency the worker acts for. */
export async function registerPerson(ctx: Ctx, input: PersonFieldsInput & { agencyId?: string | null }): Promise<PersonView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const agencyId = actingAgency(tx, input.agencyId);
    const basis = authorize(tx, 'create', { kind: 'person', municipalityId: mid, ownerAgencyIds: [agencyId] });
    const personId = newId();
    await tx.db
      .insertInto('person')
      .values({ municipality_id: mid, person_id: personId, registered_by_agency_id: agencyId, ...personColumns(input, tx.now), created_at: tx.now, updated_at: tx.now })
      .execute();
    await replaceConcerns(tx.db, mid, personId, input.concerns);
    await audit(tx, { action: 'person.create', targetType: 'person', targetId: personId, basis });
    const row = (await getPersonRow(tx.db, mid, personId))!;
    return toPersonView(row, await personConcerns(tx.db, mid, personId), await currentMemberships(tx.db, mid, personId));
  });
}
