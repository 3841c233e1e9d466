/**
 * 見える化: the dashboard of the municipality's own indicators for a 年度 or month, filtered by 圏域,
 * agency and 事業. Aggregate policy, and of its roles only 市町村管理者 and 多機関協働事業者: counts are
 * shown as they are here, so a 都道府県 analyst is sent to the prefecture view (small cells hidden). Counts only — no person
 * leaves. Every view is audited with its filters.
 */
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { readAudited } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { resolveScope } from './analytics-scope.js';
import { dashboardFigures } from './dashboard-figures.js';
import { type DashboardQuery, dashboardPeriod } from './dashboard-period.js';


/** Reads only, in lanes of their own (dashboard-figures.ts); the audit event is written after them. */
export async function viewDashboard(ctx: Ctx, query: DashboardQuery) {
  return readAudited(ctx, async (tx) => {
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
    const areas = await db.selectFrom('municipal_area').select(['area_id as id', 'name']).where('municipality_id', '=', mid).orderBy('sort_order').orderBy('name').execute();
    const agencies = await db.selectFrom('agency').select(['agency_id as id', 'name']).where('municipality_id', '=', mid).where('status', '=', 'active').orderBy('name').execute();
    if (query.areaId && !areas.some((a) => a.id === query.areaId)) throw new AppError('invalid', { fields: [{ path: 'areaId', message: '登録されていない圏域です。' }] });
    if (query.agencyId && !agencies.some((a) => a.id === query.agencyId)) throw new AppError('invalid', { fields: [{ path: 'agencyId', message: '登録されていない機関です。' }] });

    const when = dashboardPeriod(query, isoDayInJapan(tx.now));
    const { noContactDays, ...figures } = await dashboardFigures(db, await resolveScope(db, mid, query), when, query);
    await audit(tx, {
      action: 'analytics.dashboard',
      targetType: 'aggregate',
      basis,
      details: { fiscalYear: when.fiscalYear, month: when.month, areaId: query.areaId ?? null, agencyId: query.agencyId ?? null, jigyo: query.jigyo ?? null, noContactDays },
    });
    return {
      fiscalYear: when.fiscalYear,
      month: when.month,
      from: when.period.from,
      to: when.period.to,
      filters: { areaId: query.areaId ?? null, agencyId: query.agencyId ?? null, jigyo: query.jigyo ?? null },
      options: { areas, agencies },
      months: when.months.map((m) => m.month),
      ...figures,
    };
  });
}
