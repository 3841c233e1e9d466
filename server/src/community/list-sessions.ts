import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { loadActivity, scheduleOf } from './activity.repo.js';
import { authorizeDirectory, todayOf } from './community-access.js';
import { addDays, dayNumber, sessionDates } from './schedule.js';
import { sessionRows } from './session.repo.js';

/** Longest window one request may list (a little over a 年度). */
const MAX_DAYS = 400;

/**
 * 開催回の一覧 of an activity in a window: every date the schedule gives, merged with the sessions
 * recorded (a recorded session on another day is a 臨時開催: scheduled = false). By default the
 * last eight weeks and the next four.
 */
export async function listSessions(ctx: Ctx, activityId: string, window: { from?: string | undefined; to?: string | undefined }) {
  return inTransaction(ctx, async (tx) => {
    authorizeDirectory(tx, 'read', 'community_session.list', activityId);
    const mid = tx.actor.municipalityId;
    const activity = await loadActivity(tx.db, mid, activityId);
    if (!activity) throw new AppError('not_found');
    const today = todayOf(tx);
    const from = window.from ?? addDays(today, -56);
    const to = window.to ?? addDays(today, 28);
    if (to < from || dayNumber(to) - dayNumber(from) > MAX_DAYS) {
      throw new AppError('invalid', { fields: [{ path: 'to', message: `期間は開始日以降、${MAX_DAYS}日以内で指定してください。` }] });
    }
    const scheduled = new Set(sessionDates(scheduleOf(activity), from, to));
    const recorded = new Map((await sessionRows(tx.db, mid, activityId, { from, to })).map((s) => [s.heldOn, s]));
    const days = [...new Set([...scheduled, ...recorded.keys()])].sort();
    return {
      activityId,
      from,
      to,
      today,
      items: days.map((heldOn) => ({ heldOn, scheduled: scheduled.has(heldOn), future: heldOn > today, session: recorded.get(heldOn) ?? null })),
    };
  });
}
