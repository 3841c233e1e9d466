-- 本人検索の可視性キー: which agencies may find a person through their own relationship with them —
-- the registering agency, the registering agency of the household the person currently lives in, the
-- 主担当 (lead) of that household's open case, and the agencies currently on that case's 支援チーム.
-- It is the own-agency part of the access policy's person facts (consultation/person.repo.ts,
-- collaboration/collaboration-facts.ts) kept as rows, so that 本人検索 checks visibility with one
-- primary-key probe per candidate instead of joining households, cases and teams for every person it
-- walks past (consultation/person.visibility.ts). Referrals stay out: they depend on today's date
-- (consent validity) and are checked at query time.
--
-- The rows are derived, never written by application code: statement triggers on person,
-- household_membership, household, support_case and support_team_member recompute the rows of every
-- person a change touches, in the same statement and transaction, from the same definition
-- (person_visibility_rows). Concurrent writers touching the same household or person are serialised by
-- transaction advisory locks (256 buckets per kind, taken in order) so that a refresh always reads
-- what the other committed. Change the policy's person facts, person_visibility_rows and
-- person.visibility.ts together; person-visibility.int.test.ts compares the table with a full
-- recomputation after every kind of change.

CREATE TABLE person_visibility (
  municipality_id uuid NOT NULL,
  person_id uuid NOT NULL,
  agency_id uuid NOT NULL,
  PRIMARY KEY (municipality_id, person_id, agency_id)
);

-- The definition: (person, agency) pairs for the given persons, from the current state of the tables.
CREATE FUNCTION person_visibility_rows(ms uuid[], ps uuid[])
RETURNS TABLE (municipality_id uuid, person_id uuid, agency_id uuid) LANGUAGE sql STABLE AS $$
  WITH a AS (SELECT DISTINCT x.m, x.p FROM unnest(ms, ps) AS x(m, p)),
  cur AS (
    SELECT hm.municipality_id, hm.person_id, hm.household_id
    FROM a JOIN household_membership hm ON hm.municipality_id = a.m AND hm.person_id = a.p AND hm.left_on IS NULL
  )
  SELECT DISTINCT s.municipality_id, s.person_id, s.agency_id FROM (
    SELECT p.municipality_id, p.person_id, p.registered_by_agency_id AS agency_id
    FROM a JOIN person p ON p.municipality_id = a.m AND p.person_id = a.p
    UNION ALL
    SELECT cur.municipality_id, cur.person_id, h.registered_by_agency_id
    FROM cur JOIN household h ON h.municipality_id = cur.municipality_id AND h.household_id = cur.household_id
    UNION ALL
    SELECT cur.municipality_id, cur.person_id, c.lead_agency_id
    FROM cur JOIN support_case c ON c.municipality_id = cur.municipality_id AND c.household_id = cur.household_id AND c.status = 'open'
    UNION ALL
    SELECT cur.municipality_id, cur.person_id, t.agency_id
    FROM cur
    JOIN support_case c ON c.municipality_id = cur.municipality_id AND c.household_id = cur.household_id AND c.status = 'open'
    JOIN support_team_member t ON t.municipality_id = c.municipality_id AND t.case_id = c.case_id AND t.left_on IS NULL AND t.agency_id IS NOT NULL
  ) s
$$;

-- Serialises refreshes that read the same households / persons (bucketed so that a bulk load holds at
-- most 256 locks of each kind; in bucket order, households before persons, to avoid deadlocks).
CREATE FUNCTION person_visibility_lock(kind integer, ids uuid[]) RETURNS void LANGUAGE sql VOLATILE AS $$
  SELECT count(pg_advisory_xact_lock(kind, b.bucket))::integer * 0
  FROM (SELECT DISTINCT hashtext(x::text) & 255 AS bucket FROM unnest(ids) AS x ORDER BY 1) b;
$$;

-- `take_locks` is false only for persons being inserted (no other transaction can see them yet).
CREATE FUNCTION person_visibility_refresh(ms uuid[], ps uuid[], take_locks boolean) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF coalesce(array_length(ps, 1), 0) = 0 THEN
    RETURN;
  END IF;
  IF take_locks THEN
    PERFORM person_visibility_lock(73012, ps);
  END IF;
  -- Each statement below reads with a fresh snapshot (READ COMMITTED), after the locks are held.
  DELETE FROM person_visibility v USING unnest(ms, ps) AS x(m, p)
  WHERE v.municipality_id = x.m AND v.person_id = x.p;
  INSERT INTO person_visibility (municipality_id, person_id, agency_id)
  SELECT r.municipality_id, r.person_id, r.agency_id FROM person_visibility_rows(ms, ps) r
  ON CONFLICT DO NOTHING;
END;
$$;

-- Refreshes the current members of the given households (a household's, case's or team's change).
CREATE FUNCTION person_visibility_refresh_households(ms uuid[], hs uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  members_m uuid[];
  members_p uuid[];
BEGIN
  IF coalesce(array_length(hs, 1), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM person_visibility_lock(73011, hs);
  -- Planned for these very arrays (EXECUTE): the generator loads with the household index dropped,
  -- and a plan made for "about 10 households" would then read the whole table once per household.
  -- A person of another municipality's household of the same id would only be refreshed needlessly.
  EXECUTE 'SELECT array_agg(hm.municipality_id), array_agg(hm.person_id) FROM household_membership hm
           WHERE hm.municipality_id = ANY ($1) AND hm.household_id = ANY ($2) AND hm.left_on IS NULL'
    INTO members_m, members_p USING ms, hs;
  PERFORM person_visibility_refresh(members_m, members_p, true);
END;
$$;

CREATE FUNCTION person_visibility_on_person() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ms uuid[];
  ps uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.municipality_id), array_agg(n.person_id) INTO ms, ps FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(n.municipality_id), array_agg(n.person_id) INTO ms, ps
    FROM new_rows n JOIN old_rows o ON o.municipality_id = n.municipality_id AND o.person_id = n.person_id
    WHERE n.registered_by_agency_id IS DISTINCT FROM o.registered_by_agency_id;
  ELSE
    SELECT array_agg(o.municipality_id), array_agg(o.person_id) INTO ms, ps FROM old_rows o;
  END IF;
  PERFORM person_visibility_refresh(ms, ps, TG_OP <> 'INSERT');
  RETURN NULL;
END;
$$;

CREATE FUNCTION person_visibility_on_membership() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ms uuid[];
  hs uuid[];
  ps uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(r.municipality_id), array_agg(r.household_id), array_agg(r.person_id) INTO ms, hs, ps FROM new_rows r;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(r.municipality_id), array_agg(r.household_id), array_agg(r.person_id) INTO ms, hs, ps
    FROM (SELECT n.municipality_id, n.household_id, n.person_id FROM new_rows n
          UNION ALL SELECT o.municipality_id, o.household_id, o.person_id FROM old_rows o) r;
  ELSE
    SELECT array_agg(r.municipality_id), array_agg(r.household_id), array_agg(r.person_id) INTO ms, hs, ps FROM old_rows r;
  END IF;
  IF hs IS NOT NULL THEN
    PERFORM person_visibility_lock(73011, hs);
  END IF;
  PERFORM person_visibility_refresh(ms, ps, true);
  RETURN NULL;
END;
$$;

CREATE FUNCTION person_visibility_on_household() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ms uuid[];
  hs uuid[];
BEGIN
  -- A new household has no members yet; a household with members cannot be deleted (foreign key).
  SELECT array_agg(n.municipality_id), array_agg(n.household_id) INTO ms, hs
  FROM new_rows n JOIN old_rows o ON o.municipality_id = n.municipality_id AND o.household_id = n.household_id
  WHERE n.registered_by_agency_id IS DISTINCT FROM o.registered_by_agency_id;
  PERFORM person_visibility_refresh_households(ms, hs);
  RETURN NULL;
END;
$$;

CREATE FUNCTION person_visibility_on_case() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ms uuid[];
  hs uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.municipality_id), array_agg(n.household_id) INTO ms, hs FROM new_rows n WHERE n.status = 'open';
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(r.municipality_id), array_agg(r.household_id) INTO ms, hs
    FROM new_rows n JOIN old_rows o ON o.municipality_id = n.municipality_id AND o.case_id = n.case_id
    CROSS JOIN LATERAL (VALUES (n.municipality_id, n.household_id), (o.municipality_id, o.household_id)) AS r(municipality_id, household_id)
    WHERE n.status IS DISTINCT FROM o.status OR n.lead_agency_id IS DISTINCT FROM o.lead_agency_id OR n.household_id IS DISTINCT FROM o.household_id;
  ELSE
    SELECT array_agg(o.municipality_id), array_agg(o.household_id) INTO ms, hs FROM old_rows o WHERE o.status = 'open';
  END IF;
  PERFORM person_visibility_refresh_households(ms, hs);
  RETURN NULL;
END;
$$;

CREATE FUNCTION person_visibility_on_team() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ms uuid[];
  hs uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(c.municipality_id), array_agg(c.household_id) INTO ms, hs
    FROM support_case c JOIN (SELECT DISTINCT n.municipality_id, n.case_id FROM new_rows n WHERE n.agency_id IS NOT NULL) r
      ON c.municipality_id = r.municipality_id AND c.case_id = r.case_id;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(c.municipality_id), array_agg(c.household_id) INTO ms, hs
    FROM support_case c JOIN (
      SELECT n.municipality_id, n.case_id FROM new_rows n WHERE n.agency_id IS NOT NULL
      UNION SELECT o.municipality_id, o.case_id FROM old_rows o WHERE o.agency_id IS NOT NULL) r
      ON c.municipality_id = r.municipality_id AND c.case_id = r.case_id;
  ELSE
    SELECT array_agg(c.municipality_id), array_agg(c.household_id) INTO ms, hs
    FROM support_case c JOIN (SELECT DISTINCT o.municipality_id, o.case_id FROM old_rows o WHERE o.agency_id IS NOT NULL) r
      ON c.municipality_id = r.municipality_id AND c.case_id = r.case_id;
  END IF;
  PERFORM person_visibility_refresh_households(ms, hs);
  RETURN NULL;
END;
$$;

CREATE TRIGGER person_visibility_person_insert AFTER INSERT ON person
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_visibility_on_person();
CREATE TRIGGER person_visibility_person_update AFTER UPDATE ON person
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_visibility_on_person();
CREATE TRIGGER person_visibility_person_delete AFTER DELETE ON person
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_visibility_on_person();

CREATE TRIGGER person_visibility_membership_insert AFTER INSERT ON household_membership
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_visibility_on_membership();
CREATE TRIGGER person_visibility_membership_update AFTER UPDATE ON household_membership
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_visibility_on_membership();
CREATE TRIGGER person_visibility_membership_delete AFTER DELETE ON household_membership
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_visibility_on_membership();

CREATE TRIGGER person_visibility_household_update AFTER UPDATE ON household
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_visibility_on_household();

CREATE TRIGGER person_visibility_case_insert AFTER INSERT ON support_case
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_visibility_on_case();
CREATE TRIGGER person_visibility_case_update AFTER UPDATE ON support_case
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_visibility_on_case();
CREATE TRIGGER person_visibility_case_delete AFTER DELETE ON support_case
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_visibility_on_case();

CREATE TRIGGER person_visibility_team_insert AFTER INSERT ON support_team_member
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_visibility_on_team();
CREATE TRIGGER person_visibility_team_update AFTER UPDATE ON support_team_member
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_visibility_on_team();
CREATE TRIGGER person_visibility_team_delete AFTER DELETE ON support_team_member
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_visibility_on_team();

-- Only the triggers above write the table: a row inserted directly (e.g. by a restore, which loads
-- every table) is dropped — the triggers have already derived it from the restored records — and a
-- direct update or delete is refused.
CREATE FUNCTION person_visibility_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_trigger_depth() > 1 THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF TG_OP = 'INSERT' THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'person_visibility is derived from persons, households, cases and teams (%)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

-- Existing records, once (set-based; the guard is created after).
INSERT INTO person_visibility (municipality_id, person_id, agency_id)
SELECT p.municipality_id, p.person_id, p.registered_by_agency_id FROM person p
UNION
SELECT hm.municipality_id, hm.person_id, h.registered_by_agency_id
FROM household_membership hm JOIN household h ON h.municipality_id = hm.municipality_id AND h.household_id = hm.household_id
WHERE hm.left_on IS NULL
UNION
SELECT hm.municipality_id, hm.person_id, c.lead_agency_id
FROM household_membership hm JOIN support_case c ON c.municipality_id = hm.municipality_id AND c.household_id = hm.household_id AND c.status = 'open'
WHERE hm.left_on IS NULL
UNION
SELECT hm.municipality_id, hm.person_id, t.agency_id
FROM household_membership hm
JOIN support_case c ON c.municipality_id = hm.municipality_id AND c.household_id = hm.household_id AND c.status = 'open'
JOIN support_team_member t ON t.municipality_id = c.municipality_id AND t.case_id = c.case_id AND t.left_on IS NULL AND t.agency_id IS NOT NULL
WHERE hm.left_on IS NULL;

CREATE TRIGGER person_visibility_derived_only BEFORE INSERT OR UPDATE OR DELETE ON person_visibility
  FOR EACH ROW EXECUTE FUNCTION person_visibility_guard();

-- 本人検索 walks the name (or reading) key in order and stops after a page of visible persons; with
-- person_id in the index the order (key, person_id) comes from the index alone, so the scan stops
-- early instead of reading every holder of a common surname and sorting them. These replace the
-- prefix indexes of 202611261700 (a prefix LIKE uses them the same way).
CREATE INDEX person_name_key_order ON person (municipality_id, name_key text_pattern_ops, person_id);
CREATE INDEX person_kana_key_order ON person (municipality_id, kana_key text_pattern_ops, person_id);
DROP INDEX person_name_key_prefix;
DROP INDEX person_kana_key_prefix;
