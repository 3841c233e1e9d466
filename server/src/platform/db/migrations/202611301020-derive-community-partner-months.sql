-- 見える化 (地域づくり): the organisations that took part in a session held, per month (参加団体数 counts
-- them distinct). Finding a 年度's distinct (month, organisation) pairs joined every session–organisation
-- row of the municipality to the 年度's sessions: ~40 ms of every dashboard view at a million persons.
-- community_partner_month keeps them (pre-aggregation): per month and organisation, the sessions held.
-- The dashboard reads it for the whole municipality; a 圏域 filter still joins the sessions to their 拠点
-- (analytics/statutory-records.ts).
--
-- Derived, never written by application code: statement triggers on community_session and
-- community_session_partner recompute the months they touched, in the same transaction, one writer per
-- municipality at a time (advisory lock kind 73016; sessions are written a few hundred times a day).
-- community-partner-months.int.test.ts compares the table with a recomputation after every kind of change.

CREATE TABLE community_partner_month (
  municipality_id uuid NOT NULL,
  month date NOT NULL,              -- the first day of the month
  partner_id uuid NOT NULL,
  sessions integer NOT NULL,        -- sessions held that month with the organisation taking part
  PRIMARY KEY (municipality_id, month, partner_id)
);

CREATE FUNCTION community_partner_month_refresh(ms uuid[], days date[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF coalesce(array_length(ms, 1), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM person_visibility_lock(73016, ms);
  -- Each statement below reads with a fresh snapshot (READ COMMITTED), after the lock is held.
  DELETE FROM community_partner_month c
  USING (SELECT DISTINCT x.m, date_trunc('month', x.d)::date AS mo FROM unnest(ms, days) AS x(m, d)) a
  WHERE c.municipality_id = a.m AND c.month = a.mo;
  INSERT INTO community_partner_month (municipality_id, month, partner_id, sessions)
  SELECT s.municipality_id, a.mo, sp.partner_id, count(*)::integer
  FROM (SELECT DISTINCT x.m, date_trunc('month', x.d)::date AS mo FROM unnest(ms, days) AS x(m, d)) a
  JOIN community_session s ON s.municipality_id = a.m AND s.held_on >= a.mo AND s.held_on < (a.mo + interval '1 month')::date
   AND s.status = 'held'
  JOIN community_session_partner sp ON sp.municipality_id = s.municipality_id AND sp.session_id = s.session_id
  GROUP BY s.municipality_id, a.mo, sp.partner_id;
END;
$$;

CREATE VIEW community_partner_month_definition AS
  SELECT s.municipality_id, date_trunc('month', s.held_on)::date AS month, sp.partner_id, count(*)::integer AS sessions
  FROM community_session s
  JOIN community_session_partner sp ON sp.municipality_id = s.municipality_id AND sp.session_id = s.session_id
  WHERE s.status = 'held'
  GROUP BY s.municipality_id, date_trunc('month', s.held_on)::date, sp.partner_id;

-- A session's month changes when it is held, cancelled, moved or removed (its organisations go with it).
CREATE FUNCTION community_partner_month_on_session() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ms uuid[]; days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.municipality_id), array_agg(n.held_on) INTO ms, days FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(r.m), array_agg(r.d) INTO ms, days
    FROM new_rows n JOIN old_rows o ON o.municipality_id = n.municipality_id AND o.session_id = n.session_id
    CROSS JOIN LATERAL (VALUES (n.municipality_id, n.held_on), (o.municipality_id, o.held_on)) AS r(m, d)
    WHERE n.held_on IS DISTINCT FROM o.held_on OR n.status IS DISTINCT FROM o.status;
  ELSE
    SELECT array_agg(o.municipality_id), array_agg(o.held_on) INTO ms, days FROM old_rows o;
  END IF;
  PERFORM community_partner_month_refresh(ms, days);
  RETURN NULL;
END;
$$;

-- An organisation added to or removed from a session (a session already removed refreshes its own month).
CREATE FUNCTION community_partner_month_on_partner() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ms uuid[]; days date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(s.municipality_id), array_agg(s.held_on) INTO ms, days
    FROM (SELECT DISTINCT municipality_id, session_id FROM new_rows) n
    JOIN community_session s ON s.municipality_id = n.municipality_id AND s.session_id = n.session_id;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(s.municipality_id), array_agg(s.held_on) INTO ms, days
    FROM (SELECT municipality_id, session_id FROM new_rows UNION SELECT municipality_id, session_id FROM old_rows) n
    JOIN community_session s ON s.municipality_id = n.municipality_id AND s.session_id = n.session_id;
  ELSE
    SELECT array_agg(s.municipality_id), array_agg(s.held_on) INTO ms, days
    FROM (SELECT DISTINCT municipality_id, session_id FROM old_rows) o
    JOIN community_session s ON s.municipality_id = o.municipality_id AND s.session_id = o.session_id;
  END IF;
  PERFORM community_partner_month_refresh(ms, days);
  RETURN NULL;
END;
$$;

-- Named rollup_* like the other derived tables' triggers: the city-scale generator turns them off while
-- it loads and rebuilds the table afterwards (seed/scale/rollups.ts).
CREATE TRIGGER rollup_community_session_insert AFTER INSERT ON community_session
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION community_partner_month_on_session();
CREATE TRIGGER rollup_community_session_update AFTER UPDATE ON community_session
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION community_partner_month_on_session();
CREATE TRIGGER rollup_community_session_delete AFTER DELETE ON community_session
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION community_partner_month_on_session();
CREATE TRIGGER rollup_community_session_partner_insert AFTER INSERT ON community_session_partner
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION community_partner_month_on_partner();
CREATE TRIGGER rollup_community_session_partner_update AFTER UPDATE ON community_session_partner
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION community_partner_month_on_partner();
CREATE TRIGGER rollup_community_session_partner_delete AFTER DELETE ON community_session_partner
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION community_partner_month_on_partner();

-- As in migration 202611301010, and then the organisations per month.
CREATE OR REPLACE FUNCTION analytics_rollup_rebuild(mid uuid) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  DELETE FROM community_partner_month WHERE municipality_id = mid;
  DELETE FROM daily_record_count WHERE municipality_id = mid;
  DELETE FROM case_timing WHERE municipality_id = mid;
  DELETE FROM household_year_concerns WHERE municipality_id = mid;
  DELETE FROM household_first_consultation WHERE municipality_id = mid;
  DELETE FROM consultation_household WHERE municipality_id = mid;
  INSERT INTO consultation_household (municipality_id, person_id, consultation_id, household_id, received_on, receiving_agency_id, categories, member_then)
  SELECT * FROM consultation_household_definition WHERE municipality_id = mid;
  INSERT INTO household_first_consultation (municipality_id, household_id, first_received_on)
  SELECT municipality_id, household_id, min(received_on) FROM consultation_household
  WHERE municipality_id = mid GROUP BY municipality_id, household_id;
  INSERT INTO household_year_concerns (municipality_id, fiscal_year, household_id, mask)
  SELECT * FROM household_year_concerns_definition WHERE municipality_id = mid;
  INSERT INTO case_timing (municipality_id, case_id, opened_on, lead_agency_id, to_owner_days, to_plan_days)
  SELECT * FROM case_timing_definition WHERE municipality_id = mid;
  INSERT INTO daily_record_count (municipality_id, record_kind, day, agency_id, slot, records)
  SELECT municipality_id, record_kind, day, agency_id, 0, records FROM daily_record_count_definition WHERE municipality_id = mid;
  INSERT INTO community_partner_month (municipality_id, month, partner_id, sessions)
  SELECT * FROM community_partner_month_definition WHERE municipality_id = mid;
END;
$$;

-- Existing records, once.
INSERT INTO community_partner_month (municipality_id, month, partner_id, sessions)
SELECT * FROM community_partner_month_definition;
