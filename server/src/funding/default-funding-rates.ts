/**
 * Shipped sample configuration of the 交付金 for a 年度: the cost-sharing ratios of DOMAIN.md §6 and
 * SAMPLE base amounts (is_sample, サンプル値 on screen) — a municipality replaces them with the figures
 * of its own 交付要綱. Ratios are exact fractions (numerators over one denominator per row):
 * 介護 包括的相談支援分 = 包括的支援事業 国38.5%・県19.25%・市19.25%・第1号23% (154/77/77/92 of 400);
 * 介護 地域づくり分 = 総合事業 25%・12.5%・12.5%・第1号23%・第2号27% (50/25/25/46/54 of 200);
 * 障害 = 地域生活支援事業 国1/2・県1/4・市1/4; 困窮 = 自立相談支援 国3/4・市1/4.
 * 子ども (国・県・市 1/3 each) and every 新たな機能分 ratio other than 障害 are samples too.
 */
import type { DbHandle } from '../platform/db/database.js';
import type { RoundingRule } from './allocate.js';
import type { GrantPart, Silo } from './funding-codes.js';

type Ratio = [kuni: number, todofuken: number, shichoson: number, hoken1: number, hoken2: number];

const RATIOS: Record<Silo, Record<GrantPart, Ratio>> = {
  kaigo: { houkatsu_soudan: [154, 77, 77, 92, 0], chiiki_dukuri: [50, 25, 25, 46, 54], aratana_kinou: [3, 0, 1, 0, 0] },
  shougai: { houkatsu_soudan: [2, 1, 1, 0, 0], chiiki_dukuri: [2, 1, 1, 0, 0], aratana_kinou: [2, 1, 1, 0, 0] },
  kodomo: { houkatsu_soudan: [1, 1, 1, 0, 0], chiiki_dukuri: [1, 1, 1, 0, 0], aratana_kinou: [1, 1, 1, 0, 0] },
  konkyu: { houkatsu_soudan: [3, 0, 1, 0, 0], chiiki_dukuri: [3, 0, 1, 0, 0], aratana_kinou: [3, 0, 1, 0, 0] },
};

/** サンプル基準額 (yen) for one population bracket (all populations). Not official figures. */
const SAMPLE_BASE: Record<Silo, Record<GrantPart, number>> = {
  kaigo: { houkatsu_soudan: 30_000_000, chiiki_dukuri: 6_000_000, aratana_kinou: 5_000_000 },
  shougai: { houkatsu_soudan: 10_000_000, chiiki_dukuri: 2_000_000, aratana_kinou: 5_000_000 },
  kodomo: { houkatsu_soudan: 8_000_000, chiiki_dukuri: 2_000_000, aratana_kinou: 5_000_000 },
  konkyu: { houkatsu_soudan: 12_000_000, chiiki_dukuri: 1_500_000, aratana_kinou: 5_000_000 },
};

const ROUNDING: RoundingRule = 'floor_1000';
const NOTE = 'サンプル値（負担割合は DOMAIN.md §6、基準額は例示）。交付要綱の値に置き換えてください。';

/** Inserts the sample rates of `fiscalYear` when the municipality has no rate for that year yet. */
export async function ensureDefaultFundingRates(db: DbHandle, municipalityId: string, fiscalYear: number, opts: { now: Date; makeId: () => string }): Promise<void> {
  const existing = await db.selectFrom('funding_rate').select('rate_id').where('municipality_id', '=', municipalityId).where('fiscal_year', '=', fiscalYear).limit(1).executeTakeFirst();
  if (existing) return;
  const rows = (Object.keys(RATIOS) as Silo[]).flatMap((silo) =>
    (Object.keys(RATIOS[silo]) as GrantPart[]).map((part) => {
      const [kuni, todofuken, shichoson, hoken1, hoken2] = RATIOS[silo][part];
      return {
        municipality_id: municipalityId,
        rate_id: opts.makeId(),
        fiscal_year: fiscalYear,
        part,
        silo,
        population_from: 0,
        population_to: null,
        version_no: 1,
        base_amount_yen: SAMPLE_BASE[silo][part],
        ratio_denominator: kuni + todofuken + shichoson + hoken1 + hoken2,
        ratio_kuni: kuni,
        ratio_todofuken: todofuken,
        ratio_shichoson: shichoson,
        ratio_hoken1: hoken1,
        ratio_hoken2: hoken2,
        rounding: ROUNDING,
        is_sample: true,
        note: NOTE,
        created_by_user_id: null,
        created_at: opts.now,
        updated_at: opts.now,
      };
    }),
  );
  await db.insertInto('funding_rate').values(rows).execute();
}
