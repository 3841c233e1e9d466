/**
 * 参加者数の記録 for one session (activity × day): counts by age band, 参加団体, volunteers.
 * The first record creates the session (version absent); later edits send the version read, and
 * a stale one is a `conflict`. Editing a past session is allowed and audited like any change.
 */
import type { z } from 'zod';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { newId } from '../platform/db/ids.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { loadActivity, scheduleOf } from './activity.repo.js';
import { totalOf } from './age-bands.js';
import { authorizeDirectory, todayOf } from './community-access.js';
import type { SessionBody } from './community.schemas.js';
import { sessionProblems } from './community-rules.js';
import { checkPartners } from './partner.repo.js';
import { isSessionDay } from './schedule.js';
import { sessionRows } from './session.repo.js';

export async function recordSession(ctx: Ctx, activityId: string, heldOn: string, input: z.output<typeof SessionBody>) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    // Recording attendance changes the activity's record: keepers of the directory only.
    const basis = authorizeDirectory(tx, 'update', 'community_session.record', activityId);
    const existing = (await sessionRows(tx.db, mid, activityId, { heldOn }))[0];
    const activity = await loadActivity(tx.db, mid, activityId);
    if (!activity) throw new AppError('not_found');
    const today = todayOf(tx);
    const schedule = scheduleOf(activity);
    const problems = sessionProblems({ heldOn, today, schedule, status: input.status, counts: input.counts, volunteers: input.volunteers });
    if (problems.length > 0) throw new AppError('invalid', { fields: problems });
    const partners = await checkPartners(tx.db, mid, input.partnerIds, 'partnerIds');
    const values = {
      status: input.status,
      count_child: input.counts.child,
      count_adult: input.counts.adult,
      count_elderly: input.counts.elderly,
      count_unknown: input.counts.unknown,
      volunteers: input.volunteers ?? null,
      note: input.note,
      recorded_by_user_id: tx.actor.userId,
      updated_at: tx.now,
    };

    let sessionId: string;
    if (!existing) {
      // Someone else recorded this session first if the client had read a version: reload and retry.
      if (input.version != null) throw new AppError('conflict');
      sessionId = newId();
      const inserted = await tx.db
        .insertInto('community_session')
        .values({ municipality_id: mid, session_id: sessionId, activity_id: activityId, held_on: heldOn, ...values, created_at: tx.now })
        .onConflict((oc) => oc.columns(['municipality_id', 'activity_id', 'held_on']).doNothing())
        .returning('session_id')
        .executeTakeFirst();
      if (!inserted) throw new AppError('conflict');
    } else {
      if (input.version == null) throw new AppError('conflict');
      sessionId = existing.id;
      const r = await tx.db
        .updateTable('community_session')
        .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
        .where('municipality_id', '=', mid)
        .where('session_id', '=', sessionId)
        .where('version', '=', input.version!)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw new AppError('conflict');
      await tx.db.deleteFrom('community_session_partner').where('municipality_id', '=', mid).where('session_id', '=', sessionId).execute();
    }
    if (partners.length > 0) {
      await tx.db
        .insertInto('community_session_partner')
        .values(partners.map((partner_id) => ({ municipality_id: mid, session_id: sessionId, partner_id })))
        .execute();
    }
    await audit(tx, {
      action: existing ? 'community_session.update' : 'community_session.record',
      targetType: 'community_session',
      targetId: sessionId,
      basis,
      details: { activityId, heldOn, status: input.status, total: totalOf(input.counts), scheduled: isSessionDay(schedule, heldOn), pastDay: heldOn < today },
    });
    return (await sessionRows(tx.db, mid, activityId, { heldOn }))[0]!;
  });
}
