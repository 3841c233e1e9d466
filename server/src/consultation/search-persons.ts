import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { readAudited } from '../platform/db/transaction.js';
import { findPersons, type PersonHit, type QueryKind } from './find-persons.js';

export { classifyQuery, findPersons, type PersonHit, type QueryKind } from './find-persons.js';

/**
 * 本人検索: one box, exact and prefix matches on normalised keys first, substring (trigram) only
 * to widen, ranked by match quality. Only persons the actor may read ever appear, so neither the
 * rows nor their count reveal anyone else. The search is audited without the query text.
 */
export async function searchPersons(ctx: Ctx, q: string, limit = 30): Promise<{ items: PersonHit[]; kind: QueryKind }> {
  return readAudited(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'list', { kind: 'person', municipalityId: mid, ownerAgencyIds: [...tx.actor.agencyIds] });
    const { items, kind } = await findPersons(tx.db, tx.actor, tx.now, q, limit);
    await audit(tx, { action: 'person.search', targetType: 'person', basis, details: { queryKind: kind, returned: items.length } });
    return { items, kind };
  });
}
