import { hasRole } from '../platform/access/actor.js';
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { loadCaseFor } from './case-access.js';
import { loadEpisodes, toEpisodeView } from './coordination.repo.js';

/** 多機関協働の依頼・関与 addressed to the coordinator's agencies (open ones unless `all`). */
export async function coordinationInbox(ctx: Ctx, all: boolean) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'list', { kind: 'case', municipalityId: mid, ownerAgencyIds: [...tx.actor.agencyIds] });
    const rows = hasRole(tx.actor, 'coordinator')
      ? await loadEpisodes(tx.db, mid, { coordinatorAgencyIds: tx.actor.agencyIds, ...(all ? {} : { statuses: ['requested', 'active'] }) })
      : [];
    await audit(tx, { action: 'coordination.list', targetType: 'case', basis, details: { returned: rows.length } });
    return { items: rows.map(toEpisodeView) };
  });
}

/** The involvement history of one case (read like the case). */
export async function caseCoordination(ctx: Ctx, caseId: string) {
  return inTransaction(ctx, async (tx) => {
    const { basis } = await loadCaseFor(tx, caseId, 'read');
    const rows = await loadEpisodes(tx.db, tx.actor.municipalityId, { caseId });
    await audit(tx, { action: 'coordination.read', targetType: 'case', targetId: caseId, basis });
    return { items: rows.map(toEpisodeView) };
  });
}
