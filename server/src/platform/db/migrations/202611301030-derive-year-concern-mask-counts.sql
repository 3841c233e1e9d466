-- 見える化 (analytics): households per concern mask and 年度, for the co-occurrence of a whole 年度 without
-- an agency or 圏域 filter. Counting household_year_concerns by mask read a city's 120,000–190,000
-- households of the 年度 on every view (30–40 ms at a million persons). year_concern_mask_count keeps the
-- counts (pre-aggregation): at most 65,536 masks a 年度, in practice a few hundred.
--
-- Derived, never written by application code: household_year_concerns_refresh (called by the
-- consultation and membership triggers under the households' advisory lock, kind 73014) now also takes
-- the touched households' old masks away and adds their new ones. As for daily_record_count, each
-- connection adds to one of four slots (backend pid modulo 4) and readers sum them.
-- consultation-households.int.test.ts compares the counts with the records after every kind of change.

CREATE TABLE year_concern_mask_count (
  municipality_id uuid NOT NULL,
  fiscal_year integer NOT NULL,
  mask integer NOT NULL,
  slot smallint NOT NULL,
  households integer NOT NULL,
  PRIMARY KEY (municipality_id, fiscal_year, mask, slot)
);

-- As in migration 202611291010, and then the masks' counts.
CREATE OR REPLACE FUNCTION household_year_concerns_refresh(ms uuid[], hs uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  old_m uuid[]; old_y integer[]; old_k integer[];
  new_m uuid[]; new_y integer[]; new_k integer[];
BEGIN
  IF coalesce(array_length(hs, 1), 0) = 0 THEN
    RETURN;
  END IF;
  SELECT array_agg(y.municipality_id), array_agg(y.fiscal_year), array_agg(y.mask) INTO old_m, old_y, old_k
  FROM (SELECT DISTINCT x.m, x.h FROM unnest(ms, hs) AS x(m, h)) a
  JOIN household_year_concerns y ON y.municipality_id = a.m AND y.household_id = a.h;
  DELETE FROM household_year_concerns y USING unnest(ms, hs) AS x(m, h)
  WHERE y.municipality_id = x.m AND y.household_id = x.h;
  INSERT INTO household_year_concerns (municipality_id, fiscal_year, household_id, mask)
  SELECT ch.municipality_id, fiscal_year_of(ch.received_on), ch.household_id, bit_or(concern_mask(ch.categories))
  FROM (SELECT DISTINCT x.m, x.h FROM unnest(ms, hs) AS x(m, h)) a
  JOIN consultation_household ch ON ch.municipality_id = a.m AND ch.household_id = a.h AND ch.member_then
  GROUP BY ch.municipality_id, fiscal_year_of(ch.received_on), ch.household_id;
  SELECT array_agg(y.municipality_id), array_agg(y.fiscal_year), array_agg(y.mask) INTO new_m, new_y, new_k
  FROM (SELECT DISTINCT x.m, x.h FROM unnest(ms, hs) AS x(m, h)) a
  JOIN household_year_concerns y ON y.municipality_id = a.m AND y.household_id = a.h;
  -- A household whose masks did not change nets to nothing and writes nothing.
  INSERT INTO year_concern_mask_count AS c (municipality_id, fiscal_year, mask, slot, households)
  SELECT d.m, d.y, d.k, (pg_backend_pid() % 4)::smallint, sum(d.delta)::integer
  FROM (SELECT o.m, o.y, o.k, -1 AS delta FROM unnest(old_m, old_y, old_k) AS o(m, y, k)
        UNION ALL
        SELECT n.m, n.y, n.k, 1 FROM unnest(new_m, new_y, new_k) AS n(m, y, k)) d
  GROUP BY d.m, d.y, d.k
  HAVING sum(d.delta) <> 0
  ORDER BY d.m, d.y, d.k
  ON CONFLICT (municipality_id, fiscal_year, mask, slot) DO UPDATE SET households = c.households + excluded.households;
END;
$$;

-- As in migration 202611301020, and then the masks' counts.
CREATE OR REPLACE FUNCTION analytics_rollup_rebuild(mid uuid) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  DELETE FROM year_concern_mask_count WHERE municipality_id = mid;
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
  INSERT INTO year_concern_mask_count (municipality_id, fiscal_year, mask, slot, households)
  SELECT municipality_id, fiscal_year, mask, 0, count(*)::integer FROM household_year_concerns
  WHERE municipality_id = mid GROUP BY municipality_id, fiscal_year, mask;
  INSERT INTO case_timing (municipality_id, case_id, opened_on, lead_agency_id, to_owner_days, to_plan_days)
  SELECT * FROM case_timing_definition WHERE municipality_id = mid;
  INSERT INTO daily_record_count (municipality_id, record_kind, day, agency_id, slot, records)
  SELECT municipality_id, record_kind, day, agency_id, 0, records FROM daily_record_count_definition WHERE municipality_id = mid;
  INSERT INTO community_partner_month (municipality_id, month, partner_id, sessions)
  SELECT * FROM community_partner_month_definition WHERE municipality_id = mid;
END;
$$;

-- Existing households, once.
INSERT INTO year_concern_mask_count (municipality_id, fiscal_year, mask, slot, households)
SELECT municipality_id, fiscal_year, mask, 0, count(*)::integer FROM household_year_concerns
GROUP BY municipality_id, fiscal_year, mask;
