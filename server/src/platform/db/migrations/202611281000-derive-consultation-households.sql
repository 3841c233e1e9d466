-- 見える化 (analytics) reads consultations by household: co-occurrence of concerns counts households, and
-- the time to a first owner starts at the household's first consultation. Joining a 年度's consultations
-- with every household membership took most of a second at a million persons, on every dashboard view.
-- These two tables keep that join as rows (pre-aggregation), so the dashboard reads them by day or by
-- household instead:
--
-- consultation_household: one row per consultation of a person and per household the person is or was
--   a member of (any membership, as the time to a first owner counts it), with `member_then` when the
--   person had not left that household before the consultation was received (as co-occurrence counts it).
-- household_first_consultation: per household, the day of the first consultation of any person who is or
--   was its member.
--
-- The rows are derived, never written by application code: statement triggers on consultation and
-- household_membership recompute the rows of every person a change touches, and then the first
-- consultation of every household those rows name, in the same statement and transaction (never stale).
-- Concurrent writers touching the same persons or households are serialised by transaction advisory
-- locks in buckets (person_visibility_lock, migration 202611271100; kinds 73013 for persons, then 73014
-- for households), so that a refresh reads what the other committed. The generator (which loads with
-- these triggers off) and this migration fill the tables set-based with analytics_rollup_rebuild.
-- consultation-households.int.test.ts compares both tables with a full recomputation after every kind
-- of change.

CREATE TABLE consultation_household (
  municipality_id uuid NOT NULL,
  person_id uuid NOT NULL,
  consultation_id uuid NOT NULL,
  household_id uuid NOT NULL,
  received_on date NOT NULL,
  receiving_agency_id uuid NOT NULL,
  categories text[] NOT NULL,
  member_then boolean NOT NULL,
  PRIMARY KEY (municipality_id, person_id, consultation_id, household_id)
);
-- Co-occurrence: a period's consultations by day, with what it groups and filters by (index-only).
CREATE INDEX consultation_household_by_day ON consultation_household (municipality_id, received_on)
  INCLUDE (receiving_agency_id, household_id, categories) WHERE member_then;
-- A household's first consultation (the refresh).
CREATE INDEX consultation_household_by_household ON consultation_household (municipality_id, household_id, received_on);

CREATE TABLE household_first_consultation (
  municipality_id uuid NOT NULL,
  household_id uuid NOT NULL,
  first_received_on date NOT NULL,
  PRIMARY KEY (municipality_id, household_id)
);

-- The definition of consultation_household (the refresh reads it for some persons, the rebuild for a
-- municipality; either way PostgreSQL plans it inline, by the consultation_by_person index or a scan).
CREATE VIEW consultation_household_definition AS
  SELECT c.municipality_id, c.person_id, c.consultation_id, m.household_id, c.received_on, c.receiving_agency_id,
         c.categories, (m.left_on IS NULL OR m.left_on > c.received_on) AS member_then
  FROM consultation c
  JOIN household_membership m ON m.municipality_id = c.municipality_id AND m.person_id = c.person_id
  WHERE c.person_id IS NOT NULL;

CREATE FUNCTION household_first_consultation_refresh(ms uuid[], hs uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF coalesce(array_length(hs, 1), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM person_visibility_lock(73014, hs);
  DELETE FROM household_first_consultation f USING unnest(ms, hs) AS x(m, h)
  WHERE f.municipality_id = x.m AND f.household_id = x.h;
  INSERT INTO household_first_consultation (municipality_id, household_id, first_received_on)
  SELECT ch.municipality_id, ch.household_id, min(ch.received_on)
  FROM (SELECT DISTINCT x.m, x.h FROM unnest(ms, hs) AS x(m, h)) a
  JOIN consultation_household ch ON ch.municipality_id = a.m AND ch.household_id = a.h
  GROUP BY ch.municipality_id, ch.household_id;
END;
$$;

CREATE FUNCTION consultation_household_refresh(ms uuid[], ps uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  hms uuid[];
  hhs uuid[];
BEGIN
  IF coalesce(array_length(ps, 1), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM person_visibility_lock(73013, ps);
  -- Each statement below reads with a fresh snapshot (READ COMMITTED), after the locks are held.
  -- The households whose first consultation may change: those the persons' rows named, and those the
  -- persons are members of now.
  SELECT array_agg(t.m), array_agg(t.h) INTO hms, hhs FROM (
    SELECT ch.municipality_id AS m, ch.household_id AS h
    FROM unnest(ms, ps) AS x(m, p) JOIN consultation_household ch ON ch.municipality_id = x.m AND ch.person_id = x.p
    UNION
    SELECT hm.municipality_id, hm.household_id
    FROM unnest(ms, ps) AS x(m, p) JOIN household_membership hm ON hm.municipality_id = x.m AND hm.person_id = x.p
  ) t;
  DELETE FROM consultation_household ch USING unnest(ms, ps) AS x(m, p)
  WHERE ch.municipality_id = x.m AND ch.person_id = x.p;
  INSERT INTO consultation_household (municipality_id, person_id, consultation_id, household_id, received_on, receiving_agency_id, categories, member_then)
  SELECT d.municipality_id, d.person_id, d.consultation_id, d.household_id, d.received_on, d.receiving_agency_id, d.categories, d.member_then
  FROM (SELECT DISTINCT x.m, x.p FROM unnest(ms, ps) AS x(m, p)) a
  JOIN consultation_household_definition d ON d.municipality_id = a.m AND d.person_id = a.p;
  PERFORM household_first_consultation_refresh(hms, hhs);
END;
$$;

CREATE FUNCTION consultation_household_on_consultation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ms uuid[];
  ps uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.municipality_id), array_agg(n.person_id) INTO ms, ps FROM new_rows n WHERE n.person_id IS NOT NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(r.municipality_id), array_agg(r.person_id) INTO ms, ps
    FROM new_rows n JOIN old_rows o ON o.municipality_id = n.municipality_id AND o.consultation_id = n.consultation_id
    CROSS JOIN LATERAL (VALUES (n.municipality_id, n.person_id), (o.municipality_id, o.person_id)) AS r(municipality_id, person_id)
    WHERE r.person_id IS NOT NULL
      AND (n.person_id IS DISTINCT FROM o.person_id OR n.received_on IS DISTINCT FROM o.received_on
           OR n.receiving_agency_id IS DISTINCT FROM o.receiving_agency_id OR n.categories IS DISTINCT FROM o.categories);
  ELSE
    SELECT array_agg(o.municipality_id), array_agg(o.person_id) INTO ms, ps FROM old_rows o WHERE o.person_id IS NOT NULL;
  END IF;
  PERFORM consultation_household_refresh(ms, ps);
  RETURN NULL;
END;
$$;

CREATE FUNCTION consultation_household_on_membership() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ms uuid[];
  ps uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.municipality_id), array_agg(n.person_id) INTO ms, ps FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(r.municipality_id), array_agg(r.person_id) INTO ms, ps
    FROM (SELECT n.municipality_id, n.person_id FROM new_rows n UNION SELECT o.municipality_id, o.person_id FROM old_rows o) r;
  ELSE
    SELECT array_agg(o.municipality_id), array_agg(o.person_id) INTO ms, ps FROM old_rows o;
  END IF;
  PERFORM consultation_household_refresh(ms, ps);
  RETURN NULL;
END;
$$;

-- Named after person_visibility_* so that, on a membership change, they fire after its triggers (in
-- name order) and the advisory locks are taken in one order: 73011, 73012, 73013, 73014.
CREATE TRIGGER rollup_consultation_insert AFTER INSERT ON consultation
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consultation_household_on_consultation();
CREATE TRIGGER rollup_consultation_update AFTER UPDATE ON consultation
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consultation_household_on_consultation();
CREATE TRIGGER rollup_consultation_delete AFTER DELETE ON consultation
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION consultation_household_on_consultation();

CREATE TRIGGER rollup_membership_insert AFTER INSERT ON household_membership
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consultation_household_on_membership();
CREATE TRIGGER rollup_membership_update AFTER UPDATE ON household_membership
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION consultation_household_on_membership();
CREATE TRIGGER rollup_membership_delete AFTER DELETE ON household_membership
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION consultation_household_on_membership();

-- Both tables of one municipality from scratch, set-based (after a bulk load with the triggers off).
CREATE FUNCTION analytics_rollup_rebuild(mid uuid) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  DELETE FROM household_first_consultation WHERE municipality_id = mid;
  DELETE FROM consultation_household WHERE municipality_id = mid;
  INSERT INTO consultation_household (municipality_id, person_id, consultation_id, household_id, received_on, receiving_agency_id, categories, member_then)
  SELECT * FROM consultation_household_definition WHERE municipality_id = mid;
  INSERT INTO household_first_consultation (municipality_id, household_id, first_received_on)
  SELECT municipality_id, household_id, min(received_on) FROM consultation_household
  WHERE municipality_id = mid GROUP BY municipality_id, household_id;
END;
$$;

-- Existing records, once.
SELECT analytics_rollup_rebuild(municipality_id) FROM municipality;
