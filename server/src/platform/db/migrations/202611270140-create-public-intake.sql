-- 住民のオンライン相談 (public consultation form, no sign-in). A submission becomes an ordinary
-- consultation (route 'online', already allowed by consultation_route's CHECK) in the queue of the
-- agency the municipality designates; public_submission keeps what abuse control and the resident's
-- 受付番号 need, and nothing the resident wrote.

-- One row per municipality: which agency receives online consultations, whether the form is open,
-- and the system user recorded as receiver of the consultation and recorder of the consent
-- (consultation.received_by_user_id and consent.recorded_by_user_id are NOT NULL). That user is a
-- disabled account with no role and no agency: it can neither sign in nor see anything.
CREATE TABLE public_intake_setting (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  enabled boolean NOT NULL DEFAULT true,
  designated_agency_id uuid NOT NULL,
  system_user_id uuid NOT NULL,
  updated_by_user_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (municipality_id),
  FOREIGN KEY (municipality_id, designated_agency_id) REFERENCES agency (municipality_id, agency_id),
  FOREIGN KEY (municipality_id, system_user_id) REFERENCES app_user (municipality_id, user_id)
);

-- Written once per accepted submission, never edited. client_hash is an HMAC of the client address
-- and the Japan calendar day (server secret): it counts one address's submissions per day and cannot
-- be turned back into an address or linked across days. form_nonce makes each form token single-use.
CREATE TABLE public_submission (
  municipality_id uuid NOT NULL REFERENCES municipality (municipality_id),
  submission_id uuid NOT NULL,
  reference_number text NOT NULL CHECK (reference_number ~ '^W-[0-9]{4}-[0-9A-Z]{4}$'),
  received_at timestamptz NOT NULL,
  language text NOT NULL CHECK (language IN ('ja-easy', 'en')),
  client_hash text NOT NULL,
  form_nonce text NOT NULL,
  consultation_id uuid NOT NULL,
  agency_id uuid NOT NULL,
  contact_method text NOT NULL CHECK (contact_method IN ('phone', 'email', 'none')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (municipality_id, submission_id),
  FOREIGN KEY (municipality_id, consultation_id) REFERENCES consultation (municipality_id, consultation_id),
  FOREIGN KEY (municipality_id, agency_id) REFERENCES agency (municipality_id, agency_id)
);
CREATE UNIQUE INDEX public_submission_reference ON public_submission (municipality_id, reference_number);
CREATE UNIQUE INDEX public_submission_form_nonce ON public_submission (municipality_id, form_nonce);
CREATE UNIQUE INDEX public_submission_consultation ON public_submission (municipality_id, consultation_id);
CREATE INDEX public_submission_by_client ON public_submission (municipality_id, client_hash);
