/**
 * Who may manage the 多機関協働 side of a case: the lead agency (主担当) and, while it is involved,
 * the coordinator's agency (多機関協働事業者). Reads follow the policy (lead, team, meetings…).
 */
import { authorize } from '../platform/access/authorize.js';
import type { Action } from '../platform/access/index.js';
import type { Ctx } from '../platform/context.js';
import { AppError } from '../platform/http/errors.js';
import { caseFacts } from '../consultation/case.repo.js';
import { openEpisode } from './team.repo.js';

export async function loadCaseFor(tx: Ctx, caseId: string, action: Action) {
  const mid = tx.actor.municipalityId;
  const facts = await caseFacts(tx.db, mid, caseId);
  const basis = authorize(tx, action, facts ?? { kind: 'case', municipalityId: mid, id: caseId });
  const kase = await tx.db.selectFrom('support_case').selectAll().where('municipality_id', '=', mid).where('case_id', '=', caseId).executeTakeFirst();
  if (!kase) throw new AppError('not_found');
  return { basis, kase };
}

/** The agency of the actor that manages the case now (lead or active coordinator), or a refusal. */
export async function managingAgency(tx: Ctx, kase: { case_id: string; lead_agency_id: string }): Promise<string> {
  if (tx.actor.agencyIds.includes(kase.lead_agency_id)) return kase.lead_agency_id;
  const episode = await openEpisode(tx.db, tx.actor.municipalityId, kase.case_id);
  if (episode?.status === 'active' && episode.coordinator_agency_id && tx.actor.agencyIds.includes(episode.coordinator_agency_id)) return episode.coordinator_agency_id;
  throw new AppError('forbidden', undefined, '支援チームを変更できるのは主担当の機関と関与中の多機関協働事業者です。');
}
