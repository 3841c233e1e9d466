-- 見える化 (analytics): days from a household's first consultation to its case (主担当) and to the case's
-- first 支援プラン. Joining a 年度's cases with their households' first consultations and their plans took
-- about 0.4 s at a million persons (100,000 cases), on every dashboard view. case_timing keeps that join
-- as one row per case (pre-aggregation), so the dashboard reads a 年度 from an index alone.
--
-- case_timing: a case whose household had a consultation on or before the case opened, with
--   to_owner_days  = opened_on − the household's first consultation (household_first_consultation),
--   to_plan_days   = the day of the case's first plan (the Japanese day its version 1 was made) − the same
--                    first consultation; null while the case has no plan.
--   Cases without such a consultation have no row: the dashboard leaves them out.
--
-- Derived, never written by application code, like consultation_household (migration 202611281000):
-- statement triggers on support_case, support_plan and support_plan_version, and the refresh of a
-- household's first consultation, recompute the rows of every case a change touches in the same
-- transaction; transaction advisory locks in buckets (kind 73015, after 73011–73014) serialise concurrent
-- refreshes of one case. The household refresh now writes only households whose first day changed, and
-- refreshes the cases of those alone (a consultation of a household that had one before changes nothing).
-- case-timing.int.test.ts compares the table with a full recomputation after every kind of change.

CREATE TABLE case_timing (
  municipality_id uuid NOT NULL,
  case_id uuid NOT NULL,
  opened_on date NOT NULL,
  lead_agency_id uuid NOT NULL,
  to_owner_days integer NOT NULL,
  to_plan_days integer,
  PRIMARY KEY (municipality_id, case_id)
);
-- A period's cases by the day they opened, with what the dashboard filters and counts (index-only).
CREATE INDEX case_timing_by_opened ON case_timing (municipality_id, opened_on) INCLUDE (lead_agency_id, to_owner_days, to_plan_days);

CREATE VIEW case_timing_definition AS
  SELECT k.municipality_id, k.case_id, k.opened_on, k.lead_agency_id,
         k.opened_on - fc.first_received_on AS to_owner_days,
         fp.on_day - fc.first_received_on AS to_plan_days
  FROM support_case k
  JOIN household_first_consultation fc ON fc.municipality_id = k.municipality_id AND fc.household_id = k.household_id
   AND fc.first_received_on <= k.opened_on
  LEFT JOIN LATERAL (
    SELECT min((v.created_at AT TIME ZONE 'Asia/Tokyo')::date) AS on_day
    FROM support_plan pl
    JOIN support_plan_version v ON v.municipality_id = pl.municipality_id AND v.plan_id = pl.plan_id AND v.version_no = 1
    WHERE pl.municipality_id = k.municipality_id AND pl.case_id = k.case_id
  ) fp ON true;

CREATE FUNCTION case_timing_refresh(ms uuid[], cs uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF coalesce(array_length(cs, 1), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM person_visibility_lock(73015, cs);
  -- Each statement below reads with a fresh snapshot (READ COMMITTED), after the locks are held.
  DELETE FROM case_timing t USING unnest(ms, cs) AS x(m, c)
  WHERE t.municipality_id = x.m AND t.case_id = x.c;
  INSERT INTO case_timing (municipality_id, case_id, opened_on, lead_agency_id, to_owner_days, to_plan_days)
  SELECT d.municipality_id, d.case_id, d.opened_on, d.lead_agency_id, d.to_owner_days, d.to_plan_days
  FROM (SELECT DISTINCT x.m, x.c FROM unnest(ms, cs) AS x(m, c)) a
  JOIN case_timing_definition d ON d.municipality_id = a.m AND d.case_id = a.c;
END;
$$;

-- As in migration 202611281000, and then the cases of the households whose first day changed. Only
-- households whose first day changed are written.
CREATE OR REPLACE FUNCTION household_first_consultation_refresh(ms uuid[], hs uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  cms uuid[];
  ccs uuid[];
BEGIN
  IF coalesce(array_length(hs, 1), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM person_visibility_lock(73014, hs);
  WITH wanted AS (
    SELECT a.m, a.h, (SELECT min(ch.received_on) FROM consultation_household ch
                      WHERE ch.municipality_id = a.m AND ch.household_id = a.h) AS first_on
    FROM (SELECT DISTINCT x.m, x.h FROM unnest(ms, hs) AS x(m, h)) a
  ), removed AS (
    DELETE FROM household_first_consultation f USING wanted w
    WHERE f.municipality_id = w.m AND f.household_id = w.h AND w.first_on IS NULL
    RETURNING f.municipality_id AS m, f.household_id AS h
  ), written AS (
    INSERT INTO household_first_consultation (municipality_id, household_id, first_received_on)
    SELECT w.m, w.h, w.first_on FROM wanted w WHERE w.first_on IS NOT NULL
    ON CONFLICT (municipality_id, household_id) DO UPDATE SET first_received_on = excluded.first_received_on
      WHERE household_first_consultation.first_received_on IS DISTINCT FROM excluded.first_received_on
    RETURNING municipality_id AS m, household_id AS h
  )
  SELECT array_agg(k.municipality_id), array_agg(k.case_id) INTO cms, ccs
  FROM (SELECT m, h FROM removed UNION SELECT m, h FROM written) c
  JOIN support_case k ON k.municipality_id = c.m AND k.household_id = c.h;
  PERFORM case_timing_refresh(cms, ccs);
END;
$$;

CREATE FUNCTION case_timing_on_case() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ms uuid[];
  cs uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.municipality_id), array_agg(n.case_id) INTO ms, cs FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(n.municipality_id), array_agg(n.case_id) INTO ms, cs
    FROM new_rows n JOIN old_rows o ON o.municipality_id = n.municipality_id AND o.case_id = n.case_id
    WHERE n.household_id IS DISTINCT FROM o.household_id OR n.opened_on IS DISTINCT FROM o.opened_on
       OR n.lead_agency_id IS DISTINCT FROM o.lead_agency_id;
  ELSE
    SELECT array_agg(o.municipality_id), array_agg(o.case_id) INTO ms, cs FROM old_rows o;
  END IF;
  PERFORM case_timing_refresh(ms, cs);
  RETURN NULL;
END;
$$;

CREATE FUNCTION case_timing_on_plan() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ms uuid[];
  cs uuid[];
BEGIN
  -- A plan's first day is its version 1's, so a new plan (no version yet) changes nothing.
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(r.m), array_agg(r.c) INTO ms, cs
    FROM new_rows n JOIN old_rows o ON o.municipality_id = n.municipality_id AND o.plan_id = n.plan_id
    CROSS JOIN LATERAL (VALUES (n.municipality_id, n.case_id), (o.municipality_id, o.case_id)) AS r(m, c)
    WHERE n.case_id IS DISTINCT FROM o.case_id;
  ELSE
    SELECT array_agg(o.municipality_id), array_agg(o.case_id) INTO ms, cs FROM old_rows o;
  END IF;
  PERFORM case_timing_refresh(ms, cs);
  RETURN NULL;
END;
$$;

CREATE FUNCTION case_timing_on_plan_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ms uuid[];
  cs uuid[];
BEGIN
  -- Versions after the first, and approvals (an update of approved_on), change nothing.
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(pl.municipality_id), array_agg(pl.case_id) INTO ms, cs
    FROM new_rows n JOIN support_plan pl ON pl.municipality_id = n.municipality_id AND pl.plan_id = n.plan_id
    WHERE n.version_no = 1;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(pl.municipality_id), array_agg(pl.case_id) INTO ms, cs
    FROM new_rows n JOIN old_rows o ON o.municipality_id = n.municipality_id AND o.plan_id = n.plan_id AND o.version_no = n.version_no
    JOIN support_plan pl ON pl.municipality_id = n.municipality_id AND pl.plan_id = n.plan_id
    WHERE n.version_no = 1 AND n.created_at IS DISTINCT FROM o.created_at;
  ELSE
    SELECT array_agg(pl.municipality_id), array_agg(pl.case_id) INTO ms, cs
    FROM old_rows o JOIN support_plan pl ON pl.municipality_id = o.municipality_id AND pl.plan_id = o.plan_id
    WHERE o.version_no = 1;
  END IF;
  PERFORM case_timing_refresh(ms, cs);
  RETURN NULL;
END;
$$;

-- Named rollup_* so that they fire after the person_visibility_* triggers of the same table (name
-- order), and the advisory locks are taken in one order.
CREATE TRIGGER rollup_case_insert AFTER INSERT ON support_case
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_timing_on_case();
CREATE TRIGGER rollup_case_update AFTER UPDATE ON support_case
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_timing_on_case();
CREATE TRIGGER rollup_case_delete AFTER DELETE ON support_case
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_timing_on_case();

CREATE TRIGGER rollup_plan_update AFTER UPDATE ON support_plan
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_timing_on_plan();
CREATE TRIGGER rollup_plan_delete AFTER DELETE ON support_plan
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_timing_on_plan();

CREATE TRIGGER rollup_plan_version_insert AFTER INSERT ON support_plan_version
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_timing_on_plan_version();
CREATE TRIGGER rollup_plan_version_update AFTER UPDATE ON support_plan_version
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_timing_on_plan_version();
CREATE TRIGGER rollup_plan_version_delete AFTER DELETE ON support_plan_version
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_timing_on_plan_version();

-- The three derived tables of one municipality from scratch, set-based (after a bulk load with the
-- triggers off).
CREATE OR REPLACE FUNCTION analytics_rollup_rebuild(mid uuid) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  DELETE FROM case_timing WHERE municipality_id = mid;
  DELETE FROM household_first_consultation WHERE municipality_id = mid;
  DELETE FROM consultation_household WHERE municipality_id = mid;
  INSERT INTO consultation_household (municipality_id, person_id, consultation_id, household_id, received_on, receiving_agency_id, categories, member_then)
  SELECT * FROM consultation_household_definition WHERE municipality_id = mid;
  INSERT INTO household_first_consultation (municipality_id, household_id, first_received_on)
  SELECT municipality_id, household_id, min(received_on) FROM consultation_household
  WHERE municipality_id = mid GROUP BY municipality_id, household_id;
  INSERT INTO case_timing (municipality_id, case_id, opened_on, lead_agency_id, to_owner_days, to_plan_days)
  SELECT * FROM case_timing_definition WHERE municipality_id = mid;
END;
$$;

-- Existing records, once.
SELECT analytics_rollup_rebuild(municipality_id) FROM municipality;
