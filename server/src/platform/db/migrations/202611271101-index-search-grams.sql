-- 本人検索: an index for substrings too short for trigrams (see consultation/find-persons.ts).
-- Substrings of one or two characters (a given name such as 花子, a rare two-kanji surname that
-- needs widening) yield no trigram, so the pg_trgm indexes cannot narrow `LIKE '%花子%'` and the
-- widening read every person. search_grams(t) is every 1- and 2-character substring of t: a value of
-- up to two characters occurs in t exactly when search_grams(t) contains it, which a GIN index answers.
CREATE FUNCTION search_grams(t text) RETURNS text[] LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  n integer := char_length(t);
  grams text[] := '{}';
BEGIN
  -- A loop is about three times faster than a set-returning query here (every index build calls it
  -- once per person); repeated grams are fine, GIN keeps each key once per row.
  FOR i IN 1 .. n LOOP
    grams := grams || substr(t, i, 1);
    IF i < n THEN
      grams := grams || substr(t, i, 2);
    END IF;
  END LOOP;
  RETURN grams;
END;
$$;
CREATE INDEX person_name_key_grams ON person USING gin (search_grams(name_key));
CREATE INDEX person_kana_key_grams ON person USING gin (search_grams(kana_key));
CREATE INDEX person_address_key_grams ON person USING gin (search_grams(address_key));
