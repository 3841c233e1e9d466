/**
 * SQL floor of 見える化 for one 年度: the figures viewDashboard reads (server/src/analytics/
 * dashboard-figures.ts, in the same lanes), without the HTTP request, authorization and audit event.
 * Each part's time is kept (dashboardPartTimes), so the report can say which indicator group limits the
 * whole; parts in different lanes overlap on PostgreSQL, so they add up to more than the whole.
 */
import { resolveScope } from '../server/src/analytics/analytics-scope.js';
import { dashboardFigures } from '../server/src/analytics/dashboard-figures.js';
import { dashboardPeriod } from '../server/src/analytics/dashboard-period.js';
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
  await db.selectFrom('municipal_area').select(['area_id as id', 'name']).where('municipality_id', '=', mid).orderBy('sort_order').orderBy('name').execute();
  await db.selectFrom('agency').select(['agency_id as id', 'name']).where('municipality_id', '=', mid).where('status', '=', 'active').orderBy('name').execute();
  const query = { fiscalYear };
  await dashboardFigures(db, await resolveScope(db, mid, {}), dashboardPeriod(query, isoDayInJapan(new Date())), query, timed);
}
