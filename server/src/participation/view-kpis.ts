import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { countKpis, type KpiRecords, suppressSmall } from './kpis.js';
import { fiscalYearOf, fiscalYearPeriods } from './participation-rules.js';

/** Counts from 1 to this minus one are hidden where they are read from outside the municipality. */
export const SMALL_COUNT_BELOW = 10;

async function loadKpiRecords(tx: Ctx, from: string, to: string): Promise<KpiRecords> {
  const mid = tx.actor.municipalityId;
  const needs = await tx.db
    .selectFrom('participation_need')
    .select(['person_id', 'opened_on', 'closed_on'])
    .where('municipality_id', '=', mid)
    .where('opened_on', '<=', to)
    .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', from)]))
    .execute();
  const placements = await tx.db
    .selectFrom('participation_placement as pl')
    .innerJoin('participation_need as n', (j) => j.onRef('n.municipality_id', '=', 'pl.municipality_id').onRef('n.need_id', '=', 'pl.need_id'))
    .select(['n.person_id', 'pl.start_on', 'pl.ended_on', 'pl.status'])
    .where('pl.municipality_id', '=', mid)
    .where('pl.start_on', '<=', to)
    .where((eb) => eb.or([eb('pl.ended_on', 'is', null), eb('pl.ended_on', '>=', from)]))
    .execute();
  const hosts = await tx.db.selectFrom('participation_host').select('registered_on').where('municipality_id', '=', mid).where('stage', '=', 'registered').where('registered_on', '<=', to).execute();
  const followups = await tx.db
    .selectFrom('participation_followup as f')
    .innerJoin('participation_placement as pl', (j) => j.onRef('pl.municipality_id', '=', 'f.municipality_id').onRef('pl.placement_id', '=', 'f.placement_id'))
    .select(['f.due_on', 'f.done_on', 'pl.status'])
    .where('f.municipality_id', '=', mid)
    .where((eb) => eb.or([eb.and([eb('f.due_on', '>=', from), eb('f.due_on', '<=', to)]), eb.and([eb('f.done_on', '>=', from), eb('f.done_on', '<=', to)])]))
    .execute();
  return {
    needs: needs.map((n) => ({ personId: n.person_id, openedOn: n.opened_on, closedOn: n.closed_on })),
    placements: placements.map((p) => ({ personId: p.person_id, startOn: p.start_on, endedOn: p.ended_on, status: p.status })),
    hosts: hosts.map((h) => ({ registeredOn: h.registered_on })),
    followups: followups.map((f) => ({ dueOn: f.due_on, doneOn: f.done_on, placementStatus: f.status })),
  };
}

/**
 * 参加支援の指標 for a 年度 (April–March) and each of its months, counted from the records (no
 * personal data leaves: counts only). Aggregate policy: 市町村管理者, 多機関協働事業者, 都道府県; for
 * the prefecture small counts are hidden. The pipeline shows how many hosts are at each stage now.
 */
export async function viewKpis(ctx: Ctx, fiscalYear?: number | undefined) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'read', { kind: 'aggregate', municipalityId: mid }, { auditAction: 'participation.kpis' });
    const today = isoDayInJapan(tx.now);
    const fy = fiscalYear ?? fiscalYearOf(today);
    const { year, months } = fiscalYearPeriods(fy);
    const records = await loadKpiRecords(tx, year.from, year.to);
    const forPrefecture = tx.actor.roles.includes('prefecture_analyst') && !tx.actor.roles.some((r) => r === 'municipal_admin' || r === 'coordinator');
    const present = (c: ReturnType<typeof countKpis>) => (forPrefecture ? suppressSmall(c, SMALL_COUNT_BELOW) : c);
    const stages = await tx.db
      .selectFrom('participation_host')
      .select(['stage', (eb) => eb.fn.countAll<string>().as('n')])
      .where('municipality_id', '=', mid)
      .groupBy('stage')
      .execute();
    const pipeline = { candidate: 0, approached: 0, registered: 0, declined: 0 };
    for (const s of stages) pipeline[s.stage] = Number(s.n);
    await audit(tx, { action: 'participation.kpis', targetType: 'aggregate', basis, details: { fiscalYear: fy, suppressed: forPrefecture } });
    return {
      fiscalYear: fy,
      from: year.from,
      to: year.to,
      suppressedBelow: forPrefecture ? SMALL_COUNT_BELOW : null,
      year: present(countKpis(records, year, today)),
      months: months.map((m) => ({ month: m.label, ...present(countKpis(records, m, today)) })),
      pipeline: forPrefecture ? suppressPipeline(pipeline) : pipeline,
    };
  });
}

function suppressPipeline(p: Record<'candidate' | 'approached' | 'registered' | 'declined', number>) {
  const hide = (n: number) => (n > 0 && n < SMALL_COUNT_BELOW ? null : n);
  return { candidate: hide(p.candidate), approached: hide(p.approached), registered: hide(p.registered), declined: hide(p.declined) };
}
