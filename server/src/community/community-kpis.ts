/** 地域づくりの指標 for a 年度 and each month, for the whole municipality or one 圏域 (kpi.ts counts). */
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { countsOfRow } from './age-bands.js';
import { authorizeDirectory, todayOf } from './community-access.js';
import { checkRef } from './partner.repo.js';
import { fiscalYearKpis, fiscalYearOf, fiscalYearPeriod, type KpiSession } from './kpi.js';

export async function communityKpis(ctx: Ctx, query: { fiscalYear?: number | undefined; areaId?: string | undefined }) {
  return inTransaction(ctx, async (tx) => {
    authorizeDirectory(tx, 'list', 'community_kpi.read');
    const mid = tx.actor.municipalityId;
    await checkRef(tx.db, mid, 'municipal_area', query.areaId, 'areaId');
    const fiscalYear = query.fiscalYear ?? fiscalYearOf(todayOf(tx));
    const period = fiscalYearPeriod(fiscalYear);

    let placeQ = tx.db.selectFrom('community_place').select(['place_id as placeId', 'opened_on as openedOn', 'closed_on as closedOn']).where('municipality_id', '=', mid);
    if (query.areaId) placeQ = placeQ.where('area_id', '=', query.areaId);
    const places = await placeQ.execute();

    let sessionQ = tx.db
      .selectFrom('community_session as s')
      .innerJoin('community_activity as a', (j) => j.onRef('a.municipality_id', '=', 's.municipality_id').onRef('a.activity_id', '=', 's.activity_id'))
      .innerJoin('community_place as p', (j) => j.onRef('p.municipality_id', '=', 'a.municipality_id').onRef('p.place_id', '=', 'a.place_id'))
      .select(['s.session_id', 's.held_on', 's.status', 's.count_child', 's.count_adult', 's.count_elderly', 's.count_unknown'])
      .where('s.municipality_id', '=', mid)
      .where('s.held_on', '>=', period.from)
      .where('s.held_on', '<=', period.to);
    if (query.areaId) sessionQ = sessionQ.where('p.area_id', '=', query.areaId);
    const rows = await sessionQ.execute();

    const partners = new Map<string, string[]>();
    if (rows.length > 0) {
      let linkQ = tx.db
        .selectFrom('community_session_partner as sp')
        .innerJoin('community_session as s', (j) => j.onRef('s.municipality_id', '=', 'sp.municipality_id').onRef('s.session_id', '=', 'sp.session_id'))
        .innerJoin('community_activity as a', (j) => j.onRef('a.municipality_id', '=', 's.municipality_id').onRef('a.activity_id', '=', 's.activity_id'))
        .innerJoin('community_place as p', (j) => j.onRef('p.municipality_id', '=', 'a.municipality_id').onRef('p.place_id', '=', 'a.place_id'))
        .select(['sp.session_id', 'sp.partner_id'])
        .where('sp.municipality_id', '=', mid)
        .where('s.held_on', '>=', period.from)
        .where('s.held_on', '<=', period.to);
      if (query.areaId) linkQ = linkQ.where('p.area_id', '=', query.areaId);
      for (const l of await linkQ.execute()) partners.set(l.session_id, [...(partners.get(l.session_id) ?? []), l.partner_id]);
    }
    const sessions: KpiSession[] = rows.map((r) => ({ heldOn: r.held_on, status: r.status, counts: countsOfRow(r), partnerIds: partners.get(r.session_id) ?? [] }));
    return { fiscalYear, areaId: query.areaId ?? null, ...fiscalYearKpis(fiscalYear, places, sessions) };
  });
}
