/** Zod schemas of the funding routes (request bodies and the views that leave). */
import { z } from 'zod';
import { ROUNDING_RULES } from './allocate.js';
import { ALLOCATION_KEYS, COST_KINDS, GRANT_PARTS, SILOS } from './funding-codes.js';

/** Text without NUL (PostgreSQL text cannot hold it). */
const Text = (max: number) => z.string().max(max).refine((s) => !s.includes('\u0000'), '使用できない文字が含まれています。');
const Int4 = z.number().int().max(2_147_483_647);
const Yen = z.number().int().min(0).max(1_000_000_000_000);
const Count = z.number().int().min(0).max(1_000_000_000);
export const FiscalYear = z.coerce.number().int().min(2000).max(2100);
const Part = z.enum(GRANT_PARTS);
const Silo = z.enum(SILOS);

export const Ratios = z.object({
  denominator: z.number().int().min(1).max(1_000_000),
  kuni: Count,
  todofuken: Count,
  shichoson: Count,
  hoken1: Count,
  hoken2: Count,
});

export const RateBody = z.object({
  fiscalYear: FiscalYear,
  part: Part,
  silo: Silo,
  populationFrom: z.number().int().min(0).max(1_000_000_000).default(0),
  populationTo: z.number().int().min(1).max(1_000_000_000).nullable().default(null),
  baseAmountYen: Yen.nullable(),
  ratios: Ratios,
  rounding: z.enum(ROUNDING_RULES),
  isSample: z.boolean().default(false),
  note: Text(1000).default(''),
  /** The version this change is based on (0 for a new rate). */
  expectedVersionNo: z.number().int().min(0).max(1_000_000),
});

export const RateView = z.object({
  rateId: z.string(),
  fiscalYear: z.number(),
  part: Part,
  silo: Silo,
  populationFrom: z.number(),
  populationTo: z.number().nullable(),
  versionNo: z.number(),
  baseAmountYen: z.number().nullable(),
  ratios: Ratios,
  rounding: z.enum(ROUNDING_RULES),
  isSample: z.boolean(),
  note: z.string(),
  createdAt: z.string(),
});
export const RatesView = z.object({ fiscalYear: z.number(), population: z.number(), current: z.array(RateView), history: z.array(RateView) });

const Hours = z.object({ part: Part, silo: Silo, hours: z.number().int().min(0).max(100_000) });
export const CostBody = z.object({
  fiscalYear: FiscalYear,
  kind: z.enum(COST_KINDS),
  label: Text(200).pipe(z.string().trim().min(1).max(200)),
  agencyId: z.uuid().nullable().default(null),
  part: Part,
  amountYen: Yen,
  note: Text(1000).default(''),
  hours: z.array(Hours).max(12).default([]),
});
export const CostUpdateBody = CostBody.extend({ version: Int4.min(1) });
export const VersionQuery = z.object({ version: z.coerce.number().pipe(Int4.min(1)) });
export const CostView = z.object({
  costId: z.string(),
  fiscalYear: z.number(),
  kind: z.enum(COST_KINDS),
  label: z.string(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  part: Part,
  amountYen: z.number(),
  note: z.string(),
  version: z.number(),
  hours: z.array(Hours),
});
export const CostsView = z.object({
  fiscalYear: z.number(),
  totalYen: z.number(),
  costs: z.array(CostView),
  agencies: z.array(z.object({ agencyId: z.string(), name: z.string(), silo: Silo.nullable() })),
});

export const RunBody = z.object({ fiscalYear: FiscalYear, key: z.enum(ALLOCATION_KEYS) });
const PayerYen = z.object({ kuni: z.number(), todofuken: z.number(), shichoson: z.number(), hoken1: z.number(), hoken2: z.number() });
export const RunView = z.object({
  runId: z.string(),
  fiscalYear: z.number(),
  key: z.enum(ALLOCATION_KEYS),
  createdAt: z.string(),
  population: z.number(),
  newConsultations: z.number(),
  totalCostYen: z.number(),
  allocatedYen: z.number(),
  claimedYen: z.number(),
  payerTotals: PayerYen,
  insuranceTransferYen: z.number(),
  costPerNewConsultationYen: z.number().nullable(),
  newConsultationsPer100k: z.number().nullable(),
  claims: z.array(
    z.object({
      part: Part,
      silo: Silo,
      allocatedYen: z.number(),
      rateId: z.string().nullable(),
      rateVersionNo: z.number().nullable(),
      baseAmountYen: z.number().nullable(),
      rounding: z.enum(ROUNDING_RULES).nullable(),
      isSample: z.boolean(),
      claimedYen: z.number(),
      payers: PayerYen.nullable(),
    }),
  ),
  lines: z.array(
    z.object({
      lineNo: z.number(),
      costId: z.string(),
      costKind: z.enum(COST_KINDS),
      costLabel: z.string(),
      costAmountYen: z.number(),
      part: Part,
      silo: Silo,
      weight: z.number(),
      weightTotal: z.number(),
      amountYen: z.number(),
    }),
  ),
  keys: z.array(z.object({ part: Part.nullable(), silo: Silo, costId: z.string().nullable(), sourceId: z.string().nullable(), sourceLabel: z.string(), count: z.number() })),
});
export const RunList = z.object({
  runs: z.array(z.object({ runId: z.string(), fiscalYear: z.number(), key: z.enum(ALLOCATION_KEYS), createdAt: z.string(), totalCostYen: z.number() })),
});
