/**
 * 見える化: the dashboard of the municipality's own indicators for a 年度 or month, filtered by 圏域,
 * agency and 事業. Aggregate policy, and of its roles only 市町村管理者 and 多機関協働事業者: counts are
 * shown as they are here, so a 都道府県 analyst is sent to the prefecture view (small cells hidden). Counts only — no person
 * leaves. Every view is audited with its filters.
 */
import { CONCERN_CATEGORIES } from '../consultation/concern-categories.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { activityByJigyo } from './activity-check.js';
import { resolveScope } from './analytics-scope.js';
import { prepareAnalyticsTransaction } from './analytics-session.js';
import { noContactCases, referralCounts, timeToOwnerAndPlan } from './casework-indicators.js';
import { concernCooccurrence } from './concern-cooccurrence.js';
import { collaborationCounts, meetingsByType, outreachCounts } from './collaboration-indicators.js';
import { type DashboardQuery, dashboardPeriod, INDICATOR_JIGYO, shows } from './dashboard-period.js';
import { countStatutory, STATUTORY_INDICATORS, sumWithin } from './statutory-indicators.js';
import { loadStatutoryRecords } from './statutory-records.js';

export const DEFAULT_NO_CONTACT_DAYS = 30;

export async function viewDashboard(ctx: Ctx, query: DashboardQuery) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'read', { kind: 'aggregate', municipalityId: mid }, { auditAction: 'analytics.dashboard' });
    // Unsuppressed counts are for the municipality's own programme roles; a prefecture analyst has the
    // prefecture view (small cells hidden) instead.
    if (!tx.actor.roles.some((r) => r === 'municipal_admin' || r === 'coordinator')) {
      const { actor } = tx;
      throw new AppError('forbidden', undefined, undefined, {
        municipalityId: mid,
        actorUserId: actor.userId,
        actorLogin: actor.loginName,
        action: 'analytics.dashboard',
        targetType: 'aggregate',
        targetId: null,
        basis: 'unsuppressed_counts_for_municipal_roles',
      });
    }
    const db = tx.db;
    await prepareAnalyticsTransaction(db);
    const areas = await db.selectFrom('municipal_area').select(['area_id as id', 'name']).where('municipality_id', '=', mid).orderBy('sort_order').orderBy('name').execute();
    const agencies = await db.selectFrom('agency').select(['agency_id as id', 'name']).where('municipality_id', '=', mid).where('status', '=', 'active').orderBy('name').execute();
    if (query.areaId && !areas.some((a) => a.id === query.areaId)) throw new AppError('invalid', { fields: [{ path: 'areaId', message: '登録されていない圏域です。' }] });
    if (query.agencyId && !agencies.some((a) => a.id === query.agencyId)) throw new AppError('invalid', { fields: [{ path: 'agencyId', message: '登録されていない機関です。' }] });

    const when = dashboardPeriod(query, isoDayInJapan(tx.now));
    const { period } = when;
    const scope = await resolveScope(db, mid, query);
    const records = await loadStatutoryRecords(db, scope, when.year.from, when.year.to);
    const current = countStatutory(records, period);
    const monthly = when.months.map((m) => ({ month: m.month, values: countStatutory(records, m) }));
    const statutory = STATUTORY_INDICATORS.filter((i) => shows(query, INDICATOR_JIGYO[i.code])).map((i) => ({
      ...i,
      jigyo: INDICATOR_JIGYO[i.code],
      value: current[i.code],
      months: monthly.map((m) => ({ month: m.month, value: m.values[i.code] })),
    }));
    const noContactDays = query.noContactDays ?? DEFAULT_NO_CONTACT_DAYS;
    const soudan = shows(query, 'soudan');
    const tajikan = shows(query, 'tajikan');
    const activity = await activityByJigyo(db, scope, period, { consultations: current.consultations, sessionsHeld: sumWithin(records.heldByDay, period, (d) => d.sessions) });
    const result = {
      fiscalYear: when.fiscalYear,
      month: when.month,
      from: period.from,
      to: period.to,
      filters: { areaId: query.areaId ?? null, agencyId: query.agencyId ?? null, jigyo: query.jigyo ?? null },
      options: { areas, agencies },
      months: when.months.map((m) => m.month),
      statutory,
      collaboration: tajikan ? await collaborationCounts(db, scope, period) : null,
      meetings: tajikan ? await meetingsByType(db, scope, period) : null,
      outreach: shows(query, 'outreach') ? await outreachCounts(db, scope, period) : null,
      referrals: soudan ? await referralCounts(db, scope, period) : null,
      timings: soudan || tajikan ? await timeToOwnerAndPlan(db, scope, period) : null,
      cooccurrence: soudan ? { categories: CONCERN_CATEGORIES.map((c) => ({ code: c.code, label: c.label })), cells: await concernCooccurrence(db, scope, period) } : null,
      noContact: soudan ? await noContactCases(db, scope, when.asOf, noContactDays) : null,
      activity: activity.filter((a) => shows(query, a.jigyo)),
      zeroActivity: activity.filter((a) => shows(query, a.jigyo) && a.records === 0).map((a) => a.jigyo),
    };
    await audit(tx, {
      action: 'analytics.dashboard',
      targetType: 'aggregate',
      basis,
      details: { fiscalYear: when.fiscalYear, month: when.month, areaId: query.areaId ?? null, agencyId: query.agencyId ?? null, jigyo: query.jigyo ?? null, noContactDays },
    });
    return result;
  });
}
