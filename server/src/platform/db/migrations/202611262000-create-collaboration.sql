-- 多機関協働 (issue 4): the coordinator's involvement in a case (関与開始/関与終結), the support team
-- (支援チーム) around a household's case, support plans (支援プラン) with versions and evaluations,
-- meeting types as configuration and meetings (支援会議 / 重層的支援会議) with agenda, confidentiality
-- acknowledgements, information requests, minutes and decisions.

CREATE TABLE coordination_episode (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  episode_id uuid NOT NULL,
  case_id uuid NOT NULL,
  requested_by_agency_id uuid NOT NULL,
  requested_by_user_id uuid NOT NULL,
  request_reason text NOT NULL,
  requested_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'active', 'declined', 'cancelled', 'ended')),
  coordinator_agency_id uuid,
  coordinator_user_id uuid,
  decline_reason text,
  started_on date,            -- 関与開始
  ended_on date,              -- 関与終結
  end_summary text,
  handover_lead_agency_id uuid,  -- the lead named for ongoing support
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, episode_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES support_case (municipality_id, case_id),
  FOREIGN KEY (municipality_id, requested_by_agency_id) REFERENCES agency (municipality_id, agency_id),
  FOREIGN KEY (municipality_id, coordinator_agency_id) REFERENCES agency (municipality_id, agency_id),
  FOREIGN KEY (municipality_id, handover_lead_agency_id) REFERENCES agency (municipality_id, agency_id),
  CHECK (status <> 'active' OR (coordinator_agency_id IS NOT NULL AND started_on IS NOT NULL)),
  CHECK (status <> 'ended' OR (ended_on IS NOT NULL AND handover_lead_agency_id IS NOT NULL))
);
-- At most one open (requested or active) involvement per case.
CREATE UNIQUE INDEX coordination_episode_one_open ON coordination_episode (municipality_id, case_id) WHERE status IN ('requested', 'active');

CREATE TABLE support_team_member (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  team_member_id uuid NOT NULL,
  case_id uuid NOT NULL,
  member_kind text NOT NULL CHECK (member_kind IN ('agency', 'resource')),
  agency_id uuid,
  resource_name text,          -- 地域資源 not yet in the directory (issue 5 links resource ids)
  role text NOT NULL,          -- 役割
  contact_person text,
  contact_phone text,
  joined_on date NOT NULL,
  left_on date,
  added_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, team_member_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES support_case (municipality_id, case_id),
  FOREIGN KEY (municipality_id, agency_id) REFERENCES agency (municipality_id, agency_id),
  CHECK ((member_kind = 'agency' AND agency_id IS NOT NULL) OR (member_kind = 'resource' AND resource_name IS NOT NULL))
);
CREATE UNIQUE INDEX support_team_one_current_agency ON support_team_member (municipality_id, case_id, agency_id) WHERE left_on IS NULL AND agency_id IS NOT NULL;
CREATE INDEX support_team_by_agency ON support_team_member (municipality_id, agency_id) WHERE left_on IS NULL;

CREATE TABLE meeting_type (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  meeting_type_id uuid NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  legal_basis text NOT NULL,
  convened_by text NOT NULL,              -- e.g. '市町村', '多機関協働事業者'
  member_agency_ids uuid[] NOT NULL DEFAULT '{}',
  consent_required boolean NOT NULL,
  closed_to_public boolean NOT NULL,
  copied_from_code text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, meeting_type_id),
  UNIQUE (municipality_id, code)
);

CREATE TABLE meeting (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  meeting_id uuid NOT NULL,
  meeting_type_id uuid NOT NULL,
  title text NOT NULL,
  scheduled_at timestamptz NOT NULL,
  place text,
  convened_by_agency_id uuid NOT NULL,
  chair_user_id uuid,
  status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'open', 'closed')),
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, meeting_id),
  FOREIGN KEY (municipality_id, meeting_type_id) REFERENCES meeting_type (municipality_id, meeting_type_id),
  FOREIGN KEY (municipality_id, convened_by_agency_id) REFERENCES agency (municipality_id, agency_id)
);
CREATE INDEX meeting_by_date ON meeting (municipality_id, scheduled_at DESC);

CREATE TABLE meeting_member (
  municipality_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  agency_id uuid NOT NULL,
  user_id uuid,                 -- null: the agency as a whole
  attended boolean,
  PRIMARY KEY (municipality_id, meeting_id, agency_id),
  FOREIGN KEY (municipality_id, meeting_id) REFERENCES meeting (municipality_id, meeting_id),
  FOREIGN KEY (municipality_id, agency_id) REFERENCES agency (municipality_id, agency_id)
);
CREATE INDEX meeting_member_by_agency ON meeting_member (municipality_id, agency_id);

-- 守秘義務の確認: one row per member user; kept forever (append-only by use).
CREATE TABLE meeting_acknowledgement (
  municipality_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  user_id uuid NOT NULL,
  acknowledged_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, meeting_id, user_id),
  FOREIGN KEY (municipality_id, meeting_id) REFERENCES meeting (municipality_id, meeting_id)
);

CREATE TABLE meeting_agenda_item (
  municipality_id uuid NOT NULL,
  agenda_item_id uuid NOT NULL,
  meeting_id uuid NOT NULL,
  case_id uuid NOT NULL,
  -- 'consent': the consent in force (consent_id) when placed; 'statutory': e.g. 社会福祉法106条の6.
  basis text NOT NULL CHECK (basis IN ('consent', 'statutory')),
  consent_id uuid,
  consent_consultation_id uuid,
  legal_basis text,
  purpose text,
  minutes text,
  decision text CHECK (decision IN ('plan_approved', 'evaluated', 'closed', 'suspended', 'resource_gap', 'continued')),
  decision_note text,
  plan_id uuid,
  plan_version integer,
  added_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, agenda_item_id),
  FOREIGN KEY (municipality_id, meeting_id) REFERENCES meeting (municipality_id, meeting_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES support_case (municipality_id, case_id),
  UNIQUE (municipality_id, meeting_id, case_id),
  CHECK (basis <> 'consent' OR consent_id IS NOT NULL),
  CHECK (basis <> 'statutory' OR legal_basis IS NOT NULL)
);
CREATE INDEX meeting_agenda_by_case ON meeting_agenda_item (municipality_id, case_id);

CREATE TABLE meeting_info_request (
  municipality_id uuid NOT NULL,
  info_request_id uuid NOT NULL,
  agenda_item_id uuid NOT NULL,
  to_agency_id uuid NOT NULL,
  question text NOT NULL,
  answer text,
  answered_by_user_id uuid,
  answered_at timestamptz,
  requested_by_user_id uuid NOT NULL,
  requested_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, info_request_id),
  FOREIGN KEY (municipality_id, agenda_item_id) REFERENCES meeting_agenda_item (municipality_id, agenda_item_id),
  FOREIGN KEY (municipality_id, to_agency_id) REFERENCES agency (municipality_id, agency_id)
);

CREATE TABLE support_plan (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  plan_id uuid NOT NULL,
  case_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed', 'suspended', 'superseded')),
  current_version integer NOT NULL DEFAULT 1,
  outcome_reason text,         -- 終結 / 中断 の理由
  outcome_on date,
  replaces_plan_id uuid,       -- 再プラン
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, plan_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES support_case (municipality_id, case_id)
);
CREATE UNIQUE INDEX support_plan_one_active ON support_plan (municipality_id, case_id) WHERE status = 'active';

-- Every change makes a new version; content is never updated (JSON, validated in code); only the
-- approval (approved_meeting_id, approved_on) is set once, by the approving meeting's decision.
CREATE TABLE support_plan_version (
  municipality_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  version_no integer NOT NULL,
  content jsonb NOT NULL,
  next_review_on date,
  approved_meeting_id uuid,
  approved_on date,
  change_note text,
  created_by_user_id uuid NOT NULL,
  created_by_agency_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, plan_id, version_no),
  FOREIGN KEY (municipality_id, plan_id) REFERENCES support_plan (municipality_id, plan_id),
  FOREIGN KEY (municipality_id, approved_meeting_id) REFERENCES meeting (municipality_id, meeting_id)
);
CREATE INDEX support_plan_version_review ON support_plan_version (municipality_id, next_review_on);

-- Actions per agency with owner and due date, one row per action of a version (for reminders).
CREATE TABLE support_plan_action (
  municipality_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  version_no integer NOT NULL,
  action_no integer NOT NULL,
  agency_id uuid NOT NULL,
  owner_name text,
  description text NOT NULL,
  due_on date,
  done_on date,
  PRIMARY KEY (municipality_id, plan_id, version_no, action_no),
  FOREIGN KEY (municipality_id, plan_id, version_no) REFERENCES support_plan_version (municipality_id, plan_id, version_no),
  FOREIGN KEY (municipality_id, agency_id) REFERENCES agency (municipality_id, agency_id)
);
CREATE INDEX support_plan_action_due ON support_plan_action (municipality_id, agency_id, due_on) WHERE done_on IS NULL;

CREATE TABLE support_plan_evaluation (
  municipality_id uuid NOT NULL,
  evaluation_id uuid NOT NULL,
  plan_id uuid NOT NULL,
  version_no integer NOT NULL,
  evaluated_on date NOT NULL,
  goals jsonb NOT NULL,         -- [{ goalId, progress (経過), result (成果) }]
  summary text,
  meeting_id uuid,
  created_by_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL,
  PRIMARY KEY (municipality_id, evaluation_id),
  FOREIGN KEY (municipality_id, plan_id, version_no) REFERENCES support_plan_version (municipality_id, plan_id, version_no),
  FOREIGN KEY (municipality_id, meeting_id) REFERENCES meeting (municipality_id, meeting_id)
);
