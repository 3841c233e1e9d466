-- 計画と目標 (issue 6): the 重層的支援体制整備事業実施計画 and the 地域福祉計画 as data — each plan's
-- indicators (a statutory indicator of 施行規則34条の10, whose actual is counted from the records, or
-- a custom one with a manually entered actual), a target per indicator per 年度, and the yearly
-- evaluation note (PDCA). Municipal configuration (access kind `municipal_config` for changes).
-- Also the small-cell threshold for aggregates that leave the municipality.

CREATE TABLE welfare_plan (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  plan_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('implementation', 'community_welfare')),
  name text NOT NULL,
  from_fiscal_year integer NOT NULL CHECK (from_fiscal_year BETWEEN 2000 AND 2100),
  to_fiscal_year integer NOT NULL CHECK (to_fiscal_year BETWEEN 2000 AND 2100),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, plan_id),
  UNIQUE (municipality_id, name),
  CHECK (to_fiscal_year >= from_fiscal_year AND to_fiscal_year - from_fiscal_year < 10)
);

-- statutory_code: one of STATUTORY_INDICATORS (analytics/statutory-indicators.ts), or NULL for a
-- custom indicator (label and unit as the plan writes them).
CREATE TABLE plan_indicator (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  indicator_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  position integer NOT NULL,
  statutory_code text,
  label text NOT NULL,
  unit text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, indicator_id),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES welfare_plan (municipality_id, plan_id),
  UNIQUE (municipality_id, plan_id, statutory_code),
  UNIQUE (municipality_id, plan_id, label)
);

-- One 年度 of one indicator: the target, the actual where it is entered by hand (custom indicators),
-- and the evaluation note (評価・改善).
CREATE TABLE plan_indicator_year (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  indicator_id uuid NOT NULL,
  fiscal_year integer NOT NULL,
  target integer CHECK (target >= 0),
  manual_actual integer CHECK (manual_actual >= 0),
  evaluation text,
  updated_by_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, indicator_id, fiscal_year),
  FOREIGN KEY (municipality_id, indicator_id) REFERENCES plan_indicator (municipality_id, indicator_id)
);

-- 小さな数の秘匿: counts 1 ≤ n < threshold are shown as "—" where aggregates leave the municipality.
CREATE TABLE analytics_setting (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  small_cell_threshold integer NOT NULL DEFAULT 5 CHECK (small_cell_threshold BETWEEN 1 AND 100),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id)
);
