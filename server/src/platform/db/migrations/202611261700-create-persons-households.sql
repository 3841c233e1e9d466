-- 包括的相談支援: persons (本人・世帯員), households (世帯), membership history, relationships, concerns.
-- Search keys (name_key, kana_key, kana_loose_key, address_key, phone_digits) are derived in
-- application code from what the person typed (server/src/consultation/japanese/name-keys.ts);
-- the typed values are kept as they were.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE household (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  household_id uuid NOT NULL,
  label text NOT NULL,                       -- 世帯の呼び名 (e.g. 山田さん世帯)
  address text,
  notes text,
  confidential boolean NOT NULL DEFAULT false,  -- e.g. DV: invisible outside the owning agencies
  registered_by_agency_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, household_id),
  FOREIGN KEY (municipality_id, registered_by_agency_id) REFERENCES agency (municipality_id, agency_id)
);

CREATE TABLE person (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  person_id uuid NOT NULL,
  family_name text NOT NULL,
  given_name text NOT NULL DEFAULT '',
  family_kana text,
  given_kana text,
  name_key text NOT NULL,
  kana_key text,
  kana_loose_key text,
  sex text NOT NULL DEFAULT 'unanswered' CHECK (sex IN ('male', 'female', 'other', 'unanswered')),
  birth_date date,
  address text,
  address_key text,
  phones text[] NOT NULL DEFAULT '{}',
  phone_digits text NOT NULL DEFAULT '',     -- all phone numbers' digits, space separated
  notes text,
  care_flags text[] NOT NULL DEFAULT '{}',   -- 要配慮 categories
  confidential boolean NOT NULL DEFAULT false,
  registered_by_agency_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, person_id),
  FOREIGN KEY (municipality_id, registered_by_agency_id) REFERENCES agency (municipality_id, agency_id)
);
-- Exact/prefix lookups on normalised keys first; trigram only to widen (see issue 7's probe).
CREATE INDEX person_kana_key_prefix ON person (municipality_id, kana_key text_pattern_ops);
CREATE INDEX person_kana_key_trgm ON person USING gin (kana_key gin_trgm_ops);
CREATE INDEX person_kana_loose_key_prefix ON person (municipality_id, kana_loose_key text_pattern_ops);
CREATE INDEX person_name_key_prefix ON person (municipality_id, name_key text_pattern_ops);
CREATE INDEX person_birth_date ON person (municipality_id, birth_date);
CREATE INDEX person_name_key_trgm ON person USING gin (name_key gin_trgm_ops);
CREATE INDEX person_address_key_trgm ON person USING gin (address_key gin_trgm_ops);
CREATE INDEX person_phone_digits_trgm ON person USING gin (phone_digits gin_trgm_ops);
CREATE INDEX person_by_registering_agency ON person (municipality_id, registered_by_agency_id);

-- Who lives in which household, over time: a move closes one membership and opens another.
CREATE TABLE household_membership (
  municipality_id uuid NOT NULL,
  membership_id uuid NOT NULL,
  household_id uuid NOT NULL,
  person_id uuid NOT NULL,
  role_in_household text NOT NULL DEFAULT 'member',  -- 世帯主 / 世帯員
  living_together boolean NOT NULL DEFAULT true,
  joined_on date NOT NULL,
  left_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, membership_id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, household_id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, person_id),
  CHECK (left_on IS NULL OR left_on >= joined_on)
);
CREATE UNIQUE INDEX household_membership_one_current ON household_membership (municipality_id, person_id) WHERE left_on IS NULL;
CREATE INDEX household_membership_by_household ON household_membership (municipality_id, household_id);

-- Typed family ties for the genogram: parent/child/spouse/sibling/grandparent/other.
CREATE TABLE person_relationship (
  municipality_id uuid NOT NULL,
  relationship_id uuid NOT NULL,
  person_id uuid NOT NULL,
  related_person_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('parent', 'child', 'spouse', 'sibling', 'grandparent', 'grandchild', 'other')),
  living_together boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, relationship_id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, person_id),
  FOREIGN KEY (municipality_id, related_person_id) REFERENCES person (municipality_id, person_id),
  CHECK (person_id <> related_person_id)
);
CREATE UNIQUE INDEX person_relationship_unique ON person_relationship (municipality_id, person_id, related_person_id, kind);

-- Each member's own issues: the 16 concern categories (相談票のチェック項目) and free tags (8050, ダブルケア…).
CREATE TABLE person_concern (
  municipality_id uuid NOT NULL,
  person_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('category', 'tag')),
  code text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, person_id, kind, code),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, person_id)
);
