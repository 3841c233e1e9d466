/** Recorded sessions of an activity (counts by age band, 参加団体, who recorded them). */
import type { DbHandle } from '../platform/db/database.js';
import { countsOfRow, isMultiGenerational, totalOf } from './age-bands.js';

export async function sessionRows(db: DbHandle, municipalityId: string, activityId: string, range: { from: string; to: string } | { heldOn: string }) {
  let q = db
    .selectFrom('community_session as s')
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 's.municipality_id').onRef('u.user_id', '=', 's.recorded_by_user_id'))
    .selectAll('s')
    .select('u.display_name as recordedBy')
    .where('s.municipality_id', '=', municipalityId)
    .where('s.activity_id', '=', activityId);
  q = 'heldOn' in range ? q.where('s.held_on', '=', range.heldOn) : q.where('s.held_on', '>=', range.from).where('s.held_on', '<=', range.to);
  const rows = await q.orderBy('s.held_on').execute();
  const partners = new Map<string, string[]>();
  if (rows.length > 0) {
    const links = await db
      .selectFrom('community_session_partner')
      .select(['session_id', 'partner_id'])
      .where('municipality_id', '=', municipalityId)
      .where(
        'session_id',
        'in',
        rows.map((r) => r.session_id),
      )
      .execute();
    for (const l of links) partners.set(l.session_id, [...(partners.get(l.session_id) ?? []), l.partner_id]);
  }
  return rows.map((r) => {
    const counts = countsOfRow(r);
    return {
      id: r.session_id,
      activityId: r.activity_id,
      heldOn: r.held_on,
      status: r.status,
      counts,
      total: totalOf(counts),
      multiGenerational: r.status === 'held' && isMultiGenerational(counts),
      volunteers: r.volunteers,
      note: r.note,
      partnerIds: (partners.get(r.session_id) ?? []).sort(),
      recordedBy: r.recordedBy,
      updatedAt: r.updated_at.toISOString(),
      version: r.version,
    };
  });
}
export type SessionView = Awaited<ReturnType<typeof sessionRows>>[number];
