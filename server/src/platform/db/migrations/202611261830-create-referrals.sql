-- つなぐ (referral), closed loop (DOMAIN.md §5): draft → requested → accepted | rejected →
-- in_progress ↔ on_hold → completed | failed, or cancelled by the sender. Every state change is
-- kept in referral_event; only the records the sender selected are shared (referral_attachment).

CREATE TABLE referral (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  referral_id uuid NOT NULL,
  from_agency_id uuid NOT NULL,
  to_agency_id uuid NOT NULL,
  person_id uuid,
  household_id uuid,
  case_id uuid,
  consultation_id uuid,
  reason text NOT NULL,
  urgency text NOT NULL DEFAULT 'normal' CHECK (urgency IN ('normal', 'urgent', 'emergency')),
  status text NOT NULL DEFAULT 'draft'
    CHECK (status IN ('draft', 'requested', 'accepted', 'rejected', 'in_progress', 'on_hold', 'completed', 'failed', 'cancelled')),
  -- 根拠: the person's consent (consent_id: the decision in force when sent) or a legal basis code.
  basis text NOT NULL CHECK (basis IN ('consent', 'legal')),
  legal_basis text,
  consent_id uuid,
  consent_consultation_id uuid,
  -- Sent although no consent covered the receiver: who, when, why (also in the audit log).
  override_reason text,
  override_by_user_id uuid,
  override_at timestamptz,
  reject_reason text CHECK (reject_reason IN ('not_eligible', 'no_capacity', 'person_declined', 'unreachable', 'other')),
  outcome_note text,
  need_met boolean,
  created_by_user_id uuid NOT NULL,
  requested_at timestamptz,
  responded_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, referral_id),
  FOREIGN KEY (municipality_id, from_agency_id) REFERENCES agency (municipality_id, agency_id),
  FOREIGN KEY (municipality_id, to_agency_id) REFERENCES agency (municipality_id, agency_id),
  FOREIGN KEY (municipality_id, person_id) REFERENCES person (municipality_id, person_id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, household_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES support_case (municipality_id, case_id),
  FOREIGN KEY (municipality_id, consultation_id) REFERENCES consultation (municipality_id, consultation_id),
  FOREIGN KEY (municipality_id, created_by_user_id) REFERENCES app_user (municipality_id, user_id),
  CHECK (from_agency_id <> to_agency_id),
  CHECK (person_id IS NOT NULL OR household_id IS NOT NULL),
  CHECK (basis <> 'legal' OR legal_basis IS NOT NULL),
  CHECK (status = 'draft' OR requested_at IS NOT NULL)
);
-- 受信 (inbox) and 送信 (outbox), newest first; the subject lookups serve the access facts.
CREATE INDEX referral_inbox ON referral (municipality_id, to_agency_id, status, requested_at DESC);
CREATE INDEX referral_outbox ON referral (municipality_id, from_agency_id, status, created_at DESC);
CREATE INDEX referral_by_person ON referral (municipality_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX referral_by_household ON referral (municipality_id, household_id) WHERE household_id IS NOT NULL;
CREATE INDEX referral_by_case ON referral (municipality_id, case_id) WHERE case_id IS NOT NULL;

CREATE TABLE referral_attachment (
  municipality_id uuid NOT NULL,
  referral_id uuid NOT NULL,
  record_kind text NOT NULL CHECK (record_kind IN ('consultation', 'progress_note', 'assessment')),
  record_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, referral_id, record_kind, record_id),
  FOREIGN KEY (municipality_id, referral_id) REFERENCES referral (municipality_id, referral_id)
);
CREATE INDEX referral_attachment_by_record ON referral_attachment (municipality_id, record_kind, record_id);

CREATE TABLE referral_event (
  municipality_id uuid NOT NULL,
  referral_id uuid NOT NULL,
  seq integer NOT NULL,
  from_status text,
  to_status text NOT NULL,
  at timestamptz NOT NULL,
  by_user_id uuid NOT NULL,
  by_agency_id uuid NOT NULL,
  note text,
  PRIMARY KEY (municipality_id, referral_id, seq),
  FOREIGN KEY (municipality_id, referral_id) REFERENCES referral (municipality_id, referral_id)
);

-- Municipal configuration: answer expected within N working days; "no contact" after M days.
CREATE TABLE referral_setting (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  alert_working_days integer NOT NULL DEFAULT 3 CHECK (alert_working_days BETWEEN 1 AND 60),
  no_contact_days integer NOT NULL DEFAULT 30 CHECK (no_contact_days BETWEEN 1 AND 365),
  updated_by_user_id uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id)
);

-- A progress note written by a referral's receiver names the referral it belongs to.
ALTER TABLE progress_note
  ADD CONSTRAINT progress_note_referral_fk FOREIGN KEY (municipality_id, referral_id) REFERENCES referral (municipality_id, referral_id);
