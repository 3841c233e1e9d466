-- アウトリーチ等を通じた継続的支援 (issue 5): leads for people not yet in contact, contact attempts
-- (訪問記録), trust stages as municipal configuration with the history of each lead's stage, the
-- contact cadence of つながり続ける支援, and 気づきの連絡 from 民生委員・児童委員 with the area each
-- volunteer serves. A lead moves to a consented consultation + case and keeps the link.

-- The 圏域 a 民生委員 serves: the default area of their 気づきの連絡.
CREATE TABLE volunteer_area (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  user_id uuid NOT NULL,
  area_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, user_id),
  FOREIGN KEY (municipality_id, user_id) REFERENCES app_user (municipality_id, user_id),
  FOREIGN KEY (municipality_id, area_id) REFERENCES municipal_area (municipality_id, area_id)
);

-- 信頼関係の段階 (e.g. 未接触 → 接触できた → 話ができる → 相談につながる → 支援開始). Rows are never
-- deleted (lead histories point at them); a stage no longer used is retired. The whole list is edited
-- at once under trust_stage_set.version (optimistic concurrency).
CREATE TABLE trust_stage_set (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  updated_by_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id),
  FOREIGN KEY (municipality_id, updated_by_user_id) REFERENCES app_user (municipality_id, user_id)
);

CREATE TABLE trust_stage (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  stage_id uuid NOT NULL,
  code text NOT NULL CHECK (char_length(code) BETWEEN 1 AND 64),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 40),
  description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 200),
  sort_order integer NOT NULL,
  retired boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, stage_id),
  UNIQUE (municipality_id, code)
);

CREATE TABLE outreach_lead (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  lead_id uuid NOT NULL,
  agency_id uuid NOT NULL,                     -- the agency holding the lead (its queue)
  area_id uuid,
  -- 民生委員 / 会議 / 近隣住民 / 他機関 / 本人・家族 / その他
  source text NOT NULL CHECK (source IN ('volunteer', 'meeting', 'neighbour', 'agency', 'self_family', 'other')),
  source_detail text CHECK (char_length(source_detail) <= 200),
  meeting_id uuid,
  person_id uuid,                              -- set once identified
  person_description text NOT NULL CHECK (char_length(person_description) BETWEEN 1 AND 200),
  household_id uuid,
  location text CHECK (char_length(location) <= 200),
  concern text NOT NULL CHECK (char_length(concern) BETWEEN 1 AND 4000),
  urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent', 'emergency')),
  assigned_user_id uuid,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_contact', 'consented', 'closed')),
  close_reason text CHECK (close_reason IN ('unreachable', 'moved', 'declined', 'handled_elsewhere', 'no_need', 'deceased', 'other')),
  close_note text CHECK (char_length(close_note) <= 2000),
  closed_on date,
  trust_stage_id uuid,
  stage_changed_on date,
  consultation_id uuid,
  case_id uuid,
  consented_on date,
  opened_on date NOT NULL,
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, lead_id),
  FOREIGN KEY (municipality_id, agency_id) REFERENCES agency (municipality_id, agency_id),
  FOREIGN KEY (municipality_id, area_id) REFERENCES municipal_area (municipality_id, area_id),
  FOREIGN KEY (municipality_id, meeting_id) REFERENCES meeting (municipality_id, meeting_id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, person_id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, household_id),
  FOREIGN KEY (municipality_id, assigned_user_id) REFERENCES app_user (municipality_id, user_id),
  FOREIGN KEY (municipality_id, trust_stage_id) REFERENCES trust_stage (municipality_id, stage_id),
  FOREIGN KEY (municipality_id, consultation_id) REFERENCES consultation (municipality_id, consultation_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES support_case (municipality_id, case_id),
  FOREIGN KEY (municipality_id, created_by_user_id) REFERENCES app_user (municipality_id, user_id),
  CHECK ((status = 'consented') = (case_id IS NOT NULL AND consultation_id IS NOT NULL AND consented_on IS NOT NULL)),
  CHECK ((status = 'closed') = (close_reason IS NOT NULL AND closed_on IS NOT NULL))
);
CREATE INDEX outreach_lead_queue ON outreach_lead (municipality_id, agency_id, status, opened_on DESC);
CREATE INDEX outreach_lead_by_worker ON outreach_lead (municipality_id, assigned_user_id) WHERE status IN ('open', 'in_contact');
CREATE INDEX outreach_lead_by_person ON outreach_lead (municipality_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX outreach_lead_by_case ON outreach_lead (municipality_id, case_id) WHERE case_id IS NOT NULL;

-- Every stage change of a lead, with the day it happened (history kept; rows never updated).
CREATE TABLE outreach_lead_stage (
  municipality_id uuid NOT NULL,
  change_id uuid NOT NULL,
  lead_id uuid NOT NULL,
  stage_id uuid NOT NULL,
  changed_on date NOT NULL,
  note text CHECK (char_length(note) <= 2000),
  recorded_by_user_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, change_id),
  FOREIGN KEY (municipality_id, lead_id) REFERENCES outreach_lead (municipality_id, lead_id),
  FOREIGN KEY (municipality_id, stage_id) REFERENCES trust_stage (municipality_id, stage_id),
  FOREIGN KEY (municipality_id, recorded_by_user_id) REFERENCES app_user (municipality_id, user_id)
);
CREATE INDEX outreach_lead_stage_history ON outreach_lead_stage (municipality_id, lead_id, changed_on DESC, recorded_at DESC);

-- 訪問記録: contact attempts and visits. kind 訪問/電話/手紙/面談/同行;
-- outcome 会えた/不在/拒否/手紙を置いた/電話に出ない/その他.
CREATE TABLE contact_attempt (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  attempt_id uuid NOT NULL,
  lead_id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  kind text NOT NULL CHECK (kind IN ('visit', 'phone', 'letter', 'interview', 'accompany')),
  outcome text NOT NULL CHECK (outcome IN ('met', 'absent', 'refused', 'letter_left', 'no_answer', 'other')),
  note text CHECK (char_length(note) <= 4000),
  agency_id uuid NOT NULL,
  recorded_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, attempt_id),
  FOREIGN KEY (municipality_id, lead_id) REFERENCES outreach_lead (municipality_id, lead_id),
  FOREIGN KEY (municipality_id, agency_id) REFERENCES agency (municipality_id, agency_id),
  FOREIGN KEY (municipality_id, recorded_by_user_id) REFERENCES app_user (municipality_id, user_id)
);
CREATE INDEX contact_attempt_by_lead ON contact_attempt (municipality_id, lead_id, occurred_at DESC);

-- つながり続ける: how often someone in ongoing support (an open lead or an open case) should be
-- contacted. A lapse is no contact attempt / 支援経過記録 within interval_days.
CREATE TABLE contact_cadence (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  cadence_id uuid NOT NULL,
  lead_id uuid,
  case_id uuid,
  interval_days integer NOT NULL CHECK (interval_days BETWEEN 1 AND 365),
  starts_on date NOT NULL,
  agency_id uuid NOT NULL,
  set_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, cadence_id),
  FOREIGN KEY (municipality_id, lead_id) REFERENCES outreach_lead (municipality_id, lead_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES support_case (municipality_id, case_id),
  FOREIGN KEY (municipality_id, agency_id) REFERENCES agency (municipality_id, agency_id),
  FOREIGN KEY (municipality_id, set_by_user_id) REFERENCES app_user (municipality_id, user_id),
  CHECK ((lead_id IS NULL) <> (case_id IS NULL))
);
CREATE UNIQUE INDEX contact_cadence_one_per_lead ON contact_cadence (municipality_id, lead_id) WHERE lead_id IS NOT NULL;
CREATE UNIQUE INDEX contact_cadence_one_per_case ON contact_cadence (municipality_id, case_id) WHERE case_id IS NOT NULL;
CREATE INDEX contact_cadence_by_agency ON contact_cadence (municipality_id, agency_id);

-- 気づきの連絡: what a 民生委員 noticed, routed to the area's responsible agency as an outreach lead.
CREATE TABLE volunteer_report (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  report_id uuid NOT NULL,
  reported_by_user_id uuid NOT NULL,
  area_id uuid NOT NULL,
  responsible_agency_id uuid NOT NULL,
  subject_description text NOT NULL CHECK (char_length(subject_description) BETWEEN 1 AND 200),
  location text NOT NULL CHECK (char_length(location) BETWEEN 1 AND 200),
  noticed text[] NOT NULL DEFAULT '{}',        -- quick chips (codes)
  note text CHECK (char_length(note) <= 2000),
  urgency text NOT NULL CHECK (urgency IN ('normal', 'urgent', 'emergency')),
  lead_id uuid NOT NULL,                       -- the link report → lead
  reported_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, report_id),
  UNIQUE (municipality_id, lead_id),
  FOREIGN KEY (municipality_id, reported_by_user_id) REFERENCES app_user (municipality_id, user_id),
  FOREIGN KEY (municipality_id, area_id) REFERENCES municipal_area (municipality_id, area_id),
  FOREIGN KEY (municipality_id, responsible_agency_id) REFERENCES agency (municipality_id, agency_id),
  FOREIGN KEY (municipality_id, lead_id) REFERENCES outreach_lead (municipality_id, lead_id)
);
CREATE INDEX volunteer_report_by_reporter ON volunteer_report (municipality_id, reported_by_user_id, reported_at DESC);
