-- 圏域 (areas as municipal configuration) and the 地域資源 directory on the Open Referral HSDS 3.0
-- model: organization, service, location, service_at_location, taxonomy terms, schedules, service
-- areas, languages, cost options. Capacity and waitlist are Kasane extensions (HSDS has none).
-- 参加支援 (matching) and 地域づくり (places) build on these tables.

CREATE TABLE municipal_area (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  area_id uuid NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  kind text NOT NULL DEFAULT 'daily_life' CHECK (kind IN ('daily_life', 'district', 'other')),  -- 日常生活圏域 / 圏域（地区）/ その他
  parent_area_id uuid,
  -- The agency whose queue receives 気づきの連絡 and outreach leads from this area (usually its 地域包括).
  responsible_agency_id uuid,
  sort_order integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, area_id),
  UNIQUE (municipality_id, code),
  FOREIGN KEY (municipality_id, parent_area_id) REFERENCES municipal_area (municipality_id, area_id),
  FOREIGN KEY (municipality_id, responsible_agency_id) REFERENCES agency (municipality_id, agency_id)
);

CREATE TABLE resource_taxonomy_term (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  term_id uuid NOT NULL,
  taxonomy text NOT NULL DEFAULT 'kasane-ja',
  code text NOT NULL,
  name text NOT NULL,
  description text NOT NULL DEFAULT '',
  parent_term_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, term_id),
  UNIQUE (municipality_id, taxonomy, code),
  FOREIGN KEY (municipality_id, parent_term_id) REFERENCES resource_taxonomy_term (municipality_id, term_id)
);

CREATE TABLE resource_organization (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  organization_id uuid NOT NULL,
  name text NOT NULL,
  alternate_name text,
  description text NOT NULL DEFAULT '',
  email text,
  website text,
  phone text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, organization_id)
);

CREATE TABLE resource_service (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  service_id uuid NOT NULL,
  organization_id uuid NOT NULL,
  name text NOT NULL,
  alternate_name text,
  description text NOT NULL DEFAULT '',
  url text,
  email text,
  phone text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'defunct', 'temporarily closed')),
  application_process text,
  fees_description text,
  eligibility_description text,
  minimum_age integer CHECK (minimum_age IS NULL OR minimum_age >= 0),
  maximum_age integer CHECK (maximum_age IS NULL OR maximum_age >= 0),
  capacity integer CHECK (capacity IS NULL OR capacity >= 0),          -- 受入枠 (extension)
  waitlist_count integer CHECK (waitlist_count IS NULL OR waitlist_count >= 0),  -- 待機人数 (extension)
  assured_date date,           -- 最終確認日
  assured_by text,             -- 確認者 (HSDS assurer_email: a name or address)
  last_modified timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, service_id),
  FOREIGN KEY (municipality_id, organization_id) REFERENCES resource_organization (municipality_id, organization_id),
  CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age)
);
CREATE INDEX resource_service_modified ON resource_service (municipality_id, last_modified);

-- HSDS attribute (link_type 'service'): the taxonomy terms of a service.
CREATE TABLE resource_service_term (
  municipality_id uuid NOT NULL,
  service_id uuid NOT NULL,
  term_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, service_id, term_id),
  FOREIGN KEY (municipality_id, service_id) REFERENCES resource_service (municipality_id, service_id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, term_id) REFERENCES resource_taxonomy_term (municipality_id, term_id)
);
CREATE INDEX resource_service_term_by_term ON resource_service_term (municipality_id, term_id);

CREATE TABLE resource_location (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  location_id uuid NOT NULL,
  organization_id uuid,
  location_type text NOT NULL DEFAULT 'physical' CHECK (location_type IN ('physical', 'postal', 'virtual')),
  name text,
  description text,
  address text,                -- 住所 (one line, Japanese order)
  postal_code text,
  area_id uuid,                -- 圏域
  latitude numeric(9, 6),
  longitude numeric(9, 6),
  accessibility text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, location_id),
  FOREIGN KEY (municipality_id, organization_id) REFERENCES resource_organization (municipality_id, organization_id),
  FOREIGN KEY (municipality_id, area_id) REFERENCES municipal_area (municipality_id, area_id)
);

CREATE TABLE resource_service_at_location (
  municipality_id uuid NOT NULL,
  service_at_location_id uuid NOT NULL,
  service_id uuid NOT NULL,
  location_id uuid NOT NULL,
  description text,
  PRIMARY KEY (municipality_id, service_at_location_id),
  UNIQUE (municipality_id, service_id, location_id),
  FOREIGN KEY (municipality_id, service_id) REFERENCES resource_service (municipality_id, service_id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, location_id) REFERENCES resource_location (municipality_id, location_id)
);

-- HSDS schedule (RFC 5545 subset): e.g. freq WEEKLY, byday 'MO,WE', opens_at 10:00, closes_at 15:00.
CREATE TABLE resource_schedule (
  municipality_id uuid NOT NULL,
  schedule_id uuid NOT NULL,
  service_id uuid NOT NULL,
  location_id uuid,
  freq text CHECK (freq IN ('WEEKLY', 'MONTHLY')),
  interval integer NOT NULL DEFAULT 1 CHECK (interval >= 1),
  byday text,                  -- 'MO,TU,…' (WEEKLY) or '1MO,3TH' (MONTHLY)
  bymonthday text,
  opens_at time,
  closes_at time,
  valid_from date,
  valid_to date,
  description text,
  PRIMARY KEY (municipality_id, schedule_id),
  FOREIGN KEY (municipality_id, service_id) REFERENCES resource_service (municipality_id, service_id) ON DELETE CASCADE
);

-- Where a service is offered: a 圏域 of the municipality or a named extent.
CREATE TABLE resource_service_area (
  municipality_id uuid NOT NULL,
  service_area_id uuid NOT NULL,
  service_id uuid NOT NULL,
  area_id uuid,
  name text NOT NULL,
  description text,
  PRIMARY KEY (municipality_id, service_area_id),
  FOREIGN KEY (municipality_id, service_id) REFERENCES resource_service (municipality_id, service_id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, area_id) REFERENCES municipal_area (municipality_id, area_id)
);

CREATE TABLE resource_language (
  municipality_id uuid NOT NULL,
  language_id uuid NOT NULL,
  service_id uuid NOT NULL,
  code text NOT NULL,          -- BCP 47, e.g. 'ja', 'en', 'ja-x-easy' (やさしい日本語)
  name text NOT NULL,
  note text,
  PRIMARY KEY (municipality_id, language_id),
  FOREIGN KEY (municipality_id, service_id) REFERENCES resource_service (municipality_id, service_id) ON DELETE CASCADE
);

CREATE TABLE resource_cost_option (
  municipality_id uuid NOT NULL,
  cost_option_id uuid NOT NULL,
  service_id uuid NOT NULL,
  option text,
  amount integer CHECK (amount IS NULL OR amount >= 0),  -- yen
  currency text NOT NULL DEFAULT 'JPY',
  amount_description text,
  PRIMARY KEY (municipality_id, cost_option_id),
  FOREIGN KEY (municipality_id, service_id) REFERENCES resource_service (municipality_id, service_id) ON DELETE CASCADE
);
