-- household_year_concerns_refresh, as in migration 202611301030, read the touched households' rows twice
-- more than it wrote them: once before the delete for their old masks and once after the insert for the
-- new ones. The delete and the insert now return those rows themselves (DELETE/INSERT … RETURNING in a
-- data-modifying WITH), so each intake or membership change reads household_year_concerns once fewer
-- per side. Same results; consultation-households.int.test.ts checks them against the records.
CREATE OR REPLACE FUNCTION household_year_concerns_refresh(ms uuid[], hs uuid[]) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  old_m uuid[]; old_y integer[]; old_k integer[];
  new_m uuid[]; new_y integer[]; new_k integer[];
BEGIN
  IF coalesce(array_length(hs, 1), 0) = 0 THEN
    RETURN;
  END IF;
  WITH gone AS (
    DELETE FROM household_year_concerns y USING unnest(ms, hs) AS x(m, h)
    WHERE y.municipality_id = x.m AND y.household_id = x.h
    RETURNING y.municipality_id, y.fiscal_year, y.mask
  )
  SELECT array_agg(municipality_id), array_agg(fiscal_year), array_agg(mask) INTO old_m, old_y, old_k FROM gone;
  WITH added AS (
    INSERT INTO household_year_concerns (municipality_id, fiscal_year, household_id, mask)
    SELECT ch.municipality_id, fiscal_year_of(ch.received_on), ch.household_id, bit_or(concern_mask(ch.categories))
    FROM (SELECT DISTINCT x.m, x.h FROM unnest(ms, hs) AS x(m, h)) a
    JOIN consultation_household ch ON ch.municipality_id = a.m AND ch.household_id = a.h AND ch.member_then
    GROUP BY ch.municipality_id, fiscal_year_of(ch.received_on), ch.household_id
    RETURNING municipality_id, fiscal_year, mask
  )
  SELECT array_agg(municipality_id), array_agg(fiscal_year), array_agg(mask) INTO new_m, new_y, new_k FROM added;
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
