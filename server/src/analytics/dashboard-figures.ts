/**
 * The figures of the 見える化 dashboard for a scope and period, without authorization or audit (the use
 * case, view-dashboard.ts, does those; the benchmark's SQL floor calls this too, so the two run the same
 * queries the same way).
 *
 * The indicator groups are independent reads, run in three lanes. Each lane is a transaction of its own
 * with the aggregate settings (analytics-session.ts); on PostgreSQL the lanes are separate pooled
 * connections and run at once, on PGlite (one connection) Kysely runs them one after another. Under READ
 * COMMITTED every statement reads its own snapshot, so the figures are as consistent as they were in one
 * transaction. At a million persons one 年度 took ~330 ms of database time one group after another; the
 * lanes are the records counted by day (statutory indicators, activity, referrals, meetings), 未接触, and
 * the households' and teams' figures, about 80–110 ms each. Inside a caller's transaction (tests) the
 * lanes run there, one after another.
 */
import type { Kysely } from 'kysely';
import { CONCERN_CATEGORIES } from '../consultation/concern-categories.js';
import type { Database } from '../platform/db/schema.js';
import { activityByJigyo } from './activity-check.js';
import type { Scope } from './analytics-scope.js';
import { prepareAnalyticsTransaction } from './analytics-session.js';
import { noContactCases, referralCounts, timeToOwnerAndPlan } from './casework-indicators.js';
import { collaborationCounts, meetingsByType, outreachCounts } from './collaboration-indicators.js';
import { concernCooccurrence } from './concern-cooccurrence.js';
import { type DashboardPeriod, type DashboardQuery, INDICATOR_JIGYO, shows } from './dashboard-period.js';
import { countStatutory, STATUTORY_INDICATORS, sumWithin } from './statutory-indicators.js';
import { loadStatutoryRecords } from './statutory-records.js';

export const DEFAULT_NO_CONTACT_DAYS = 30;

/** Wraps each indicator group (the benchmark times them); the use case passes none. */
export type PartTimer = <T>(part: string, run: () => Promise<T>) => Promise<T>;
const untimed: PartTimer = (_part, run) => run();

async function inLane<T>(db: Kysely<Database>, run: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) {
    await prepareAnalyticsTransaction(db);
    return run(db);
  }
  return db.transaction().execute(async (tx) => {
    await prepareAnalyticsTransaction(tx);
    return run(tx);
  });
}

export async function dashboardFigures(db: Kysely<Database>, scope: Scope, when: DashboardPeriod, query: DashboardQuery, time: PartTimer = untimed) {
  const { period } = when;
  const soudan = shows(query, 'soudan');
  const tajikan = shows(query, 'tajikan');
  const noContactDays = query.noContactDays ?? DEFAULT_NO_CONTACT_DAYS;

  const statutoryAndActivity = async (tx: Kysely<Database>) => {
    const { records, current, monthly } = await time('statutory', async () => {
      const records = await loadStatutoryRecords(tx, scope, when.year.from, when.year.to);
      return { records, current: countStatutory(records, period), monthly: when.months.map((m) => ({ month: m.month, values: countStatutory(records, m) })) };
    });
    // The consultations received and sessions held are counted already: activity is not to count them again.
    const counted = { consultations: current.consultations, sessionsHeld: sumWithin(records.heldByDay, period, (d) => d.sessions) };
    const activity = await time('activity', () => activityByJigyo(tx, scope, period, counted));
    const statutory = STATUTORY_INDICATORS.filter((i) => shows(query, INDICATOR_JIGYO[i.code])).map((i) => ({
      ...i,
      jigyo: INDICATOR_JIGYO[i.code],
      value: current[i.code],
      months: monthly.map((m) => ({ month: m.month, value: m.values[i.code] })),
    }));
    const referrals = soudan ? await time('referrals', () => referralCounts(tx, scope, period)) : null;
    const meetings = tajikan ? await time('meetings', () => meetingsByType(tx, scope, period)) : null;
    return { statutory, activity, referrals, meetings };
  };
  // 未接触 reads every open case (~150,000 at a million persons): the longest single group, a lane of its own.
  const casework = async (tx: Kysely<Database>) => ({
    noContact: soudan ? await time('noContact', () => noContactCases(tx, scope, when.asOf, noContactDays)) : null,
  });
  const households = async (tx: Kysely<Database>) => ({
    timings: soudan || tajikan ? await time('timeToOwnerAndPlan', () => timeToOwnerAndPlan(tx, scope, period)) : null,
    cooccurrence: soudan
      ? { categories: CONCERN_CATEGORIES.map((c) => ({ code: c.code, label: c.label })), cells: await time('cooccurrence', () => concernCooccurrence(tx, scope, period)) }
      : null,
    collaboration: tajikan ? await time('collaboration', () => collaborationCounts(tx, scope, period)) : null,
    outreach: shows(query, 'outreach') ? await time('outreach', () => outreachCounts(tx, scope, period)) : null,
  });

  const lanes = db.isTransaction
    ? [await inLane(db, statutoryAndActivity), await inLane(db, casework), await inLane(db, households)] as const
    : await Promise.all([inLane(db, statutoryAndActivity), inLane(db, casework), inLane(db, households)]);
  const [{ statutory, activity, referrals, meetings }, { noContact }, { timings, cooccurrence, collaboration, outreach }] = lanes;
  const shown = activity.filter((a) => shows(query, a.jigyo));
  return {
    statutory,
    collaboration,
    meetings,
    outreach,
    referrals,
    timings,
    cooccurrence,
    noContact,
    activity: shown,
    zeroActivity: shown.filter((a) => a.records === 0).map((a) => a.jigyo),
    noContactDays,
  };
}
