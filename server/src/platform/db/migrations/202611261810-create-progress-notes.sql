-- 支援経過記録 (progress notes): dated entries on a household case, by kind, written by a worker
-- of an agency. The chronological list (経過一覧) reads them by case and date.
-- referral_id has no foreign key yet: the referral table arrives in a later migration, which adds it.

CREATE TABLE progress_note (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  progress_note_id uuid NOT NULL,
  case_id uuid NOT NULL,
  person_id uuid,
  author_agency_id uuid NOT NULL,
  author_user_id uuid NOT NULL,
  referral_id uuid,
  occurred_on date NOT NULL,
  occurred_time text CHECK (occurred_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  -- 面談, 電話, 訪問, 同行, メール, 会議, 連絡調整
  kind text NOT NULL CHECK (kind IN ('interview', 'phone', 'visit', 'accompany', 'email', 'meeting', 'coordination')),
  subject text NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 10000),
  next_action text CHECK (char_length(next_action) <= 2000),
  next_action_due date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, progress_note_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES support_case (municipality_id, case_id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, person_id),
  FOREIGN KEY (municipality_id, author_agency_id) REFERENCES agency (municipality_id, agency_id),
  FOREIGN KEY (municipality_id, author_user_id) REFERENCES app_user (municipality_id, user_id)
);
CREATE INDEX progress_note_case_timeline ON progress_note (municipality_id, case_id, occurred_on DESC, progress_note_id);
CREATE INDEX progress_note_by_author_agency ON progress_note (municipality_id, author_agency_id);
