-- 相談受付 (consultation intake) and 同意 (consent to share with related agencies).
-- A consultation needs only a date, the receiving agency and a summary: the person may be unknown,
-- anonymous, or reported by a third party (never refuse).

CREATE TABLE consultation (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  consultation_id uuid NOT NULL,
  received_on date NOT NULL,
  receiving_agency_id uuid NOT NULL,
  received_by_user_id uuid NOT NULL,
  route text NOT NULL CHECK (route IN ('visit', 'phone', 'home_visit', 'email', 'meeting', 'referral', 'online')),
  visitor_kind text NOT NULL CHECK (visitor_kind IN ('self', 'other')),
  visitor_relationship text,
  visitor_name text,
  person_id uuid,
  anonymous boolean NOT NULL DEFAULT false,
  categories text[] NOT NULL DEFAULT '{}',     -- ○ on the 16-item checklist
  primary_category text,                       -- ◎ (one of categories)
  summary text NOT NULL,
  details text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, consultation_id),
  FOREIGN KEY (municipality_id, receiving_agency_id) REFERENCES agency (municipality_id, agency_id),
  FOREIGN KEY (municipality_id, received_by_user_id) REFERENCES app_user (municipality_id, user_id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, person_id),
  CHECK (primary_category IS NULL OR primary_category = ANY (categories))
);
CREATE INDEX consultation_by_agency ON consultation (municipality_id, receiving_agency_id, received_on DESC);
CREATE INDEX consultation_by_person ON consultation (municipality_id, person_id) WHERE person_id IS NOT NULL;

-- Every consent decision is a new row (given, refused, withdrawn…), so the history is kept.
CREATE TABLE consent (
  municipality_id uuid NOT NULL,
  consent_id uuid NOT NULL,
  consultation_id uuid NOT NULL,
  person_id uuid,
  status text NOT NULL CHECK (status IN ('given', 'refused', 'unknown', 'withdrawn')),
  agency_scope uuid[],                         -- null: every related agency
  data_scope text[],                           -- null: all data
  valid_until date,
  recorded_by_user_id uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, consent_id),
  FOREIGN KEY (municipality_id, consultation_id) REFERENCES consultation (municipality_id, consultation_id),
  FOREIGN KEY (municipality_id, recorded_by_user_id) REFERENCES app_user (municipality_id, user_id)
);
CREATE INDEX consent_by_consultation ON consent (municipality_id, consultation_id, recorded_at DESC);
CREATE INDEX consent_by_person ON consent (municipality_id, person_id, recorded_at DESC) WHERE person_id IS NOT NULL;
