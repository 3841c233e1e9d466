-- 本人検索 from the searching agency's side. A prefix search walked the person's name (or reading) index
-- in key order and probed person_visibility for every person it passed until 30 were visible: at a
-- million persons an agency sees about one person in nine, so a common surname walked ~900 persons and
-- their heap pages (5–8 ms). person_visibility now carries the person's search keys, indexed per agency
-- in the same order, so the agency's own and 支援チーム persons with a prefix are the first 30 entries of
-- one index range: the search reads 30 index entries and 30 persons. Referrals are still checked at query
-- time (consultation/find-persons.ts).
--
-- The keys are copies of person.name_key and person.kana_key, derived like the rest of the row: the
-- refresh takes them from the person, and a change of either key refreshes the person's rows.
-- person-visibility-key.int.test.ts compares the table, keys included, with a recomputation.
ALTER TABLE person_visibility ADD COLUMN name_key text, ADD COLUMN kana_key text;

-- Existing rows, once (the guard of migration 202611271100 refuses direct updates, so it is off meanwhile).
ALTER TABLE person_visibility DISABLE TRIGGER person_visibility_derived_only;
UPDATE person_visibility v SET name_key = p.name_key, kana_key = p.kana_key
FROM person p WHERE p.municipality_id = v.municipality_id AND p.person_id = v.person_id;
ALTER TABLE person_visibility ENABLE TRIGGER person_visibility_derived_only;

CREATE INDEX person_visibility_by_name_key ON person_visibility (municipality_id, agency_id, name_key text_pattern_ops, person_id);
CREATE INDEX person_visibility_by_kana_key ON person_visibility (municipality_id, agency_id, kana_key text_pattern_ops, person_id);

-- As in migration 202611271100, with the keys.
CREATE OR REPLACE FUNCTION person_visibility_refresh(ms uuid[], ps uuid[], take_locks boolean) RETURNS void LANGUAGE plpgsql VOLATILE AS $$
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
  INSERT INTO person_visibility (municipality_id, person_id, agency_id, name_key, kana_key)
  SELECT r.municipality_id, r.person_id, r.agency_id, p.name_key, p.kana_key
  FROM person_visibility_rows(ms, ps) r
  JOIN person p ON p.municipality_id = r.municipality_id AND p.person_id = r.person_id
  ON CONFLICT DO NOTHING;
END;
$$;

-- As in migration 202611271100; an update now also refreshes a person whose name or reading key changed.
CREATE OR REPLACE FUNCTION person_visibility_on_person() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  ms uuid[];
  ps uuid[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.municipality_id), array_agg(n.person_id) INTO ms, ps FROM new_rows n;
  ELSIF TG_OP = 'UPDATE' THEN
    SELECT array_agg(n.municipality_id), array_agg(n.person_id) INTO ms, ps
    FROM new_rows n JOIN old_rows o ON o.municipality_id = n.municipality_id AND o.person_id = n.person_id
    WHERE n.registered_by_agency_id IS DISTINCT FROM o.registered_by_agency_id
       OR n.name_key IS DISTINCT FROM o.name_key
       OR n.kana_key IS DISTINCT FROM o.kana_key;
  ELSE
    SELECT array_agg(o.municipality_id), array_agg(o.person_id) INTO ms, ps FROM old_rows o;
  END IF;
  PERFORM person_visibility_refresh(ms, ps, TG_OP <> 'INSERT');
  RETURN NULL;
END;
$$;
