import { hasRole } from '../platform/access/actor.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { type EpisodeRow, type EpisodeView, loadEpisodes, toEpisodeView } from './coordination.repo.js';

export const COORDINATOR_TEAM_ROLE = '多機関協働事業者（関与中）';

/** The episode, for a 多機関協働事業者 of its coordinator agency only; anyone else: not_found (the refusal is audited). */
export async function episodeForCoordinator(tx: Ctx, episodeId: string): Promise<EpisodeRow> {
  const [row] = await loadEpisodes(tx.db, tx.actor.municipalityId, { episodeId });
  const coordinator = hasRole(tx.actor, 'coordinator');
  if (!row || !coordinator || !row.coordinator_agency_id || !tx.actor.agencyIds.includes(row.coordinator_agency_id)) {
    const { municipalityId, userId, loginName } = tx.actor;
    const basis = coordinator ? 'no_relationship' : 'role_not_permitted';
    throw new AppError('not_found', undefined, undefined, { municipalityId, actorUserId: userId, actorLogin: loginName, action: 'coordination.answer', targetType: 'case', targetId: row?.case_id ?? episodeId, basis });
  }
  return row;
}

export async function bumpEpisode(tx: Ctx, row: EpisodeRow, version: number, from: 'requested' | 'active', set: Record<string, unknown>) {
  const r = await tx.db
    .updateTable('coordination_episode')
    .set((eb) => ({ ...set, updated_at: tx.now, version: eb('version', '+', 1) }))
    .where('municipality_id', '=', tx.actor.municipalityId)
    .where('episode_id', '=', row.episode_id)
    .where('version', '=', version)
    .where('status', '=', from)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
}

const view = async (tx: Ctx, episodeId: string) => toEpisodeView((await loadEpisodes(tx.db, tx.actor.municipalityId, { episodeId }))[0]!);

/**
 * 関与開始: the coordinator accepts; its agency joins the 支援チーム (so it may read and work on the
 * case) for as long as it is involved.
 */
export async function acceptCoordination(ctx: Ctx, episodeId: string, input: { version: number }): Promise<EpisodeView> {
  return inTransaction(ctx, async (tx) => {
    const row = await episodeForCoordinator(tx, episodeId);
    const today = isoDayInJapan(tx.now);
    await bumpEpisode(tx, row, input.version, 'requested', { status: 'active', started_on: today, coordinator_user_id: tx.actor.userId });
    const onTeam = await tx.db
      .selectFrom('support_team_member')
      .select('team_member_id')
      .where('municipality_id', '=', tx.actor.municipalityId)
      .where('case_id', '=', row.case_id)
      .where('agency_id', '=', row.coordinator_agency_id)
      .where('left_on', 'is', null)
      .executeTakeFirst();
    if (!onTeam) {
      await tx.db
        .insertInto('support_team_member')
        .values({ municipality_id: tx.actor.municipalityId, team_member_id: newId(), case_id: row.case_id, member_kind: 'agency', agency_id: row.coordinator_agency_id, role: COORDINATOR_TEAM_ROLE, joined_on: today, added_by_user_id: tx.actor.userId, created_at: tx.now, updated_at: tx.now })
        .execute();
    }
    await audit(tx, { action: 'coordination.start', targetType: 'case', targetId: row.case_id, basis: '多機関協働への依頼', details: { episodeId } });
    return view(tx, episodeId);
  });
}

/** 関与しない with a reason the requesting lead sees. */
export async function declineCoordination(ctx: Ctx, episodeId: string, input: { version: number; reason: string }): Promise<EpisodeView> {
  return inTransaction(ctx, async (tx) => {
    const row = await episodeForCoordinator(tx, episodeId);
    await bumpEpisode(tx, row, input.version, 'requested', { status: 'declined', decline_reason: input.reason });
    await audit(tx, { action: 'coordination.decline', targetType: 'case', targetId: row.case_id, basis: '多機関協働への依頼', details: { episodeId } });
    return view(tx, episodeId);
  });
}
