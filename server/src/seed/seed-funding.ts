/**
 * Demo 交付金 data: the sample rates (サンプル値) and a few cost records of the current 年度 — staff
 * with hours by 事業, the 多機関協働 contract with the 社会福祉協議会, and an other cost — so the
 * 経費按分 screen has something to split. Amounts are illustrations, not real figures.
 */
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { fiscalYearOf } from '../community/kpi.js';
import { ensureDefaultFundingRates } from '../funding/default-funding-rates.js';
import type { DbHandle } from '../platform/db/database.js';

export interface FundingSeedInput {
  municipalityId: string;
  agencyIds: Map<string, string>;
  userIds: Map<string, string>;
  now: Date;
  makeId: () => string;
}

type Hours = { part: string; silo: string; hours: number }[];

export async function seedFunding(db: DbHandle, s: FundingSeedInput): Promise<void> {
  const mid = s.municipalityId;
  const fiscalYear = fiscalYearOf(isoDayInJapan(s.now));
  await ensureDefaultFundingRates(db, mid, fiscalYear, { now: s.now, makeId: s.makeId });
  const admin = s.userIds.get('admin') ?? null;
  const costs: { kind: string; label: string; agency: string | null; part: string; amount: number; hours: Hours }[] = [
    { kind: 'staff', label: '主任相談支援員（東部包括）', agency: 'houkatsu1', part: 'houkatsu_soudan', amount: 5_400_000, hours: [{ part: 'houkatsu_soudan', silo: 'kaigo', hours: 1400 }, { part: 'houkatsu_soudan', silo: 'konkyu', hours: 200 }, { part: 'aratana_kinou', silo: 'kaigo', hours: 120 }, { part: 'chiiki_dukuri', silo: 'kaigo', hours: 60 }] },
    { kind: 'staff', label: '相談支援専門員（基幹）', agency: 'kikan', part: 'houkatsu_soudan', amount: 4_800_000, hours: [{ part: 'houkatsu_soudan', silo: 'shougai', hours: 1500 }, { part: 'houkatsu_soudan', silo: 'kodomo', hours: 100 }, { part: 'aratana_kinou', silo: 'shougai', hours: 80 }, { part: 'chiiki_dukuri', silo: 'kodomo', hours: 40 }] },
    { kind: 'staff', label: '自立相談支援員', agency: 'jiritsu', part: 'houkatsu_soudan', amount: 4_200_000, hours: [{ part: 'houkatsu_soudan', silo: 'konkyu', hours: 1300 }, { part: 'houkatsu_soudan', silo: 'kaigo', hours: 300 }] },
    { kind: 'contract', label: '多機関協働事業 委託料（社会福祉協議会）', agency: 'shakyo', part: 'aratana_kinou', amount: 9_000_000, hours: [] },
    { kind: 'other', label: '居場所づくり 会場費・消耗品', agency: null, part: 'chiiki_dukuri', amount: 1_250_000, hours: [] },
  ];
  for (const c of costs) {
    const costId = s.makeId();
    await db
      .insertInto('funding_cost')
      .values({
        municipality_id: mid,
        cost_id: costId,
        fiscal_year: fiscalYear,
        kind: c.kind,
        label: c.label,
        agency_id: c.agency ? (s.agencyIds.get(c.agency) ?? null) : null,
        part: c.part,
        amount_yen: c.amount,
        created_by_user_id: admin,
        created_at: s.now,
        updated_at: s.now,
      })
      .execute();
    if (c.hours.length > 0) {
      await db
        .insertInto('funding_cost_hours')
        .values(c.hours.map((h) => ({ municipality_id: mid, cost_id: costId, part: h.part, silo: h.silo, hours: h.hours, created_at: s.now, updated_at: s.now })))
        .execute();
    }
  }
}
