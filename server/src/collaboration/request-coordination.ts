import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { loadCaseFor } from './case-access.js';
import { defaultCoordinatorAgency, type EpisodeView, loadEpisodes, toEpisodeView } from './coordination.repo.js';
import { openEpisode } from './team.repo.js';

/**
 * 多機関協働への依頼: the lead agency asks the 多機関協働事業者 to take part in a complex case. One
 * open request or involvement per case; the case keeps its lead meanwhile.
 */
export async function requestCoordination(ctx: Ctx, caseId: string, input: { reason: string; coordinatorAgencyId?: string | null | undefined }): Promise<EpisodeView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const { basis, kase } = await loadCaseFor(tx, caseId, 'update');
    if (!tx.actor.agencyIds.includes(kase.lead_agency_id)) throw new AppError('forbidden', undefined, '多機関協働への依頼は主担当の機関が行います。');
    if (kase.status !== 'open') throw new AppError('invalid', undefined, '終結したケースは依頼できません。');
    if (await openEpisode(tx.db, mid, caseId)) throw new AppError('conflict', undefined, 'このケースはすでに多機関協働に依頼中か関与中です。');
    const coordinator = input.coordinatorAgencyId ?? (await defaultCoordinatorAgency(tx.db, mid));
    if (!coordinator) throw new AppError('invalid', { fields: [{ path: 'coordinatorAgencyId', message: '多機関協働事業者の機関が登録されていません。' }] });
    const exists = await tx.db.selectFrom('agency').select('agency_id').where('municipality_id', '=', mid).where('agency_id', '=', coordinator).where('status', '=', 'active').executeTakeFirst();
    if (!exists || coordinator === kase.lead_agency_id) throw new AppError('invalid', { fields: [{ path: 'coordinatorAgencyId', message: '依頼先の機関を選び直してください。' }] });
    const episodeId = newId();
    await tx.db
      .insertInto('coordination_episode')
      .values({
        municipality_id: mid,
        episode_id: episodeId,
        case_id: caseId,
        requested_by_agency_id: kase.lead_agency_id,
        requested_by_user_id: tx.actor.userId,
        request_reason: input.reason,
        requested_at: tx.now,
        coordinator_agency_id: coordinator,
        created_at: tx.now,
        updated_at: tx.now,
      })
      .execute();
    await audit(tx, { action: 'coordination.request', targetType: 'case', targetId: caseId, basis, details: { episodeId, coordinatorAgencyId: coordinator } });
    return toEpisodeView((await loadEpisodes(tx.db, mid, { episodeId }))[0]!);
  });
}
