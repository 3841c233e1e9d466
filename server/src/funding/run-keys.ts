/**
 * The counts behind an 按分 key, read from the records of a 年度 (April–March), each with its source
 * so the trace can show where a weight came from. The silo of a count is the silo of the agency's
 * kind (funding-codes.ts siloOfAgencyKind); records of agencies of no silo are not counted.
 * - consultations (相談件数): consultations received in the 年度, per receiving agency.
 * - persons (支援実人数): distinct persons consulted per silo; a person counts once per silo, for the
 *   agency of their first consultation in that silo (by date, then id); an anonymous consultation
 *   counts as one person.
 * - staff (職員配置): one per staff cost of the 年度 placed at an agency of the silo.
 * - hours (従事時間): the hours each staff cost declared per 事業 (part × silo).
 */
import { fiscalYearPeriod } from '../community/kpi.js';
import type { DbHandle } from '../platform/db/database.js';
import type { KeyCount } from './compute-run.js';
import type { AllocationKey } from './funding-codes.js';
import { siloOfAgencyKind } from './funding-codes.js';
import type { CostRow } from './funding.repo.js';

async function consultationsOfYear(db: DbHandle, mid: string, fiscalYear: number) {
  const { from, to } = fiscalYearPeriod(fiscalYear);
  return db
    .selectFrom('consultation as c')
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'c.municipality_id').onRef('a.agency_id', '=', 'c.receiving_agency_id'))
    .select(['c.consultation_id', 'c.person_id', 'c.received_on', 'a.agency_id', 'a.name', 'a.kind'])
    .where('c.municipality_id', '=', mid)
    .where('c.received_on', '>=', from)
    .where('c.received_on', '<=', to)
    .orderBy('c.received_on')
    .orderBy('c.consultation_id')
    .execute();
}

/** 新規相談: every consultation received in the 年度 (all agencies). */
export async function countNewConsultations(db: DbHandle, mid: string, fiscalYear: number): Promise<number> {
  const { from, to } = fiscalYearPeriod(fiscalYear);
  const row = await db
    .selectFrom('consultation')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('municipality_id', '=', mid)
    .where('received_on', '>=', from)
    .where('received_on', '<=', to)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function tally(entries: { silo: KeyCount['silo']; sourceId: string; sourceLabel: string }[]): KeyCount[] {
  const counts = new Map<string, KeyCount>();
  for (const e of entries) {
    const k = `${e.silo}:${e.sourceId}`;
    const seen = counts.get(k);
    if (seen) seen.count += 1;
    else counts.set(k, { part: null, silo: e.silo, costId: null, sourceId: e.sourceId, sourceLabel: e.sourceLabel, count: 1 });
  }
  return [...counts.values()];
}

export async function loadKeyCounts(db: DbHandle, mid: string, fiscalYear: number, key: AllocationKey, costs: readonly CostRow[]): Promise<KeyCount[]> {
  if (key === 'hours') {
    return costs.flatMap((c) => c.hours.filter((h) => h.hours > 0).map((h) => ({ part: h.part, silo: h.silo, costId: c.costId, sourceId: c.costId, sourceLabel: c.label, count: h.hours })));
  }
  if (key === 'staff') {
    return costs.flatMap((c) => {
      const silo = c.kind === 'staff' && c.agencyKind ? siloOfAgencyKind(c.agencyKind) : null;
      return silo ? [{ part: null, silo, costId: null, sourceId: c.costId, sourceLabel: c.agencyName ? `${c.label}（${c.agencyName}）` : c.label, count: 1 }] : [];
    });
  }
  const rows = await consultationsOfYear(db, mid, fiscalYear);
  const counted = rows.flatMap((r) => {
    const silo = siloOfAgencyKind(r.kind);
    return silo ? [{ ...r, silo }] : [];
  });
  if (key === 'consultations') return tally(counted.map((r) => ({ silo: r.silo, sourceId: r.agency_id, sourceLabel: r.name })));
  const seen = new Set<string>();
  const firsts = counted.filter((r) => {
    if (r.person_id === null) return true;
    const k = `${r.silo}:${r.person_id}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return tally(firsts.map((r) => ({ silo: r.silo, sourceId: r.agency_id, sourceLabel: r.name })));
}
