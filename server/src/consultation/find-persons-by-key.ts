/**
 * 本人検索's first step for a name or a reading: the first `limit` persons the actor may find whose
 * normalised key (name_key or kana_key) starts with the query, in key order (`~<~`, the
 * text_pattern_ops order), then person_id — the same page as walking the person's key index and
 * filtering by personVisibleTo, found from the agency's side:
 *
 * - `own`: the agency's own and 支援チーム persons are the first entries of one index range of
 *   person_visibility, which carries the keys (migration 202611301050) — per agency, `limit` entries;
 * - `referred`: persons found through a sharing referral can only make the page if their key sorts no
 *   later than the last of `own` (when `own` filled a page); so only that stretch of the person key
 *   index (index-only) is met with the agencies' open referrals (referral/referred-persons.ts).
 *
 * Walking the person index instead probed visibility for every person passed: a common surname at a
 * million persons passed ~900 persons and their heap pages before 30 were visible.
 */
import { type Selectable, sql } from 'kysely';
import type { Actor } from '../platform/access/actor.js';
import type { DbHandle } from '../platform/db/database.js';
import type { PersonTable } from '../platform/db/schema.js';
import { referredAmong } from '../referral/referred-persons.js';

export type KeyHitRow = Pick<Selectable<PersonTable>, 'person_id' | 'family_name' | 'given_name' | 'family_kana' | 'given_kana' | 'sex' | 'birth_date' | 'address' | 'kana_key'> & {
  rank: number;
};

/** U+10FFFF sorts after every character in byte order: `value || MAX_CHAR` bounds the keys starting with value. */
const MAX_CHAR = String.fromCodePoint(0x10ffff);

export async function personsByKeyPrefix(db: DbHandle, actor: Actor, now: Date, key: 'name_key' | 'kana_key', value: string, prefix: string, limit: number): Promise<KeyHitRow[]> {
  const mid = actor.municipalityId;
  const agencies = sql.val([...actor.agencyIds]);
  const own = sql`select o.person_id, o.key from unnest(${agencies}::uuid[]) a(id)
    cross join lateral (
      select v.person_id, ${sql.ref(`v.${key}`)} as key from person_visibility v
      where v.municipality_id = ${mid} and v.agency_id = a.id and ${sql.ref(`v.${key}`)} like ${prefix}
      order by ${sql.ref(`v.${key}`)} using ~<~, v.person_id
      limit ${limit}) o`;
  // The person key index from the prefix up to the bound, index-only. The bound is compared in the
  // column's own collation so that it is an index condition, not a filter.
  const stretch = sql`select c.person_id, ${sql.ref(`c.${key}`)} as key from person c
    where c.municipality_id = ${mid} and ${sql.ref(`c.${key}`)} like ${prefix}
      and ${sql.ref(`c.${key}`)} ~<=~ (select b.key from bound b)`;
  const { rows } = await sql<KeyHitRow>`
    with own as (${own}),
    bound as (
      select case when count(distinct person_id) < ${limit} then ${value}::text || ${MAX_CHAR}::text
                  else max(key collate "C") collate "default" end as key
      from own),
    page as (
      select u.person_id, u.key from (select person_id, key from own union ${referredAmong(mid, actor.agencyIds, now, stretch)}) u
      order by u.key using ~<~, u.person_id
      limit ${limit})
    select p.person_id, p.family_name, p.given_name, p.family_kana, p.given_kana, p.sex, p.birth_date, p.address, p.kana_key,
      case when ${sql.ref(`p.${key}`)} = ${value} then 1 else 2 end as rank
    from page k join person p on p.municipality_id = ${mid} and p.person_id = k.person_id
    order by k.key using ~<~, k.person_id`.execute(db);
  return rows;
}

/**
 * 本人検索 by birth date: the persons born that day (a few dozen in a city of a million) that the
 * actor may find — through the agency's person_visibility rows or a sharing referral — by 50音, then
 * person_id. Filtering the day's persons with personVisibleTo built the agency's whole referral set
 * first (thousands of referrals, each with its consent): most of the search.
 */
export async function personsBornOn(db: DbHandle, actor: Actor, now: Date, isoDate: string, limit: number): Promise<KeyHitRow[]> {
  const mid = actor.municipalityId;
  const agencies = sql.val([...actor.agencyIds]);
  const born = sql`select c.person_id, c.kana_key as key from person c where c.municipality_id = ${mid} and c.birth_date = ${isoDate}::date`;
  const { rows } = await sql<KeyHitRow>`
    with born as materialized (${born}),
    visible as (
      select b.person_id from born b
       where exists (select 1 from person_visibility v
                      where v.municipality_id = ${mid} and v.person_id = b.person_id and v.agency_id = any(${agencies}::uuid[]))
      union
      select r.person_id from (${referredAmong(mid, actor.agencyIds, now, sql`select person_id, key from born`)}) r)
    select p.person_id, p.family_name, p.given_name, p.family_kana, p.given_kana, p.sex, p.birth_date, p.address, p.kana_key, 1 as rank
    from visible k join person p on p.municipality_id = ${mid} and p.person_id = k.person_id
    order by p.kana_key, p.person_id
    limit ${limit}`.execute(db);
  return rows;
}
