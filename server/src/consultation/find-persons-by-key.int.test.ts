import { type SqlBool, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/test-app.js';
import type { Db } from '../platform/db/database.js';
import { newId } from '../platform/db/ids.js';
import { migrate } from '../platform/db/migrate.js';
import { seedScale } from '../seed/scale/run-scale.js';
import type { Actor, Role } from '../platform/access/actor.js';
import { SHARING_STATUSES } from '../referral/referral-states.js';
import { personsBornOn, personsByKeyPrefix } from './find-persons-by-key.js';
import { personVisibleTo } from './person.visibility.js';

/**
 * 本人検索's prefix page is found from the agency's side (person_visibility's keys, then referrals up
 * to the last own key). It must be exactly the page that walking the person key index with the
 * visibility filter gives: the same persons in the same order, for every page size — small pages are
 * where the bound on referred persons matters.
 */
// The city-scale generator's data at a small N: referrals in every state, by person and by household,
// with consents given, withdrawn and expired, over many agencies' persons.
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
beforeAll(async () => {
  fresh = await freshDatabase();
  await migrate(fresh.database);
  await seedScale(fresh.database, { persons: 3_000, seed: 7, password: 'search-test-password', production: false });
  db = fresh.database.db;
}, 300_000);
afterAll(async () => {
  await fresh?.database.close();
  await fresh?.drop();
});

async function actorOf(...logins: string[]): Promise<Actor> {
  const users = await db.selectFrom('app_user').selectAll().where('login_name', 'in', logins).execute();
  const agencies = await db
    .selectFrom('user_agency')
    .select('agency_id')
    .where('user_id', 'in', users.map((u) => u.user_id))
    .execute();
  const u = users[0]!;
  return { userId: u.user_id, municipalityId: u.municipality_id, prefectureCode: '99', loginName: logins.join('+'), roles: u.roles as Role[], agencyIds: [...new Set(agencies.map((a) => a.agency_id))] };
}

async function walked(actor: Actor, key: 'name_key' | 'kana_key', prefix: string, limit: number): Promise<string[]> {
  const now = new Date();
  const rows = await db
    .selectFrom('person as p')
    .select('p.person_id')
    .where('p.municipality_id', '=', actor.municipalityId)
    .where(sql<SqlBool>`${sql.ref(`p.${key}`)} like ${prefix}`)
    .where(personVisibleTo(actor, now))
    .orderBy(sql`${sql.ref(`p.${key}`)} using ~<~`)
    .orderBy('p.person_id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.person_id);
}

async function commonPrefixes(key: 'name_key' | 'kana_key'): Promise<string[]> {
  const { rows } = await sql<{ prefix: string }>`
    select substr(${sql.ref(key)}, 1, n) as prefix from person, (values (1), (2)) l(n)
    where ${sql.ref(key)} is not null group by 1 order by count(*) desc, 1 limit 8`.execute(db);
  return rows.map((r) => r.prefix);
}

describe('personsByKeyPrefix', () => {
  it('gives exactly the page the visibility-filtered walk gives, for every role, key and page size', async () => {
    // Referred persons made confidential must drop out of a referral receiver's pages.
    const referred = await db.selectFrom('referral').select('person_id').where('person_id', 'is not', null).where('status', 'in', [...SHARING_STATUSES]).limit(3).execute();
    expect(referred.length).toBe(3);
    await db
      .updateTable('person')
      .set({ confidential: true })
      .where('person_id', 'in', referred.map((r) => r.person_id!))
      .execute();

    // Consent withdrawn on some consultations that referrals relied on: those referrals share no more.
    const relied = await db
      .selectFrom('referral')
      .select(['municipality_id', 'consent_consultation_id'])
      .where('consent_consultation_id', 'is not', null)
      .where('status', 'in', [...SHARING_STATUSES])
      .limit(60)
      .execute();
    expect(relied.length).toBeGreaterThan(10);
    const recorder = await db.selectFrom('app_user').select('user_id').where('login_name', '=', 'houkatsu1').executeTakeFirstOrThrow();
    await db
      .insertInto('consent')
      .values(
        relied.map((r) => ({
          municipality_id: r.municipality_id,
          consent_id: newId(),
          consultation_id: r.consent_consultation_id!,
          person_id: null,
          status: 'withdrawn' as const,
          recorded_by_user_id: recorder.user_id,
          recorded_at: new Date(),
        })),
      )
      .execute();

    const actors = [await actorOf('houkatsu1'), await actorOf('jiritsu'), await actorOf('kodomo'), await actorOf('soudan1'), await actorOf('houkatsu1', 'kodomo')];
    expect(actors.at(-1)!.agencyIds.length).toBe(2);
    let pages = 0;
    let fullPages = 0;
    let referredHits = 0;
    for (const key of ['name_key', 'kana_key'] as const) {
      for (const prefix of await commonPrefixes(key)) {
        for (const actor of actors) {
          const own = new Set(
            (
              await db
                .selectFrom('person_visibility')
                .select('person_id')
                .where('agency_id', 'in', actor.agencyIds)
                .execute()
            ).map((r) => r.person_id),
          );
          for (const limit of [1, 2, 3, 5, 8, 13, 30]) {
            const expected = await walked(actor, key, `${prefix}%`, limit);
            const got = await personsByKeyPrefix(db, actor, new Date(), key, prefix, `${prefix}%`, limit);
            expect(got.map((r) => r.person_id), `${actor.loginName} ${key} ${prefix} ${limit}`).toEqual(expected);
            pages++;
            if (got.length === limit) fullPages++;
            referredHits += got.filter((r) => !own.has(r.person_id)).length;
          }
        }
      }
    }
    expect(pages).toBeGreaterThan(300);
    expect(fullPages).toBeGreaterThan(100);
    // Persons found only through a referral took part in the comparison.
    expect(referredHits).toBeGreaterThan(0);
  });

  it('finds by birth date exactly the persons the visibility filter allows, in 50音 order', async () => {
    const now = new Date();
    // Days with several persons, and the birthdays of referred persons (found only through a referral).
    const { rows } = await sql<{ day: string }>`
      (select birth_date::text as day from person where birth_date is not null group by 1 order by count(*) desc, 1 limit 10)
      union
      (select p.birth_date::text from referral r join person p on p.municipality_id = r.municipality_id and p.person_id = r.person_id
        where p.birth_date is not null order by 1 limit 30)`.execute(db);
    expect(rows.length).toBeGreaterThan(20);
    const actors = [await actorOf('houkatsu1'), await actorOf('jiritsu'), await actorOf('kodomo'), await actorOf('houkatsu1', 'kodomo')];
    let found = 0;
    for (const actor of actors) {
      for (const { day } of rows) {
        for (const limit of [1, 30]) {
          const expected = await db
            .selectFrom('person as p')
            .select('p.person_id')
            .where('p.municipality_id', '=', actor.municipalityId)
            .where(sql<SqlBool>`p.birth_date = ${day}::date`)
            .where(personVisibleTo(actor, now))
            .orderBy('p.kana_key')
            .orderBy('p.person_id')
            .limit(limit)
            .execute();
          const got = await personsBornOn(db, actor, now, day, limit);
          expect(got.map((r) => r.person_id), `${actor.loginName} ${day} ${limit}`).toEqual(expected.map((r) => r.person_id));
          found += got.length;
        }
      }
    }
    expect(found).toBeGreaterThan(50);
  });

  it('fills a page with referred persons when two agencies of one worker see the same few persons', async () => {
    const actor = await actorOf('houkatsu1', 'kodomo');
    const [own, other] = actor.agencyIds as [string, string];
    const third = (await actorOf('jiritsu')).agencyIds[0]!;
    const mid = actor.municipalityId;
    const house = newId();
    await db.insertInto('household').values({ municipality_id: mid, household_id: house, label: '重複世帯', registered_by_agency_id: other }).execute();
    const shared = [newId(), newId(), newId()];
    const referred = newId();
    await db
      .insertInto('person')
      .values([
        ...shared.map((id, i) => ({ municipality_id: mid, person_id: id, family_name: '重複', given_name: `${i}`, name_key: `重複${i}`, registered_by_agency_id: own })),
        { municipality_id: mid, person_id: referred, family_name: '重複', given_name: '九', name_key: '重複九', registered_by_agency_id: third },
      ])
      .execute();
    await db
      .insertInto('household_membership')
      .values(shared.map((id) => ({ municipality_id: mid, membership_id: newId(), household_id: house, person_id: id, joined_on: '2026-04-01' })))
      .execute();
    await db
      .insertInto('referral')
      .values({
        municipality_id: mid,
        referral_id: newId(),
        from_agency_id: third,
        to_agency_id: own,
        person_id: referred,
        reason: '就労の相談',
        urgency: 'normal',
        status: 'requested',
        basis: 'legal',
        legal_basis: '社会福祉法第106条の3',
        created_by_user_id: actor.userId,
        requested_at: new Date(),
      })
      .execute();
    // Each agency sees the three (six entries, three persons): the page still has room for the referred one.
    const got = await personsByKeyPrefix(db, actor, new Date(), 'name_key', '重複', '重複%', 5);
    expect(got.map((r) => r.person_id)).toEqual(await walked(actor, 'name_key', '重複%', 5));
    expect(got.map((r) => r.person_id)).toEqual([...shared, referred]);
  });
});
