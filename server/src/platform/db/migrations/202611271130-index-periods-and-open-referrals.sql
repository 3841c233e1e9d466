-- 見える化 at city scale: the dashboard counts one 年度 or month of records per table. Each of these
-- indexes leads with the day (or instant) of the record after the municipality and carries the columns
-- the counts filter on, so a period is an index range read without visiting the table.
CREATE INDEX consultation_by_day ON consultation (municipality_id, received_on) INCLUDE (receiving_agency_id, person_id, categories);
CREATE INDEX progress_note_by_day ON progress_note (municipality_id, occurred_on) INCLUDE (author_agency_id, case_id, kind);
CREATE INDEX support_case_by_opened ON support_case (municipality_id, opened_on) INCLUDE (lead_agency_id, household_id, closed_on);
CREATE INDEX contact_attempt_by_time ON contact_attempt (municipality_id, occurred_at) INCLUDE (lead_id);
CREATE INDEX support_plan_version_by_created ON support_plan_version (municipality_id, created_at) INCLUDE (created_by_agency_id, plan_id, version_no);
CREATE INDEX support_plan_evaluation_by_day ON support_plan_evaluation (municipality_id, evaluated_on) INCLUDE (plan_id);

-- A household's first consultation (days to 主担当 and plan) and the households a consultation counts
-- for (co-occurrence of concerns) go from household to members to consultations and back: both
-- directions are answered from the indexes alone.
DROP INDEX consultation_by_person;
CREATE INDEX consultation_by_person ON consultation (municipality_id, person_id, received_on) WHERE person_id IS NOT NULL;
DROP INDEX household_membership_by_household;
CREATE INDEX household_membership_by_household ON household_membership (municipality_id, household_id) INCLUDE (person_id, left_on);
CREATE INDEX household_membership_by_person ON household_membership (municipality_id, person_id) INCLUDE (household_id, left_on);

-- つなぐ 受信/送信 lists (open referrals of one's agency, newest request first, 100 at a time): in
-- request order for each agency, so the list stops after 100 entries instead of sorting every open
-- referral the agency ever had. The predicate is the lists' OPEN_STATUSES (referral-states.ts).
CREATE INDEX referral_inbox_open ON referral (municipality_id, to_agency_id, requested_at DESC, created_at DESC)
  WHERE status IN ('draft', 'requested', 'accepted', 'in_progress', 'on_hold');
CREATE INDEX referral_outbox_open ON referral (municipality_id, from_agency_id, requested_at DESC, created_at DESC)
  WHERE status IN ('draft', 'requested', 'accepted', 'in_progress', 'on_hold');
