/**
 * Demo 計画と目標: the 重層的支援体制整備事業実施計画 for 令和7–9年度 (2025–2027) with yearly targets for the six
 * statutory indicators and an evaluation note for 令和7年度.
 */
import { STATUTORY_INDICATORS, type StatutoryIndicatorCode } from '../analytics/statutory-indicators.js';
import type { DbHandle } from '../platform/db/database.js';

const TARGETS: Record<StatutoryIndicatorCode, [number, number, number]> = {
  consultations: [600, 650, 700],
  participation_persons: [30, 35, 40],
  participation_hosts: [10, 12, 15],
  community_places: [12, 14, 16],
  community_participants: [3000, 3300, 3600],
  community_organizations: [20, 22, 25],
};

const EVALUATION_2025: Partial<Record<StatutoryIndicatorCode, string>> = {
  consultations: '相談窓口の周知が進み、目標に近い件数となった。子ども・若者の相談が少ないため、学校との連携を強める。',
  community_places: '東部圏域に新しい居場所が開設された。南部圏域は担い手が不足しており、次年度に協議体で検討する。',
};

export async function seedTargets(db: DbHandle, opts: { municipalityId: string; adminUserId: string; now: Date; makeId: () => string }): Promise<void> {
  const { municipalityId: mid, now } = opts;
  const planId = opts.makeId();
  await db
    .insertInto('welfare_plan')
    .values({ municipality_id: mid, plan_id: planId, kind: 'implementation', name: 'デモ市 重層的支援体制整備事業実施計画（令和7〜9年度）', from_fiscal_year: 2025, to_fiscal_year: 2027, created_at: now, updated_at: now })
    .execute();
  const indicators = STATUTORY_INDICATORS.map((i, n) => ({ ...i, id: opts.makeId(), position: n + 1 }));
  await db
    .insertInto('plan_indicator')
    .values(indicators.map((i) => ({ municipality_id: mid, indicator_id: i.id, plan_id: planId, position: i.position, statutory_code: i.code, label: i.label, unit: i.unit, created_at: now, updated_at: now })))
    .execute();
  await db
    .insertInto('plan_indicator_year')
    .values(
      indicators.flatMap((i) =>
        TARGETS[i.code].map((target, y) => ({
          municipality_id: mid,
          indicator_id: i.id,
          fiscal_year: 2025 + y,
          target,
          manual_actual: null,
          evaluation: y === 0 ? (EVALUATION_2025[i.code] ?? null) : null,
          updated_by_user_id: opts.adminUserId,
          created_at: now,
          updated_at: now,
        })),
      ),
    )
    .execute();
}
