/**
 * SQL floor of 見える化 for one 年度: the queries viewDashboard runs (server/src/analytics/view-dashboard.ts),
 * called the same way on the same handle, without the HTTP request, authorization and audit event.
 * Keep in step with viewDashboard when it gains a query. Each part's time is kept (dashboardPartTimes),
 * so the report can say which indicator group limits the whole.
 */
import { activityByJigyo } from '../server/src/analytics/activity-check.js';
import { resolveScope } from '../server/src/analytics/analytics-scope.js';
import { prepareAnalyticsTransaction } from '../server/src/analytics/analytics-session.js';
import { noContactCases, referralCounts, timeToOwnerAndPlan } from '../server/src/analytics/casework-indicators.js';
import { collaborationCounts, meetingsByType, outreachCounts } from '../server/src/analytics/collaboration-indicators.js';
import { concernCooccurrence } from '../server/src/analytics/concern-cooccurrence.js';
import { dashboardPeriod } from '../server/src/analytics/dashboard-period.js';
import { countStatutory, sumWithin } from '../server/src/analytics/statutory-indicators.js';
import { loadStatutoryRecords } from '../server/src/analytics/statutory-records.js';
import { DEFAULT_NO_CONTACT_DAYS } from '../server/src/analytics/view-dashboard.js';
import { isoDayInJapan } from '../server/src/consultation/japanese/japanese-date.js';
import type { Db } from '../server/src/platform/db/database.js';

/** Milliseconds per call of each part of the floor, in call order (the warm-up calls included). */
export const dashboardPartTimes = new Map<string, number[]>();

async function timed<T>(part: string, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  const times = dashboardPartTimes.get(part) ?? [];
  times.push(performance.now() - started);
  dashboardPartTimes.set(part, times);
  return result;
}

export async function dashboardFloor(db: Db, mid: string, fiscalYear: number): Promise<void> {
  // One transaction, as viewDashboard runs in, with the same per-transaction settings.
  await db.transaction().execute(async (tx) => {
    await prepareAnalyticsTransaction(tx);
    await tx.selectFrom('municipal_area').select(['area_id as id', 'name']).where('municipality_id', '=', mid).orderBy('sort_order').orderBy('name').execute();
    await tx.selectFrom('agency').select(['agency_id as id', 'name']).where('municipality_id', '=', mid).where('status', '=', 'active').orderBy('name').execute();
    const when = dashboardPeriod({ fiscalYear }, isoDayInJapan(new Date()));
    const { period } = when;
    const scope = await resolveScope(tx, mid, {});
    const counted = await timed('statutory', async () => {
      const records = await loadStatutoryRecords(tx, scope, when.year.from, when.year.to);
      const current = countStatutory(records, period);
      for (const m of when.months) countStatutory(records, m);
      return { consultations: current.consultations, sessionsHeld: sumWithin(records.heldByDay, period, (d) => d.sessions) };
    });
    await timed('activity', () => activityByJigyo(tx, scope, period, counted));
    await timed('collaboration', () => collaborationCounts(tx, scope, period));
    await timed('meetings', () => meetingsByType(tx, scope, period));
    await timed('outreach', () => outreachCounts(tx, scope, period));
    await timed('referrals', () => referralCounts(tx, scope, period));
    await timed('timeToOwnerAndPlan', () => timeToOwnerAndPlan(tx, scope, period));
    await timed('cooccurrence', () => concernCooccurrence(tx, scope, period));
    await timed('noContact', () => noContactCases(tx, scope, when.asOf, DEFAULT_NO_CONTACT_DAYS));
  });
}
