-- 参加支援 (issue 5): a person's participation wishes and constraints (participation_need), the
-- 協力事業者 (participation_host) with their development pipeline 候補→打診→協力事業者登録/見送り,
-- placements (受け入れ) in a directory service or at a host, 定着支援 follow-ups on a schedule and
-- notes on the support given to the host (受け入れ先支援). Matching reads the HSDS directory tables
-- of 202611270100-create-areas-and-resources.sql.

-- 協力事業者: not personal data of a supported person (policy kind 'directory').
CREATE TABLE participation_host (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  host_id uuid NOT NULL,
  name text NOT NULL,
  organization_id uuid,                      -- the directory's organization, when it is one
  area_id uuid,                              -- 圏域
  address text,
  contact_name text,                         -- 担当者
  contact_phone text,
  contact_email text,
  offer_codes text[] NOT NULL DEFAULT '{}',  -- what it can offer: kasane-ja taxonomy codes
  offer_description text NOT NULL DEFAULT '',
  accommodation_codes text[] NOT NULL DEFAULT '{}',  -- 少人数, 送迎 … (participation-codes.ts)
  available_days text[] NOT NULL DEFAULT '{}',       -- 'MO'…'SU'
  opens_at time,
  closes_at time,
  minimum_age integer CHECK (minimum_age IS NULL OR minimum_age >= 0),
  maximum_age integer CHECK (maximum_age IS NULL OR maximum_age >= 0),
  capacity integer CHECK (capacity IS NULL OR capacity >= 0),  -- 受入枠
  stage text NOT NULL DEFAULT 'candidate' CHECK (stage IN ('candidate', 'approached', 'registered', 'declined')),
  registered_on date,                        -- 協力事業者登録の日
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, host_id),
  FOREIGN KEY (municipality_id, organization_id) REFERENCES resource_organization (municipality_id, organization_id),
  FOREIGN KEY (municipality_id, area_id) REFERENCES municipal_area (municipality_id, area_id),
  FOREIGN KEY (municipality_id, created_by_user_id) REFERENCES app_user (municipality_id, user_id),
  CHECK (minimum_age IS NULL OR maximum_age IS NULL OR minimum_age <= maximum_age),
  CHECK (stage <> 'registered' OR registered_on IS NOT NULL)
);
CREATE INDEX participation_host_by_stage ON participation_host (municipality_id, stage);

-- The pipeline history: one row per step, with its date.
CREATE TABLE participation_host_event (
  municipality_id uuid NOT NULL,
  event_id uuid NOT NULL,
  host_id uuid NOT NULL,
  from_stage text CHECK (from_stage IS NULL OR from_stage IN ('candidate', 'approached', 'registered', 'declined')),
  to_stage text NOT NULL CHECK (to_stage IN ('candidate', 'approached', 'registered', 'declined')),
  occurred_on date NOT NULL,
  note text,
  recorded_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, event_id),
  FOREIGN KEY (municipality_id, host_id) REFERENCES participation_host (municipality_id, host_id),
  FOREIGN KEY (municipality_id, recorded_by_user_id) REFERENCES app_user (municipality_id, user_id)
);
CREATE INDEX participation_host_event_by_host ON participation_host_event (municipality_id, host_id, occurred_on);

-- 参加支援の希望: kept by one agency; when it hangs on a case, that case's 支援チーム sees it too.
CREATE TABLE participation_need (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  need_id uuid NOT NULL,
  person_id uuid NOT NULL,
  case_id uuid,
  keeping_agency_id uuid NOT NULL,
  worker_user_id uuid NOT NULL,              -- 担当の参加支援員
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
  opened_on date NOT NULL,
  closed_on date,
  close_reason text,
  wish_codes text[] NOT NULL DEFAULT '{}',   -- kasane-ja taxonomy codes (就労体験, ボランティア …)
  person_words text NOT NULL DEFAULT '',     -- 本人の言葉
  preferred_area_ids uuid[] NOT NULL DEFAULT '{}',
  available_days text[] NOT NULL DEFAULT '{}',
  available_from time,
  available_to time,
  need_codes text[] NOT NULL DEFAULT '{}',   -- 少人数, 送迎が必要 …
  needs_note text NOT NULL DEFAULT '',
  start_wish_on date,
  accepts_waitlist boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, need_id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, person_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES support_case (municipality_id, case_id),
  FOREIGN KEY (municipality_id, keeping_agency_id) REFERENCES agency (municipality_id, agency_id),
  FOREIGN KEY (municipality_id, worker_user_id) REFERENCES app_user (municipality_id, user_id),
  CHECK (status <> 'closed' OR closed_on IS NOT NULL)
);
CREATE INDEX participation_need_by_agency ON participation_need (municipality_id, keeping_agency_id, status);
CREATE INDEX participation_need_by_case ON participation_need (municipality_id, case_id) WHERE case_id IS NOT NULL;
CREATE INDEX participation_need_by_person ON participation_need (municipality_id, person_id);

-- 受け入れ: a directory service or a 協力事業者. 調整中 / 利用中 consume the target's 受入枠.
CREATE TABLE participation_placement (
  municipality_id uuid NOT NULL,
  placement_id uuid NOT NULL,
  need_id uuid NOT NULL,
  service_id uuid,
  host_id uuid,
  start_on date NOT NULL,
  host_contact text,                         -- 受け入れ先の担当者・連絡先
  status text NOT NULL DEFAULT 'arranging' CHECK (status IN ('arranging', 'active', 'ended', 'interrupted')),
  ended_on date,
  end_reason text,
  match_reasons text[] NOT NULL DEFAULT '{}', -- the reasons shown when it was chosen
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, placement_id),
  FOREIGN KEY (municipality_id, need_id) REFERENCES participation_need (municipality_id, need_id),
  FOREIGN KEY (municipality_id, service_id) REFERENCES resource_service (municipality_id, service_id),
  FOREIGN KEY (municipality_id, host_id) REFERENCES participation_host (municipality_id, host_id),
  FOREIGN KEY (municipality_id, created_by_user_id) REFERENCES app_user (municipality_id, user_id),
  CHECK ((service_id IS NULL) <> (host_id IS NULL)),
  CHECK (status NOT IN ('ended', 'interrupted') OR ended_on IS NOT NULL)
);
CREATE INDEX participation_placement_by_need ON participation_placement (municipality_id, need_id);
CREATE INDEX participation_placement_by_service ON participation_placement (municipality_id, service_id) WHERE service_id IS NOT NULL;
CREATE INDEX participation_placement_by_host ON participation_placement (municipality_id, host_id) WHERE host_id IS NOT NULL;

-- 定着支援: follow-ups generated at placement (1週間後, 1か月後, 3か月後) or added later.
CREATE TABLE participation_followup (
  municipality_id uuid NOT NULL,
  followup_id uuid NOT NULL,
  placement_id uuid NOT NULL,
  label text NOT NULL,
  due_on date NOT NULL,
  done_on date,
  condition text CHECK (condition IS NULL OR condition IN ('good', 'some_concerns', 'difficult')),  -- 本人の様子
  note text,
  done_by_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, followup_id),
  FOREIGN KEY (municipality_id, placement_id) REFERENCES participation_placement (municipality_id, placement_id),
  FOREIGN KEY (municipality_id, done_by_user_id) REFERENCES app_user (municipality_id, user_id),
  CHECK (done_on IS NULL OR condition IS NOT NULL)
);
CREATE INDEX participation_followup_by_placement ON participation_followup (municipality_id, placement_id, due_on);
CREATE INDEX participation_followup_open_due ON participation_followup (municipality_id, due_on) WHERE done_on IS NULL;

-- 受け入れ先支援: what was done for the host (助言, 訪問, 調整 …) about this placement.
CREATE TABLE participation_host_support (
  municipality_id uuid NOT NULL,
  note_id uuid NOT NULL,
  placement_id uuid NOT NULL,
  supported_on date NOT NULL,
  kind text NOT NULL CHECK (kind IN ('visit', 'phone', 'advice', 'coordination', 'training', 'other')),
  note text NOT NULL,
  recorded_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, note_id),
  FOREIGN KEY (municipality_id, placement_id) REFERENCES participation_placement (municipality_id, placement_id),
  FOREIGN KEY (municipality_id, recorded_by_user_id) REFERENCES app_user (municipality_id, user_id)
);
CREATE INDEX participation_host_support_by_placement ON participation_host_support (municipality_id, placement_id, supported_on);
