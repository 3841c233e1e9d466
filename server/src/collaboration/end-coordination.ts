import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { loadCaseFor } from './case-access.js';
import { type EpisodeView, loadEpisodes, toEpisodeView } from './coordination.repo.js';
import { bumpEpisode, COORDINATOR_TEAM_ROLE, episodeForCoordinator } from './respond-to-coordination.js';

/**
 * 関与終結: the coordinator ends its involvement and names the lead for ongoing support. The case
 * itself stays open. If the named agency is not the current lead, a lead transfer is requested
 * that the named agency must accept (the case keeps exactly one lead throughout).
 */
export async function endCoordination(ctx: Ctx, episodeId: string, input: { version: number; summary: string; leadAgencyId: string }): Promise<EpisodeView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const row = await episodeForCoordinator(tx, episodeId);
    const kase = await tx.db.selectFrom('support_case').selectAll().where('municipality_id', '=', mid).where('case_id', '=', row.case_id).executeTakeFirstOrThrow();
    const lead = await tx.db.selectFrom('agency').select('agency_id').where('municipality_id', '=', mid).where('agency_id', '=', input.leadAgencyId).where('status', '=', 'active').executeTakeFirst();
    if (!lead) throw new AppError('invalid', { fields: [{ path: 'leadAgencyId', message: '今後の主担当の機関を選んでください。' }] });
    const today = isoDayInJapan(tx.now);
    await bumpEpisode(tx, row, input.version, 'active', { status: 'ended', ended_on: today, end_summary: input.summary, handover_lead_agency_id: input.leadAgencyId });
    await tx.db
      .updateTable('support_team_member')
      .set((eb) => ({ left_on: today, updated_at: tx.now, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', mid)
      .where('case_id', '=', row.case_id)
      .where('agency_id', '=', row.coordinator_agency_id)
      .where('role', '=', COORDINATOR_TEAM_ROLE)
      .where('left_on', 'is', null)
      .execute();
    let transferId: string | null = null;
    if (kase.status === 'open' && input.leadAgencyId !== kase.lead_agency_id) {
      const pending = await tx.db.selectFrom('case_lead_transfer').select('transfer_id').where('municipality_id', '=', mid).where('case_id', '=', row.case_id).where('status', '=', 'requested').executeTakeFirst();
      if (pending) throw new AppError('conflict', undefined, '主担当の変更依頼が処理待ちです。先にその依頼を処理してください。');
      transferId = newId();
      await tx.db
        .insertInto('case_lead_transfer')
        .values({ municipality_id: mid, transfer_id: transferId, case_id: row.case_id, from_agency_id: kase.lead_agency_id, to_agency_id: input.leadAgencyId, reason: `多機関協働の関与終結: ${input.summary}`, requested_by_user_id: tx.actor.userId, requested_at: tx.now })
        .execute();
    }
    await audit(tx, { action: 'coordination.end', targetType: 'case', targetId: row.case_id, basis: '多機関協働の関与', details: { episodeId, leadAgencyId: input.leadAgencyId, transferId } });
    return toEpisodeView((await loadEpisodes(tx.db, mid, { episodeId }))[0]!);
  });
}

/** 依頼の取消 (the lead, before the coordinator answers). */
export async function cancelCoordination(ctx: Ctx, episodeId: string, input: { version: number }): Promise<EpisodeView> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const [row] = await loadEpisodes(tx.db, mid, { episodeId });
    const { basis, kase } = await loadCaseFor(tx, row?.case_id ?? '00000000-0000-0000-0000-000000000000', 'update');
    if (!row || !tx.actor.agencyIds.includes(kase.lead_agency_id)) throw new AppError('not_found');
    await bumpEpisode(tx, row, input.version, 'requested', { status: 'cancelled' });
    await audit(tx, { action: 'coordination.cancel', targetType: 'case', targetId: row.case_id, basis, details: { episodeId } });
    return toEpisodeView((await loadEpisodes(tx.db, mid, { episodeId }))[0]!);
  });
}
