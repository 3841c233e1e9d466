-- 見える化 (analytics): co-occurrence of concerns for a whole 年度 without an agency or 圏域 filter (the
-- dashboard's first view). Grouping a 年度's consultation_household rows by household (240,000 rows into
-- 190,000 households at a million persons) took 0.15–0.25 s on every view. household_year_concerns keeps
-- that grouping as rows (pre-aggregation): per household and 年度, the categories of every consultation
-- received in that 年度 by a person who was a member then (consultation_household.member_then), as one
-- bit mask (concern_mask). The dashboard counts households per mask from it; filtered views and months
-- still group consultation_household (concern-cooccurrence.ts).
--
-- Derived, never written by application code: consultation_household's refresh (migration 202611281000)
-- now also recomputes the rows of every household it touched, under the household advisory lock (kind
-- 73014) the first-consultation refresh holds. consultation-households.int.test.ts compares the table
-- with a full recomputation after every kind of change.

-- 年度 (April–March) of a day.
CREATE FUNCTION fiscal_year_of(d date) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (extract(year FROM d) - CASE WHEN extract(month FROM d) < 4 THEN 1 ELSE 0 END)::integer;
$$;

-- Bit i for the i-th 相談の分類 of consultation/concern-categories.ts (CONCERN_CATEGORY_CODES, in that
-- order; codes not in the list set no bit). A category added there needs a migration that replaces this
-- function and rebuilds the table; consultation-households.int.test.ts checks that the two lists agree.
CREATE FUNCTION concern_mask(categories text[]) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(bit_or(1 << (p - 1)), 0)::integer
  FROM unnest(categories) AS c
  CROSS JOIN LATERAL array_position(ARRAY['health_disability', 'housing', 'living_costs', 'rent_loan', 'tax_utilities', 'debt',
    'job_search', 'work_trouble', 'community', 'family', 'childcare', 'care', 'withdrawal', 'dv_abuse', 'no_food', 'other'], c) AS p
  WHERE p IS NOT NULL;
$$;

CREATE TABLE household_year_concerns (
  municipality_id uuid NOT NULL,
  fiscal_year integer NOT NULL,
  household_id uuid NOT NULL,
  mask integer NOT NULL,
  -- By household first: the refresh replaces a household's rows of every 年度.
  PRIMARY KEY (municipality_id, household_id, fiscal_year)
);
-- A 年度's households with their masks (index-only for the dashboard).
CREATE INDEX household_year_concerns_by_year ON household_year_concerns (municipality_id, fiscal_year) INCLUDE (mask);

CREATE VIEW household_year_concerns_definition AS
  SELECT ch.municipality_id, fiscal_year_of(ch.received_on) AS fiscal_year, ch.household_id, bit_or(concern_mask(ch.categories)) AS mask
  FROM consultation_household ch
  WHERE ch.member_then
  GROUP BY ch.municipality_id, fiscal_year_of(ch.received_on), ch.household_id;

-- Called with the households' advisory lock (73014) held, by consultation_household_refresh.
CREATE FUNCTION household_year_concerns_refresh(ms uuid[], hs uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  IF coalesce(array_length(hs, 1), 0) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM household_year_concerns y USING unnest(ms, hs) AS x(m, h)
  WHERE y.municipality_id = x.m AND y.household_id = x.h;
  INSERT INTO household_year_concerns (municipality_id, fiscal_year, household_id, mask)
  SELECT ch.municipality_id, fiscal_year_of(ch.received_on), ch.household_id, bit_or(concern_mask(ch.categories))
  FROM (SELECT DISTINCT x.m, x.h FROM unnest(ms, hs) AS x(m, h)) a
  JOIN consultation_household ch ON ch.municipality_id = a.m AND ch.household_id = a.h AND ch.member_then
  GROUP BY ch.municipality_id, fiscal_year_of(ch.received_on), ch.household_id;
END;
$$;

-- As in migration 202611281000, and then the households' concerns by 年度.
CREATE OR REPLACE FUNCTION consultation_household_refresh(ms uuid[], ps uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  hms uuid[];
  hhs uuid[];
BEGIN
  IF coalesce(array_length(ps, 1), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM person_visibility_lock(73013, ps);
  -- Each statement below reads with a fresh snapshot (READ COMMITTED), after the locks are held.
  -- The households whose derived rows may change: those the persons' rows named, and those the
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
  -- Takes the households' lock (73014), which the next refresh relies on.
  PERFORM household_first_consultation_refresh(hms, hhs);
  PERFORM household_year_concerns_refresh(hms, hhs);
END;
$$;

-- The four derived tables of one municipality from scratch, set-based (after a bulk load with the
-- triggers off).
CREATE OR REPLACE FUNCTION analytics_rollup_rebuild(mid uuid) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
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
END;
$$;

-- Existing records, once.
INSERT INTO household_year_concerns (municipality_id, fiscal_year, household_id, mask)
SELECT * FROM household_year_concerns_definition;
