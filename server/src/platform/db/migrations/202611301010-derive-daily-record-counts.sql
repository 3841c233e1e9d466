-- 見える化 (analytics): consultations received and 支援経過記録 written, counted per day and agency. The
-- dashboard counted a city's 年度 of them from the records on every view: ~300,000 consultations and
-- ~400,000 notes at a million persons, 35 ms and 50 ms of index scan. daily_record_count keeps the counts
-- (pre-aggregation); a 年度 is then at most 366 days × agencies × slots rows.
--
-- Derived, never written by application code: statement triggers on consultation and progress_note add
-- each statement's rows (and take away the old rows of an update or delete) in the same transaction.
-- Concurrent writers of one agency and day would wait on one counter row until they commit, so each
-- database connection adds to one of four slots (its backend pid modulo 4), and readers sum the slots.
-- daily-record-counts.int.test.ts compares the table with a count of the records after every kind of change.

CREATE TABLE daily_record_count (
  municipality_id uuid NOT NULL,
  record_kind text NOT NULL CHECK (record_kind IN ('consultation', 'progress_note')),
  day date NOT NULL,
  agency_id uuid NOT NULL,
  slot smallint NOT NULL,
  records integer NOT NULL,
  PRIMARY KEY (municipality_id, record_kind, day, agency_id, slot)
);

CREATE VIEW daily_record_count_definition AS
  SELECT municipality_id, 'consultation'::text AS record_kind, received_on AS day, receiving_agency_id AS agency_id, count(*)::integer AS records
  FROM consultation GROUP BY municipality_id, received_on, receiving_agency_id
  UNION ALL
  SELECT municipality_id, 'progress_note'::text, occurred_on, author_agency_id, count(*)::integer
  FROM progress_note GROUP BY municipality_id, occurred_on, author_agency_id;

-- Adds one change (a count per municipality, day and agency; negative for rows taken away) to this
-- connection's slot, in key order. An update that moves no row to another day or agency nets to
-- nothing and writes nothing (PostgreSQL allows no column list on a trigger with transition tables).
CREATE FUNCTION daily_record_count_add(kind text, ms uuid[], days date[], agencies uuid[], deltas integer[]) RETURNS void
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  INSERT INTO daily_record_count AS d (municipality_id, record_kind, day, agency_id, slot, records)
  SELECT x.m, kind, x.d, x.a, (pg_backend_pid() % 4)::smallint, sum(x.delta)::integer
  FROM unnest(ms, days, agencies, deltas) AS x(m, d, a, delta)
  GROUP BY x.m, x.d, x.a
  HAVING sum(x.delta) <> 0
  ORDER BY x.m, x.d, x.a
  ON CONFLICT (municipality_id, record_kind, day, agency_id, slot) DO UPDATE SET records = d.records + excluded.records;
END;
$$;

CREATE FUNCTION daily_record_count_on_consultation() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ms uuid[]; days date[]; agencies uuid[]; deltas integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.municipality_id), array_agg(n.received_on), array_agg(n.receiving_agency_id), array_agg(1)
    INTO ms, days, agencies, deltas FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(r.m), array_agg(r.d), array_agg(r.a), array_agg(r.delta) INTO ms, days, agencies, deltas
    FROM (SELECT n.municipality_id AS m, n.received_on AS d, n.receiving_agency_id AS a, 1 AS delta FROM new_rows n
          UNION ALL
          SELECT o.municipality_id, o.received_on, o.receiving_agency_id, -1 FROM old_rows o) r;
  ELSE
    SELECT array_agg(o.municipality_id), array_agg(o.received_on), array_agg(o.receiving_agency_id), array_agg(-1)
    INTO ms, days, agencies, deltas FROM old_rows o;
  END IF;
  PERFORM daily_record_count_add('consultation', ms, days, agencies, deltas);
  RETURN NULL;
END;
$$;

CREATE FUNCTION daily_record_count_on_progress_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ms uuid[]; days date[]; agencies uuid[]; deltas integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.municipality_id), array_agg(n.occurred_on), array_agg(n.author_agency_id), array_agg(1)
    INTO ms, days, agencies, deltas FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(r.m), array_agg(r.d), array_agg(r.a), array_agg(r.delta) INTO ms, days, agencies, deltas
    FROM (SELECT n.municipality_id AS m, n.occurred_on AS d, n.author_agency_id AS a, 1 AS delta FROM new_rows n
          UNION ALL
          SELECT o.municipality_id, o.occurred_on, o.author_agency_id, -1 FROM old_rows o) r;
  ELSE
    SELECT array_agg(o.municipality_id), array_agg(o.occurred_on), array_agg(o.author_agency_id), array_agg(-1)
    INTO ms, days, agencies, deltas FROM old_rows o;
  END IF;
  PERFORM daily_record_count_add('progress_note', ms, days, agencies, deltas);
  RETURN NULL;
END;
$$;

-- Named rollup_* like the other derived tables' triggers: the city-scale generator turns them off while
-- it loads and rebuilds the counts afterwards (seed/scale/rollups.ts).
CREATE TRIGGER rollup_consultation_count_insert AFTER INSERT ON consultation
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION daily_record_count_on_consultation();
CREATE TRIGGER rollup_consultation_count_update AFTER UPDATE ON consultation
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION daily_record_count_on_consultation();
CREATE TRIGGER rollup_consultation_count_delete AFTER DELETE ON consultation
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION daily_record_count_on_consultation();
CREATE TRIGGER rollup_progress_note_count_insert AFTER INSERT ON progress_note
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION daily_record_count_on_progress_note();
CREATE TRIGGER rollup_progress_note_count_update AFTER UPDATE ON progress_note
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION daily_record_count_on_progress_note();
CREATE TRIGGER rollup_progress_note_count_delete AFTER DELETE ON progress_note
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION daily_record_count_on_progress_note();

-- As in migration 202611291010, and then the daily counts.
CREATE OR REPLACE FUNCTION analytics_rollup_rebuild(mid uuid) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
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
END;
$$;

-- Existing records, once.
INSERT INTO daily_record_count (municipality_id, record_kind, day, agency_id, slot, records)
SELECT municipality_id, record_kind, day, agency_id, 0, records FROM daily_record_count_definition;
