-- 本人検索: persons the actor's agencies may find through an open referral are one set per search
-- (referral/referral-facts.ts referredPersonVisibleTo): the open referrals to those agencies, each with
-- its consent's latest record. A 包括 centre of a million-person city has ~1,350 of them, and that set was
-- about half of a surname search (7 ms of 14). Both indexes now answer it alone, without reading the
-- tables or sorting each consultation's consents: ~3 ms.
DROP INDEX referral_inbox;
CREATE INDEX referral_inbox ON referral (municipality_id, to_agency_id, status, requested_at DESC)
  INCLUDE (person_id, household_id, consent_consultation_id);

DROP INDEX consent_by_consultation;
CREATE INDEX consent_by_consultation ON consent (municipality_id, consultation_id, recorded_at DESC, consent_id DESC)
  INCLUDE (status, valid_until, agency_scope);
