-- 地域づくり (issue 5): 拠点 (places where residents of all generations meet), their 活動 with
-- recurring schedules, attendance counts per session by age band (aggregates only: no person is
-- recorded), participating organisations (参加団体), and the coordinators' activity log.
-- Not personal data: the access kind is `directory`.

-- 参加団体: NPO, 自治会, 学校, 企業… by name, optionally the organization of the 地域資源 directory.
CREATE TABLE community_partner (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  partner_id uuid NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('npo', 'neighbourhood', 'school', 'company', 'welfare', 'volunteer', 'public', 'other')),
  organization_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, partner_id),
  UNIQUE (municipality_id, name),
  FOREIGN KEY (municipality_id, organization_id) REFERENCES resource_organization (municipality_id, organization_id)
);

CREATE TABLE community_place (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  place_id uuid NOT NULL,
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('ibasho', 'salon', 'kayoi', 'kosodate', 'chiiki_katsudo', 'kodomo_shokudo', 'other')),
  address text,
  area_id uuid,
  operator_name text,                 -- 運営団体 as written
  operator_partner_id uuid,           -- or one of the 参加団体
  location_id uuid,                   -- the 地域資源 location this place is (optional)
  service_id uuid,                    -- the 地域資源 service offered here (optional)
  opened_on date,                     -- 開設日: counted as a 拠点 from this day
  closed_on date,                     -- 閉鎖日: counted up to and including this day
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('preparing', 'open', 'suspended', 'closed')),
  note text,
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, place_id),
  FOREIGN KEY (municipality_id, area_id) REFERENCES municipal_area (municipality_id, area_id),
  FOREIGN KEY (municipality_id, operator_partner_id) REFERENCES community_partner (municipality_id, partner_id),
  FOREIGN KEY (municipality_id, location_id) REFERENCES resource_location (municipality_id, location_id),
  FOREIGN KEY (municipality_id, service_id) REFERENCES resource_service (municipality_id, service_id),
  CHECK (closed_on IS NULL OR opened_on IS NULL OR opened_on <= closed_on),
  CHECK (status <> 'closed' OR closed_on IS NOT NULL)
);
CREATE INDEX community_place_by_area ON community_place (municipality_id, area_id);

-- A recurring activity at a place. Rule (schedule.ts): weekly on weekdays every `interval_weeks`
-- weeks from valid_from's week; monthly on the n-th (1–5, -1 = last) weekdays; or monthly on days.
CREATE TABLE community_activity (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  activity_id uuid NOT NULL,
  place_id uuid NOT NULL,
  name text NOT NULL,
  description text,
  freq text NOT NULL CHECK (freq IN ('weekly', 'monthly_nth', 'monthly_day')),
  weekdays integer[] NOT NULL DEFAULT '{}',   -- ISO 1 = 月 … 7 = 日
  interval_weeks integer NOT NULL DEFAULT 1 CHECK (interval_weeks BETWEEN 1 AND 8),
  nths integer[] NOT NULL DEFAULT '{}',       -- 第1…第5, -1 = 最終
  month_days integer[] NOT NULL DEFAULT '{}', -- 1…31
  starts_at time NOT NULL,
  ends_at time NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  skip_holidays boolean NOT NULL DEFAULT false,   -- 祝日は休み
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, activity_id),
  FOREIGN KEY (municipality_id, place_id) REFERENCES community_place (municipality_id, place_id),
  CHECK (starts_at < ends_at),
  CHECK (valid_to IS NULL OR valid_from <= valid_to)
);
CREATE INDEX community_activity_by_place ON community_activity (municipality_id, place_id);

-- The organisations that usually take part in an activity (the default for each session).
CREATE TABLE community_activity_partner (
  municipality_id uuid NOT NULL,
  activity_id uuid NOT NULL,
  partner_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, activity_id, partner_id),
  FOREIGN KEY (municipality_id, activity_id) REFERENCES community_activity (municipality_id, activity_id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, partner_id) REFERENCES community_partner (municipality_id, partner_id)
);

-- One held (or cancelled) session of an activity with its attendance by age band. Counts only.
CREATE TABLE community_session (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  session_id uuid NOT NULL,
  activity_id uuid NOT NULL,
  held_on date NOT NULL,
  status text NOT NULL DEFAULT 'held' CHECK (status IN ('held', 'cancelled')),
  count_child integer NOT NULL DEFAULT 0 CHECK (count_child >= 0),       -- 子ども 0–17
  count_adult integer NOT NULL DEFAULT 0 CHECK (count_adult >= 0),       -- 若者・現役 18–64
  count_elderly integer NOT NULL DEFAULT 0 CHECK (count_elderly >= 0),   -- 高齢者 65+
  count_unknown integer NOT NULL DEFAULT 0 CHECK (count_unknown >= 0),   -- 不明
  volunteers integer CHECK (volunteers IS NULL OR volunteers >= 0),
  note text,
  recorded_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, session_id),
  UNIQUE (municipality_id, activity_id, held_on),
  FOREIGN KEY (municipality_id, activity_id) REFERENCES community_activity (municipality_id, activity_id)
);
CREATE INDEX community_session_by_day ON community_session (municipality_id, held_on);

CREATE TABLE community_session_partner (
  municipality_id uuid NOT NULL,
  session_id uuid NOT NULL,
  partner_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, session_id, partner_id),
  FOREIGN KEY (municipality_id, session_id) REFERENCES community_session (municipality_id, session_id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, partner_id) REFERENCES community_partner (municipality_id, partner_id)
);
CREATE INDEX community_session_partner_by_partner ON community_session_partner (municipality_id, partner_id);

-- 生活支援コーディネーター・地域づくりコーディネーターの活動記録.
CREATE TABLE community_log_entry (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  entry_id uuid NOT NULL,
  entry_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('visit', 'meeting', 'coordination', 'launch_support', 'training', 'other')),
  place_id uuid,
  area_id uuid,
  partner_ids uuid[] NOT NULL DEFAULT '{}',
  note text NOT NULL,
  user_id uuid NOT NULL,
  agency_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, entry_id),
  FOREIGN KEY (municipality_id, place_id) REFERENCES community_place (municipality_id, place_id),
  FOREIGN KEY (municipality_id, area_id) REFERENCES municipal_area (municipality_id, area_id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, user_id)
);
CREATE INDEX community_log_by_day ON community_log_entry (municipality_id, entry_on);
