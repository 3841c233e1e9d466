/**
 * Co-occurrence of concern categories (包括的相談支援): households whose members' consultations received
 * in the period (receiving agency in scope) carry both categories; the diagonal is one category alone.
 * A member counts for a household unless they had left it before the consultation (memberships are often
 * recorded after the first consultation, so the joining day is not required).
 *
 * The consultations come with their households from consultation_household (kept by triggers, migration
 * 202611281000; `member_then` is the rule above), read by day from an index alone: joining a 年度's
 * consultations with every membership here took most of a second at a million persons.
 * SQL folds each household's categories into one bit mask and counts households per mask (a few hundred
 * masks for a city's 年度); the pairs are expanded here. A join of the household-category rows with
 * themselves would build every pair of every household first. The mask of a consultation is a lateral
 * subquery of its category array alone, so PostgreSQL computes it once per distinct array (Memoize).
 *
 * A whole 年度 without an agency or 圏域 filter (the dashboard's first view) is read from
 * household_year_concerns instead (migration 202611291010: per household and 年度, the mask of its
 * members' consultations then, kept by the same triggers; SQL's concern_mask numbers the categories as
 * CONCERN_CATEGORY_CODES does). Grouping the 年度's 240,000 rows by household took 0.15–0.25 s. The
 * households per mask are counted by the same triggers (year_concern_mask_count, migration 202611301030):
 * counting a 年度's 120,000–190,000 households by mask took another 30–40 ms.
 */
import { type Kysely, sql } from 'kysely';
import { fiscalYearOf, fiscalYearPeriod } from '../community/kpi.js';
import { CONCERN_CATEGORY_CODES } from '../consultation/concern-categories.js';
import type { Database } from '../platform/db/schema.js';
import { agencyIn, type Scope } from './analytics-scope.js';
import { dateWithin } from './period-sql.js';
import type { Period } from './statutory-indicators.js';

export interface CooccurrenceCell {
  a: string;
  b: string;
  households: number;
}

export async function concernCooccurrence(db: Kysely<Database>, scope: Scope, p: Period, o: { byConsultation?: boolean } = {}): Promise<CooccurrenceCell[]> {
  const fiscalYear = fiscalYearOf(p.from);
  const wholeYear = p.from === fiscalYearPeriod(fiscalYear).from && p.to === fiscalYearPeriod(fiscalYear).to;
  if (wholeYear && scope.agencyIds === null && !o.byConsultation) return cellsOfMasks(await householdMasksOfYear(db, scope.municipalityId, fiscalYear));
  const mid = scope.municipalityId;
  const codes = sql`${sql.val([...CONCERN_CATEGORY_CODES])}::text[]`;
  const { rows } = await sql<{ mask: number; households: string }>`
    with households as (
      select bit_or(mk.mask) as mask
        from consultation_household ch
        cross join lateral (select bit_or(1 << (array_position(${codes}, c) - 1)) as mask from unnest(ch.categories) as c where c = any(${codes})) as mk
       where ch.municipality_id = ${mid} and ch.member_then and ${agencyIn(scope, sql.ref('ch.receiving_agency_id'))}
         and ${dateWithin('ch.received_on', p.from, p.to)} and mk.mask is not null
       group by ch.household_id
    )
    select mask, count(*) as households from households group by mask`.execute(db);
  return cellsOfMasks(rows.map((r) => ({ mask: Number(r.mask), households: Number(r.households) })));
}

async function householdMasksOfYear(db: Kysely<Database>, mid: string, fiscalYear: number) {
  const { rows } = await sql<{ mask: number; households: string }>`
    select mask, sum(households) as households from year_concern_mask_count
     where municipality_id = ${mid} and fiscal_year = ${fiscalYear} and mask <> 0
     group by mask having sum(households) > 0`.execute(db);
  return rows.map((r) => ({ mask: Number(r.mask), households: Number(r.households) }));
}

/** Code order as SQL's `order by code` gave it (plain code-unit order; the codes are ASCII). */
const byCode = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

/** Households per category pair (a ≤ b by code, only pairs some household has), from households per mask. */
export function cellsOfMasks(masks: ReadonlyArray<{ mask: number; households: number }>): CooccurrenceCell[] {
  const order = CONCERN_CATEGORY_CODES.map((code, bit) => ({ code, bit })).sort((x, y) => byCode(x.code, y.code));
  const counts = new Map<string, CooccurrenceCell>();
  for (const { mask, households } of masks) {
    const present = order.filter((c) => (mask >> c.bit) & 1);
    for (let i = 0; i < present.length; i++) {
      for (let j = i; j < present.length; j++) {
        const a = present[i]!.code;
        const b = present[j]!.code;
        const key = `${a}|${b}`;
        const cell = counts.get(key) ?? { a, b, households: 0 };
        cell.households += households;
        counts.set(key, cell);
      }
    }
  }
  return [...counts.values()].sort((x, y) => byCode(x.a, y.a) || byCode(x.b, y.b));
}
