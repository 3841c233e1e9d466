import { type SqlBool, sql } from 'kysely';
import { authorize } from '../platform/access/authorize.js';
import type { Actor } from '../platform/access/actor.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import type { DbHandle } from '../platform/db/database.js';
import { inTransaction } from '../platform/db/transaction.js';
import { parseJapaneseDate } from './japanese/japanese-date.js';
import { isKanaOnly, looseKana, normalizeKana, normalizeKanjiName } from './japanese/name-keys.js';
import type { PersonView } from './person-view.js';
import { actorMaySeePersons, personVisibleTo } from './person.visibility.js';

export type QueryKind = 'birth_date' | 'phone' | 'kana' | 'name';

export type PersonHit = Pick<PersonView, 'id' | 'familyName' | 'givenName' | 'familyKana' | 'givenKana' | 'sex' | 'birthDate' | 'address'> & {
  /** 1 = exact, 2 = prefix, 3 = loose reading or substring, 4 = address/other field. */
  rank: number;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

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

/**
 * 本人検索: one box, exact and prefix matches on normalised keys first, substring (trigram) only
 * to widen, ranked by match quality. Only persons the actor may read ever appear, so neither the
 * rows nor their count reveal anyone else. The search is audited without the query text.
 */
export async function searchPersons(ctx: Ctx, q: string, limit = 30): Promise<{ items: PersonHit[]; kind: QueryKind }> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'list', { kind: 'person', municipalityId: mid, ownerAgencyIds: [...tx.actor.agencyIds] });
    const { items, kind } = await findPersons(tx.db, tx.actor, tx.now, q, limit);
    await audit(tx, { action: 'person.search', targetType: 'person', basis, details: { queryKind: kind, returned: items.length } });
    return { items, kind };
  });
}

/** The search query itself, filtered to what `actor` may read (no authorization or audit; also the benchmark's SQL floor). */
export async function findPersons(db: DbHandle, actor: Actor, now: Date, q: string, limit = 30): Promise<{ items: PersonHit[]; kind: QueryKind }> {
  const mid = actor.municipalityId;
  const { kind, value } = classifyQuery(q, now);
  if (!actorMaySeePersons(actor) || value.length === 0) return { items: [], kind };
  const like = escapeLike(value);
  const rank =
    kind === 'birth_date'
      ? sql<number>`1`
      : kind === 'phone'
        ? sql<number>`3`
        : kind === 'kana'
          ? sql<number>`case when p.kana_key = ${value} then 1 when p.kana_key like ${`${like}%`} then 2 else 3 end`
          : sql<number>`case when p.name_key = ${value} then 1 when p.name_key like ${`${like}%`} then 2
              when p.name_key like ${`%${like}%`} then 3 else 4 end`;
  const match =
    kind === 'birth_date'
      ? sql<SqlBool>`p.birth_date = ${value}::date`
      : kind === 'phone'
        ? sql<SqlBool>`p.phone_digits like ${`%${like}%`}`
        : kind === 'kana'
          ? sql<SqlBool>`(p.kana_key like ${`${like}%`} or p.kana_loose_key like ${`${escapeLike(looseKana(value))}%`} or p.kana_key like ${`%${like}%`})`
          : sql<SqlBool>`(p.name_key like ${`%${like}%`} or p.address_key like ${`%${like}%`})`;
  const rows = await db
    .selectFrom('person as p')
    .select(['p.person_id', 'p.family_name', 'p.given_name', 'p.family_kana', 'p.given_kana', 'p.sex', 'p.birth_date', 'p.address', rank.as('rank')])
    .where('p.municipality_id', '=', mid)
    .where(match)
    .where(personVisibleTo(actor, now))
    .orderBy('rank')
    .orderBy('p.kana_key')
    .orderBy('p.person_id')
    .limit(limit)
    .execute();
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
  }));
  return { items, kind };
}
