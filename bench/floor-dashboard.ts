/**
 * SQL floor of 見える化 for one 年度: the queries viewDashboard runs (server/src/analytics/view-dashboard.ts),
 * called the same way on the same handle, without the HTTP request, authorization and audit event.
 * Keep in step with viewDashboard when it gains a query.
 */
import { activityByJigyo } from '../server/src/analytics/activity-check.js';
import { resolveScope } from '../server/src/analytics/analytics-scope.js';
import { concernCooccurrence, noContactCases, referralCounts, timeToOwnerAndPlan } from '../server/src/analytics/casework-indicators.js';
import { collaborationCounts, meetingsByType, outreachCounts } from '../server/src/analytics/collaboration-indicators.js';
import { dashboardPeriod } from '../server/src/analytics/dashboard-period.js';
import { countStatutory } from '../server/src/analytics/statutory-indicators.js';
import { loadStatutoryRecords } from '../server/src/analytics/statutory-records.js';
import { DEFAULT_NO_CONTACT_DAYS } from '../server/src/analytics/view-dashboard.js';
import { isoDayInJapan } from '../server/src/consultation/japanese/japanese-date.js';
import type { Db } from '../server/src/platform/db/database.js';

export async function dashboardFloor(db: Db, mid: string, fiscalYear: number): Promise<void> {
  await db.selectFrom('municipal_area').select(['area_id as id', 'name']).where('municipality_id', '=', mid).orderBy('sort_order').orderBy('name').execute();
  await db.selectFrom('agency').select(['agency_id as id', 'name']).where('municipality_id', '=', mid).where('status', '=', 'active').orderBy('name').execute();
  const when = dashboardPeriod({ fiscalYear }, isoDayInJapan(new Date()));
  const { period } = when;
  const scope = await resolveScope(db, mid, {});
  const records = await loadStatutoryRecords(db, scope, when.year.from, when.year.to);
  countStatutory(records, period);
  for (const m of when.months) countStatutory(records, m);
  await activityByJigyo(db, scope, period);
  await collaborationCounts(db, scope, period);
  await meetingsByType(db, scope, period);
  await outreachCounts(db, scope, period);
  await referralCounts(db, scope, period);
  await timeToOwnerAndPlan(db, scope, period);
  await concernCooccurrence(db, scope, period);
  await noContactCases(db, scope, when.asOf, DEFAULT_NO_CONTACT_DAYS);
}
