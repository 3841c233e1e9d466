-- 交付金 and 経費按分 (issue 6, DOMAIN.md §6). Municipal configuration (policy kind 'municipal_config'):
-- the versioned rates of the 重層的支援体制整備事業交付金 (funding_rate), the cost records of a 年度
-- (funding_cost, staff hours by 事業 in funding_cost_hours) and 按分 runs kept with their trace
-- (funding_run, its key counts, its lines and its claims), so a run can be viewed again as it was.
-- Every amount is integer yen (bigint); ratios are exact fractions numerator/denominator, never floats.

-- One row per version: a change inserts version_no + 1 and keeps the old rows (the latest is in force).
CREATE TABLE funding_rate (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  rate_id uuid NOT NULL,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
  part text NOT NULL CHECK (part IN ('houkatsu_soudan', 'chiiki_dukuri', 'aratana_kinou')),
  silo text NOT NULL CHECK (silo IN ('kaigo', 'shougai', 'kodomo', 'konkyu')),
  population_from integer NOT NULL DEFAULT 0 CHECK (population_from >= 0),   -- 人口区分 (inclusive)
  population_to integer CHECK (population_to IS NULL OR population_to > population_from),  -- exclusive; null: no upper bound
  version_no integer NOT NULL CHECK (version_no >= 1),
  base_amount_yen bigint CHECK (base_amount_yen IS NULL OR base_amount_yen >= 0),          -- 基準額; null: no cap
  ratio_denominator integer NOT NULL CHECK (ratio_denominator > 0),
  ratio_kuni integer NOT NULL CHECK (ratio_kuni >= 0),
  ratio_todofuken integer NOT NULL CHECK (ratio_todofuken >= 0),
  ratio_shichoson integer NOT NULL CHECK (ratio_shichoson >= 0),
  ratio_hoken1 integer NOT NULL CHECK (ratio_hoken1 >= 0),     -- 第1号保険料
  ratio_hoken2 integer NOT NULL CHECK (ratio_hoken2 >= 0),     -- 第2号保険料
  rounding text NOT NULL CHECK (rounding IN ('none', 'floor_1000', 'round_1000', 'floor_10000')),
  is_sample boolean NOT NULL DEFAULT false,                     -- サンプル値 (not an official amount)
  note text NOT NULL DEFAULT '',
  created_by_user_id uuid,                                      -- null: shipped default
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, rate_id),
  UNIQUE (municipality_id, fiscal_year, part, silo, population_from, version_no),
  FOREIGN KEY (municipality_id, created_by_user_id) REFERENCES app_user (municipality_id, user_id),
  CHECK (ratio_kuni + ratio_todofuken + ratio_shichoson + ratio_hoken1 + ratio_hoken2 = ratio_denominator)
);

-- 経費: 職員 (name or post), 委託, その他, of one 年度 and one grant part.
CREATE TABLE funding_cost (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  cost_id uuid NOT NULL,
  fiscal_year integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
  kind text NOT NULL CHECK (kind IN ('staff', 'contract', 'other')),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  agency_id uuid,                                               -- 配置先 / 委託先
  part text NOT NULL CHECK (part IN ('houkatsu_soudan', 'chiiki_dukuri', 'aratana_kinou')),
  amount_yen bigint NOT NULL CHECK (amount_yen >= 0),
  note text NOT NULL DEFAULT '',
  created_by_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, cost_id),
  FOREIGN KEY (municipality_id, agency_id) REFERENCES agency (municipality_id, agency_id),
  FOREIGN KEY (municipality_id, created_by_user_id) REFERENCES app_user (municipality_id, user_id)
);
CREATE INDEX funding_cost_by_year ON funding_cost (municipality_id, fiscal_year);

-- 従事時間 of a staff cost by 事業 (grant part × silo); replaced with the cost on every change.
CREATE TABLE funding_cost_hours (
  municipality_id uuid NOT NULL,
  cost_id uuid NOT NULL,
  part text NOT NULL CHECK (part IN ('houkatsu_soudan', 'chiiki_dukuri', 'aratana_kinou')),
  silo text NOT NULL CHECK (silo IN ('kaigo', 'shougai', 'kodomo', 'konkyu')),
  hours integer NOT NULL CHECK (hours >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, cost_id, part, silo),
  FOREIGN KEY (municipality_id, cost_id) REFERENCES funding_cost (municipality_id, cost_id) ON DELETE CASCADE
);

-- A 按分 run: never changed after it is made.
CREATE TABLE funding_run (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  run_id uuid NOT NULL,
  fiscal_year integer NOT NULL,
  allocation_key text NOT NULL CHECK (allocation_key IN ('consultations', 'hours', 'persons', 'staff')),
  population integer NOT NULL,
  new_consultations integer NOT NULL,
  total_cost_yen bigint NOT NULL,
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, run_id),
  FOREIGN KEY (municipality_id, created_by_user_id) REFERENCES app_user (municipality_id, user_id)
);
CREATE INDEX funding_run_by_year ON funding_run (municipality_id, fiscal_year, created_at DESC);

-- The key counts the run used: per silo and source (an agency's consultations, a cost's hours…).
CREATE TABLE funding_run_key (
  municipality_id uuid NOT NULL,
  run_id uuid NOT NULL,
  key_no integer NOT NULL,
  part text,                                                    -- null: the count applies to every part
  silo text NOT NULL,
  cost_id uuid,                                                 -- set when the count belongs to one cost (its own hours)
  source_id uuid,                                               -- the agency or cost counted
  source_label text NOT NULL,
  key_count bigint NOT NULL CHECK (key_count >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, run_id, key_no),
  FOREIGN KEY (municipality_id, run_id) REFERENCES funding_run (municipality_id, run_id)
);

-- One cost's yen in one part × silo, with the weight it got (a copy of the cost as it was).
CREATE TABLE funding_run_line (
  municipality_id uuid NOT NULL,
  run_id uuid NOT NULL,
  line_no integer NOT NULL,
  cost_id uuid NOT NULL,
  cost_kind text NOT NULL,
  cost_label text NOT NULL,
  cost_amount_yen bigint NOT NULL,
  part text NOT NULL,
  silo text NOT NULL,
  weight bigint NOT NULL,
  weight_total bigint NOT NULL,
  amount_yen bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, run_id, line_no),
  FOREIGN KEY (municipality_id, run_id) REFERENCES funding_run (municipality_id, run_id)
);

-- The claim per part × silo: allocated cost, the rate version used, claimed amount and payer shares.
CREATE TABLE funding_run_claim (
  municipality_id uuid NOT NULL,
  run_id uuid NOT NULL,
  part text NOT NULL,
  silo text NOT NULL,
  allocated_yen bigint NOT NULL,
  rate_id uuid,                                                 -- null: no rate configured
  rate_version_no integer,
  base_amount_yen bigint,
  rounding text,
  is_sample boolean NOT NULL DEFAULT false,
  claimed_yen bigint NOT NULL,
  kuni_yen bigint,
  todofuken_yen bigint,
  shichoson_yen bigint,
  hoken1_yen bigint,
  hoken2_yen bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, run_id, part, silo),
  FOREIGN KEY (municipality_id, run_id) REFERENCES funding_run (municipality_id, run_id)
);
