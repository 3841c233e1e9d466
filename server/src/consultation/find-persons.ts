/**
 * The 本人検索 query (no authorization or audit: searchPersons does those; the benchmark runs it as
 * its SQL floor). At a city's scale a common surname matches tens of thousands of persons, so:
 *
 * 1. exact and prefix on the normalised key (name_key or kana_key): the first `limit` persons the actor
 *    may read in key order (`using ~<~`, the text_pattern_ops order), found from the agency's side
 *    (find-persons-by-key.ts) so that a common surname costs a page, not a walk past the persons the
 *    agency may not see;
 * 2. only when that leaves room, widen: loose reading and substring (trigram indexes; for one or two
 *    characters, which have no trigram, the gram index), excluding what step 1 found.
 *
 * Which persons are returned when more than `limit` match is therefore decided by key order (an exact
 * match sorts before its prefixes); the page is then shown by rank and 50音 (kana_key).
 */
import { type SqlBool, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.js';
import type { DbHandle } from '../platform/db/database.js';
import { parseJapaneseDate } from './japanese/japanese-date.js';
import { isKanaOnly, looseKana, normalizeKana, normalizeKanjiName } from './japanese/name-keys.js';
import { personsBornOn, personsByKeyPrefix } from './find-persons-by-key.js';
import type { PersonView } from './person-view.js';
import { actorMaySeePersons, personVisibleTo } from './person.visibility.js';

export type QueryKind = 'birth_date' | 'phone' | 'kana' | 'name';

export type PersonHit = Pick<PersonView, 'id' | 'familyName' | 'givenName' | 'familyKana' | 'givenKana' | 'sex' | 'birthDate' | 'address'> & {
  /** 1 = exact, 2 = prefix, 3 = loose reading or substring, 4 = address/other field. */
  rank: number;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/**
 * `column` contains `value` (given as the LIKE pattern `substring`), in the form an index answers:
 * the trigram index for three characters or more; below that pg_trgm extracts no trigram (it would
 * read every person), so the 1- and 2-character gram index (search_grams, migration 202611271101).
 */
function containsOf(value: string, substring: string) {
  const short = [...value].length < 3;
  return (column: ReturnType<typeof sql.ref>) =>
    short ? sql<SqlBool>`search_grams(${column}) @> array[${value}]::text[]` : sql<SqlBool>`${column} like ${substring}`;
}

/** What the one search box was given: a birth date, a phone number, a reading, or a name/address. */
export function classifyQuery(q: string, today: Date): { kind: QueryKind; value: string } {
  const nfkc = q.normalize('NFKC').trim();
  const date = /\d/.test(nfkc) ? parseJapaneseDate(nfkc, today) : null;
  if (date?.ok) return { kind: 'birth_date', value: date.iso };
  const digits = nfkc.replace(/[\s()-]/g, '');
  if (/^\d{3,}$/.test(digits)) return { kind: 'phone', value: digits };
  if (isKanaOnly(nfkc)) return { kind: 'kana', value: normalizeKana(nfkc) };
  return { kind: 'name', value: normalizeKanjiName(nfkc) };
}

export async function findPersons(db: DbHandle, actor: Actor, now: Date, q: string, limit = 30): Promise<{ items: PersonHit[]; kind: QueryKind }> {
  const { kind, value } = classifyQuery(q, now);
  if (!actorMaySeePersons(actor) || value.length === 0) return { items: [], kind };
  const like = escapeLike(value);
  const persons = (rank: ReturnType<typeof sql<number>>) =>
    db
      .selectFrom('person as p')
      .select(['p.person_id', 'p.family_name', 'p.given_name', 'p.family_kana', 'p.given_kana', 'p.sex', 'p.birth_date', 'p.address', 'p.kana_key', rank.as('rank')])
      .where('p.municipality_id', '=', actor.municipalityId)
      .where(personVisibleTo(actor, now));

  let rows: Awaited<ReturnType<ReturnType<typeof persons>['execute']>>;
  if (kind === 'birth_date') {
    rows = await personsBornOn(db, actor, now, value, limit);
  } else if (kind === 'phone') {
    rows = await persons(sql<number>`3`)
      .where(sql<SqlBool>`p.phone_digits like ${`%${like}%`}`)
      .orderBy('p.kana_key')
      .orderBy('p.person_id')
      .limit(limit)
      .execute();
  } else {
    const keyColumn = kind === 'kana' ? 'kana_key' : 'name_key';
    const key = sql.ref(`p.${keyColumn}`);
    const prefix = `${like}%`;
    rows = await personsByKeyPrefix(db, actor, now, keyColumn, value, prefix, limit);
    if (rows.length < limit) {
      const substring = `%${like}%`;
      const contains = containsOf(value, substring);
      const widen =
        kind === 'kana'
          ? sql<SqlBool>`(p.kana_loose_key like ${`${escapeLike(looseKana(value))}%`} or ${contains(sql.ref('p.kana_key'))})`
          : sql<SqlBool>`(${contains(sql.ref('p.name_key'))} or ${contains(sql.ref('p.address_key'))})`;
      const rank = kind === 'kana' ? sql<number>`3` : sql<number>`case when p.name_key like ${substring} then 3 else 4 end`;
      const more = await persons(rank)
        .where(widen)
        .where(sql<SqlBool>`coalesce(${key}, '') not like ${prefix}`)
        .orderBy('rank')
        .orderBy('p.kana_key')
        .orderBy('p.person_id')
        .limit(limit - rows.length)
        .execute();
      rows = [...rows, ...more];
    }
  }
  const items = rows.map((r) => ({
    id: r.person_id,
    familyName: r.family_name,
    givenName: r.given_name,
    familyKana: r.family_kana,
    givenKana: r.given_kana,
    sex: r.sex,
    birthDate: r.birth_date,
    address: r.address,
    rank: Number(r.rank),
    kanaKey: r.kana_key ?? '',
  }));
  items.sort((a, b) => a.rank - b.rank || (a.kanaKey < b.kanaKey ? -1 : a.kanaKey > b.kanaKey ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { items: items.map(({ kanaKey: _kanaKey, ...hit }) => hit), kind };
}
