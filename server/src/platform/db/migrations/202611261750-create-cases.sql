-- ケース (a household's support episode) with exactly one lead agency (主担当) while open.
-- The lead is a NOT NULL column, so "exactly one" holds by construction; changing it is a
-- transfer the receiving agency must accept, and every lead period is kept in case_lead_period.

CREATE TABLE support_case (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  case_id uuid NOT NULL,
  household_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  lead_agency_id uuid NOT NULL,
  opened_on date NOT NULL,
  opened_by_user_id uuid NOT NULL,
  opening_note text,
  closed_on date,
  close_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id, case_id),
  FOREIGN KEY (municipality_id, household_id) REFERENCES household (municipality_id, household_id),
  FOREIGN KEY (municipality_id, lead_agency_id) REFERENCES agency (municipality_id, agency_id),
  FOREIGN KEY (municipality_id, opened_by_user_id) REFERENCES app_user (municipality_id, user_id),
  CHECK ((status = 'open' AND closed_on IS NULL) OR (status = 'closed' AND closed_on IS NOT NULL AND close_reason IS NOT NULL))
);
CREATE UNIQUE INDEX support_case_one_open_per_household ON support_case (municipality_id, household_id) WHERE status = 'open';
CREATE INDEX support_case_by_lead ON support_case (municipality_id, lead_agency_id) WHERE status = 'open';

CREATE TABLE case_lead_period (
  municipality_id uuid NOT NULL,
  case_id uuid NOT NULL,
  agency_id uuid NOT NULL,
  started_at timestamptz NOT NULL,
  ended_at timestamptz,
  PRIMARY KEY (municipality_id, case_id, started_at),
  FOREIGN KEY (municipality_id, case_id) REFERENCES support_case (municipality_id, case_id)
);

CREATE TABLE case_lead_transfer (
  municipality_id uuid NOT NULL,
  transfer_id uuid NOT NULL,
  case_id uuid NOT NULL,
  from_agency_id uuid NOT NULL,
  to_agency_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'accepted', 'declined', 'cancelled')),
  reason text NOT NULL,
  requested_by_user_id uuid NOT NULL,
  requested_at timestamptz NOT NULL,
  decided_by_user_id uuid,
  decided_at timestamptz,
  decline_reason text,
  PRIMARY KEY (municipality_id, transfer_id),
  FOREIGN KEY (municipality_id, case_id) REFERENCES support_case (municipality_id, case_id),
  FOREIGN KEY (municipality_id, to_agency_id) REFERENCES agency (municipality_id, agency_id),
  CHECK (from_agency_id <> to_agency_id)
);
CREATE UNIQUE INDEX case_lead_transfer_one_pending ON case_lead_transfer (municipality_id, case_id) WHERE status = 'requested';
CREATE INDEX case_lead_transfer_inbox ON case_lead_transfer (municipality_id, to_agency_id) WHERE status = 'requested';
