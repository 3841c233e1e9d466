/** Kysely table types of 交付金 and 経費按分 (issue 6). Keep in step with 202611270400-create-funding.sql. */
import type { ColumnType, Generated } from 'kysely';
import type { Opt, Timestamp, Version } from './schema.js';

/** bigint yen: node-postgres returns int8 as a string, PGlite as a number; read through Number(). */
type Yen = ColumnType<string | number | bigint, number, number>;
type OptYen = ColumnType<string | number | bigint | null, number | null | undefined, number | null>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface FundingRateTable {
  municipality_id: string;
  rate_id: string;
  fiscal_year: number;
  part: string;
  silo: string;
  population_from: Defaulted<number>;
  population_to: Opt<number>;
  version_no: number;
  base_amount_yen: OptYen;
  ratio_denominator: number;
  ratio_kuni: number;
  ratio_todofuken: number;
  ratio_shichoson: number;
  ratio_hoken1: number;
  ratio_hoken2: number;
  rounding: string;
  is_sample: Defaulted<boolean>;
  note: Defaulted<string>;
  created_by_user_id: Opt<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface FundingCostTable {
  municipality_id: string;
  cost_id: string;
  fiscal_year: number;
  kind: string;
  label: string;
  agency_id: Opt<string>;
  part: string;
  amount_yen: Yen;
  note: Defaulted<string>;
  created_by_user_id: Opt<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Version;
}

export interface FundingCostHoursTable {
  municipality_id: string;
  cost_id: string;
  part: string;
  silo: string;
  hours: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FundingRunTable {
  municipality_id: string;
  run_id: string;
  fiscal_year: number;
  allocation_key: string;
  population: number;
  new_consultations: number;
  total_cost_yen: Yen;
  created_by_user_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FundingRunKeyTable {
  municipality_id: string;
  run_id: string;
  key_no: number;
  part: string | null;
  silo: string;
  cost_id: string | null;
  source_id: string | null;
  source_label: string;
  key_count: Yen;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FundingRunLineTable {
  municipality_id: string;
  run_id: string;
  line_no: number;
  cost_id: string;
  cost_kind: string;
  cost_label: string;
  cost_amount_yen: Yen;
  part: string;
  silo: string;
  weight: Yen;
  weight_total: Yen;
  amount_yen: Yen;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface FundingRunClaimTable {
  municipality_id: string;
  run_id: string;
  part: string;
  silo: string;
  allocated_yen: Yen;
  rate_id: string | null;
  rate_version_no: number | null;
  base_amount_yen: OptYen;
  rounding: string | null;
  is_sample: Generated<boolean>;
  claimed_yen: Yen;
  kuni_yen: OptYen;
  todofuken_yen: OptYen;
  shichoson_yen: OptYen;
  hoken1_yen: OptYen;
  hoken2_yen: OptYen;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Funding tables (issue 6); schema.ts's Database extends this. */
export interface FundingTables {
  funding_rate: FundingRateTable;
  funding_cost: FundingCostTable;
  funding_cost_hours: FundingCostHoursTable;
  funding_run: FundingRunTable;
  funding_run_key: FundingRunKeyTable;
  funding_run_line: FundingRunLineTable;
  funding_run_claim: FundingRunClaimTable;
}
