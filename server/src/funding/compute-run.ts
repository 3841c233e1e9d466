/**
 * 按分 of one 年度's costs and the claim that follows. Pure: the use case loads the records and stores
 * the result, so a run can be re-viewed and this function unit-tested on a fixed fixture.
 *
 * Rules (all yen are integers; every split is `allocate`, the largest-remainder method):
 * - Key 'consultations' / 'persons' / 'staff': each cost is split over the four silos of its own
 *   grant part by the silo counts (相談件数 / 支援実人数 / 職員配置の人数).
 * - Key 'hours': a staff cost with 従事時間 is split over the 事業 (part × silo) it declared hours for;
 *   any other cost is split over the silos of its part by the hours all staff declared for that part.
 * - Claim per part × silo: the allocated cost, capped at the 基準額 when one is set, then the rounding
 *   rule (e.g. 千円未満切捨て); the claim is split over 国/都道府県/市町村/第1号/第2号 by the rate's
 *   exact ratios, so the payer shares sum exactly to the claim. No rate configured → no payer shares.
 * - 保険料繰出金 (from the 介護保険特別会計) = the 第1号 and 第2号 shares of the 介護 silo.
 * - 新規相談1件あたり経費 = total cost ÷ new consultations, 円未満切捨て; 人口10万人あたり新規相談件数 in
 *   tenths, rounded half up.
 */
import { AppError } from '../platform/http/errors.js';
import { allocate, type RoundingRule, roundYen } from './allocate.js';
import { type AllocationKey, type CostKind, GRANT_PARTS, type GrantPart, PAYERS, type Payer, SILOS, type Silo } from './funding-codes.js';

export interface CostInput {
  costId: string;
  kind: CostKind;
  label: string;
  part: GrantPart;
  amountYen: number;
  hours: { part: GrantPart; silo: Silo; hours: number }[];
}

/** A count behind a key, with its source (an agency, a cost) so the trace can show it. */
export interface KeyCount {
  part: GrantPart | null;
  silo: Silo;
  costId: string | null;
  sourceId: string | null;
  sourceLabel: string;
  count: number;
}

export interface RateInput {
  rateId: string;
  versionNo: number;
  part: GrantPart;
  silo: Silo;
  baseAmountYen: number | null;
  ratios: Record<Payer, number>;
  rounding: RoundingRule;
  isSample: boolean;
}

export interface RunLine {
  costId: string;
  costKind: CostKind;
  costLabel: string;
  costAmountYen: number;
  part: GrantPart;
  silo: Silo;
  weight: number;
  weightTotal: number;
  amountYen: number;
}

export interface RunClaim {
  part: GrantPart;
  silo: Silo;
  allocatedYen: number;
  rate: { rateId: string; versionNo: number; baseAmountYen: number | null; rounding: RoundingRule; isSample: boolean } | null;
  claimedYen: number;
  payers: Record<Payer, number> | null;
}

export interface RunResult {
  lines: RunLine[];
  claims: RunClaim[];
  totalCostYen: number;
  payerTotals: Record<Payer, number>;
  insuranceTransferYen: number;
  costPerNewConsultationYen: number | null;
  newConsultationsPer100kTenths: number | null;
}

const cellKey = (part: GrantPart, silo: Silo) => `${part}:${silo}`;

function weightsFor(cost: CostInput, key: AllocationKey, keys: readonly KeyCount[]): { part: GrantPart; silo: Silo; weight: number }[] {
  if (key === 'hours') {
    const own = cost.hours.filter((h) => h.hours > 0);
    if (own.length > 0) return own.map((h) => ({ part: h.part, silo: h.silo, weight: h.hours }));
    return SILOS.map((silo) => ({ part: cost.part, silo, weight: sum(keys.filter((k) => k.part === cost.part && k.silo === silo).map((k) => k.count)) }));
  }
  return SILOS.map((silo) => ({ part: cost.part, silo, weight: sum(keys.filter((k) => k.silo === silo).map((k) => k.count)) }));
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

export function computeRun(input: {
  key: AllocationKey;
  costs: readonly CostInput[];
  keys: readonly KeyCount[];
  rates: readonly RateInput[];
  newConsultations: number;
  population: number;
}): RunResult {
  const lines: RunLine[] = [];
  for (const cost of input.costs) {
    const weights = weightsFor(cost, input.key, input.keys);
    const weightTotal = sum(weights.map((w) => w.weight));
    if (weightTotal === 0 && cost.amountYen > 0) {
      const message = `「${cost.label}」を按分できません。この経費に当たる按分キーの値（件数・時間など）がありません。`;
      throw new AppError('invalid', { fields: [{ path: `costs.${cost.costId}`, message }] }, message);
    }
    const shares = allocate(
      cost.amountYen,
      weights.map((w) => ({ key: cellKey(w.part, w.silo), weight: w.weight })),
      `costs.${cost.costId}`,
    );
    shares.forEach((share, i) => {
      const w = weights[i]!;
      if (share.weight === 0 && share.amount === 0) return;
      lines.push({ costId: cost.costId, costKind: cost.kind, costLabel: cost.label, costAmountYen: cost.amountYen, part: w.part, silo: w.silo, weight: w.weight, weightTotal, amountYen: share.amount });
    });
  }
  const payerTotals = Object.fromEntries(PAYERS.map((p) => [p, 0])) as Record<Payer, number>;
  const claims: RunClaim[] = [];
  for (const part of GRANT_PARTS) {
    for (const silo of SILOS) {
      const allocatedYen = sum(lines.filter((l) => l.part === part && l.silo === silo).map((l) => l.amountYen));
      const rate = input.rates.find((r) => r.part === part && r.silo === silo);
      if (!rate) {
        claims.push({ part, silo, allocatedYen, rate: null, claimedYen: allocatedYen, payers: null });
        continue;
      }
      const capped = rate.baseAmountYen === null ? allocatedYen : Math.min(allocatedYen, rate.baseAmountYen);
      const claimedYen = roundYen(capped, rate.rounding);
      const shares = allocate(
        claimedYen,
        PAYERS.map((p) => ({ key: p, weight: rate.ratios[p] })),
        'ratios',
      );
      const payers = Object.fromEntries(shares.map((s) => [s.key, s.amount])) as Record<Payer, number>;
      for (const p of PAYERS) payerTotals[p] += payers[p];
      const { rateId, versionNo, baseAmountYen, rounding, isSample } = rate;
      claims.push({ part, silo, allocatedYen, rate: { rateId, versionNo, baseAmountYen, rounding, isSample }, claimedYen, payers });
    }
  }
  const totalCostYen = sum(input.costs.map((c) => c.amountYen));
  const insuranceTransferYen = sum(claims.filter((c) => c.silo === 'kaigo' && c.payers).map((c) => c.payers!.hoken1 + c.payers!.hoken2));
  return {
    lines,
    claims,
    totalCostYen,
    payerTotals,
    insuranceTransferYen,
    ...unitFigures(totalCostYen, input.newConsultations, input.population),
  };
}

/** 新規相談1件あたり経費 (円未満切捨て) and 人口10万人あたり新規相談件数 in tenths (half up); null without a base. */
export function unitFigures(totalCostYen: number, newConsultations: number, population: number) {
  return {
    costPerNewConsultationYen: newConsultations > 0 ? Math.floor(totalCostYen / newConsultations) : null,
    newConsultationsPer100kTenths: population > 0 ? Math.round((newConsultations * 1_000_000) / population) : null,
  };
}
