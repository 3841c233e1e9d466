import { describe, expect, it } from 'vitest';
import { type CostInput, computeRun, type KeyCount, type RateInput } from './compute-run.js';

const staff: CostInput = {
  costId: 'a',
  kind: 'staff',
  label: '相談支援員',
  part: 'houkatsu_soudan',
  amountYen: 6_000_000,
  hours: [
    { part: 'houkatsu_soudan', silo: 'kaigo', hours: 600 },
    { part: 'houkatsu_soudan', silo: 'konkyu', hours: 400 },
  ],
};
const contract: CostInput = { costId: 'b', kind: 'contract', label: '多機関協働委託', part: 'aratana_kinou', amountYen: 1_000_001, hours: [] };
const consultations: KeyCount[] = [
  { part: null, silo: 'kaigo', costId: null, sourceId: 'h', sourceLabel: '包括', count: 50 },
  { part: null, silo: 'shougai', costId: null, sourceId: 's', sourceLabel: '相談支援', count: 30 },
  { part: null, silo: 'kodomo', costId: null, sourceId: 'k', sourceLabel: 'こども', count: 20 },
];
const ratios = (kuni: number, todofuken: number, shichoson: number, hoken1: number, hoken2: number) => ({ kuni, todofuken, shichoson, hoken1, hoken2 });
const rates: RateInput[] = [
  { rateId: 'r1', versionNo: 1, part: 'houkatsu_soudan', silo: 'kaigo', baseAmountYen: null, ratios: ratios(154, 77, 77, 92, 0), rounding: 'floor_1000', isSample: true },
  { rateId: 'r2', versionNo: 2, part: 'houkatsu_soudan', silo: 'shougai', baseAmountYen: 1_500_000, ratios: ratios(2, 1, 1, 0, 0), rounding: 'floor_1000', isSample: false },
  { rateId: 'r3', versionNo: 1, part: 'aratana_kinou', silo: 'kaigo', baseAmountYen: null, ratios: ratios(50, 25, 25, 46, 54), rounding: 'floor_1000', isSample: true },
];

describe('computeRun', () => {
  const result = computeRun({ key: 'consultations', costs: [staff, contract], keys: consultations, rates, newConsultations: 100, population: 80_000 });
  const claim = (part: string, silo: string) => result.claims.find((c) => c.part === part && c.silo === silo)!;

  it('splits each cost over the silos of its part by the consultation counts, exactly', () => {
    expect(result.lines.map((l) => [l.costId, l.part, l.silo, l.amountYen])).toEqual([
      ['a', 'houkatsu_soudan', 'kaigo', 3_000_000],
      ['a', 'houkatsu_soudan', 'shougai', 1_800_000],
      ['a', 'houkatsu_soudan', 'kodomo', 1_200_000],
      ['b', 'aratana_kinou', 'kaigo', 500_001],
      ['b', 'aratana_kinou', 'shougai', 300_000],
      ['b', 'aratana_kinou', 'kodomo', 200_000],
    ]);
    expect(result.lines.reduce((s, l) => s + l.amountYen, 0)).toBe(result.totalCostYen);
    expect(result.totalCostYen).toBe(7_000_001);
  });

  it('caps at the base amount, rounds, and splits the claim over the payers exactly', () => {
    expect(claim('houkatsu_soudan', 'kaigo')).toMatchObject({ allocatedYen: 3_000_000, claimedYen: 3_000_000, payers: { kuni: 1_155_000, todofuken: 577_500, shichoson: 577_500, hoken1: 690_000, hoken2: 0 } });
    expect(claim('houkatsu_soudan', 'shougai')).toMatchObject({ allocatedYen: 1_800_000, claimedYen: 1_500_000, payers: { kuni: 750_000, todofuken: 375_000, shichoson: 375_000 } });
    expect(claim('aratana_kinou', 'kaigo')).toMatchObject({ allocatedYen: 500_001, claimedYen: 500_000, payers: { kuni: 125_000, todofuken: 62_500, shichoson: 62_500, hoken1: 115_000, hoken2: 135_000 } });
    expect(claim('houkatsu_soudan', 'kodomo')).toMatchObject({ allocatedYen: 1_200_000, claimedYen: 1_200_000, rate: null, payers: null });
    expect(result.claims).toHaveLength(12);
  });

  it('totals the payers, the 保険料繰出金 and the unit costs', () => {
    expect(result.payerTotals).toEqual({ kuni: 2_030_000, todofuken: 1_015_000, shichoson: 1_015_000, hoken1: 805_000, hoken2: 135_000 });
    expect(result.insuranceTransferYen).toBe(940_000);
    expect(result.costPerNewConsultationYen).toBe(70_000);
    expect(result.newConsultationsPer100kTenths).toBe(1250);
  });

  it('splits a staff cost by its own hours, and refuses a cost whose part has no hours', () => {
    const hours: KeyCount[] = [
      { part: 'houkatsu_soudan', silo: 'kaigo', costId: 'a', sourceId: 'a', sourceLabel: '相談支援員', count: 600 },
      { part: 'houkatsu_soudan', silo: 'konkyu', costId: 'a', sourceId: 'a', sourceLabel: '相談支援員', count: 400 },
    ];
    const byHours = computeRun({ key: 'hours', costs: [staff], keys: hours, rates, newConsultations: 0, population: 0 });
    expect(byHours.lines.map((l) => [l.silo, l.amountYen])).toEqual([
      ['kaigo', 3_600_000],
      ['konkyu', 2_400_000],
    ]);
    expect(byHours.costPerNewConsultationYen).toBeNull();
    expect(byHours.newConsultationsPer100kTenths).toBeNull();
    expect(() => computeRun({ key: 'hours', costs: [staff, contract], keys: hours, rates, newConsultations: 0, population: 0 })).toThrowError(expect.objectContaining({ code: 'invalid' }));
  });
});
