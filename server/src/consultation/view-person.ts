import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { currentMemberships, getPersonRow, personConcerns, personFacts } from './person.repo.js';
import { type PersonView, toPersonView } from './person-view.js';

/** 本人の閲覧: policy check, then an audit event naming the basis of the disclosure. */
export async function viewPerson(ctx: Ctx, personId: string): Promise<PersonView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const facts = (await personFacts(tx.db, mid, personId)) ?? { kind: 'person' as const, municipalityId: mid, id: personId };
    const basis = authorize(tx, 'read', facts);
    const row = await getPersonRow(tx.db, mid, personId);
    if (!row) throw new AppError('not_found');
    await audit(tx, { action: 'person.read', targetType: 'person', targetId: personId, basis });
    return toPersonView(row, await personConcerns(tx.db, mid, personId), await currentMemberships(tx.db, mid, personId));
  });
}
