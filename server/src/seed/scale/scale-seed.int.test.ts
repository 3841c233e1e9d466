/**
 * The city-scale generator at a small N on a fresh database: the requested number of persons, the
 * same ids and counts from the same seed, referrals in every state, consultations over 5 年度,
 * duplicate-looking people, every index and constraint back after the load, and an audit chain that
 * verifies. (Its speed is measured by running `npm run seed -- --persons N`, not here.)
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/test-app.js';
import { verifyAudit } from '../../platform/audit/verify-audit.js';
import type { OpenDatabase } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { REFERRAL_STATUSES } from '../../referral/referral-states.js';
import { bulkInsert } from './bulk-insert.js';
import { constraintNames, indexNames } from './indexes.js';
import { incompleteScaleSeed, type ScaleSeedReport, seedScale } from './run-scale.js';
import { fiveFiscalYearsStart } from './stage-people.js';

const PERSONS = 2_000;
const NOW = new Date();

interface Snapshot {
  report: ScaleSeedReport;
  counts: Record<string, number>;
  checksum: string;
}

async function generate(check: (database: OpenDatabase, report: ScaleSeedReport) => Promise<void>): Promise<Snapshot> {
  const fresh = await freshDatabase();
  try {
    await migrate(fresh.database);
    const db = fresh.database.db;
    const indexesBefore = await indexNames(db);
    const constraintsBefore = await constraintNames(db);
    const report = await seedScale(fresh.database, { persons: PERSONS, seed: 4242, password: 'scale-test-password', production: false, now: NOW });
    expect(await indexNames(db)).toEqual(indexesBefore);
    expect(await constraintNames(db)).toEqual(constraintsBefore);
    await check(fresh.database, report);
    const counts: Record<string, number> = {};
    for (const table of ['person', 'household', 'consultation', 'support_case', 'progress_note', 'referral', 'audit_event']) {
      const r = await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(db);
      counts[table] = Number(r.rows[0]!.n);
    }
    const sum = await sql<{ checksum: string }>`
      select md5(string_agg(person_id::text || family_name || given_name || coalesce(family_kana, ''), ',' order by person_id)) as checksum from person`.execute(db);
    return { report, counts, checksum: sum.rows[0]!.checksum };
  } finally {
    await fresh.database.close();
    await fresh.drop();
  }
}

describe('city-scale generator (npm run seed -- --persons N)', () => {
  it('builds N persons with casework over 5 年度, restores every index, seals the audit trail, and repeats itself from the same seed', async () => {
    const first = await generate(async (database, report) => {
      const db = database.db;
      const persons = await sql<{ n: string }>`select count(*)::text as n from person`.execute(db);
      expect(Number(persons.rows[0]!.n)).toBe(PERSONS);
      expect(report.indexes.rebuilt).toBeGreaterThan(20);

      const statuses = await sql<{ status: string }>`select distinct status from referral`.execute(db);
      expect(statuses.rows.map((r) => r.status).sort()).toEqual([...REFERRAL_STATUSES].sort());

      // 年度 of each consultation: April–March, Japan time.
      const years = await sql<{ fy: number }>`
        select distinct (extract(year from received_on) - case when extract(month from received_on) < 4 then 1 else 0 end)::int as fy
        from consultation order by 1`.execute(db);
      const startYear = fiveFiscalYearsStart(NOW).getUTCFullYear();
      expect(years.rows.map((r) => r.fy)).toEqual([0, 1, 2, 3, 4].map((i) => startYear + i));
      const future = await sql<{ n: string }>`select count(*)::text as n from consultation where received_on > ${NOW.toISOString().slice(0, 10)}::date`.execute(db);
      expect(future.rows[0]!.n).toBe('0');

      // Duplicate-looking people: the same name and birth date in two households, and one reading written two ways.
      const sameNameAndBirth = await sql<{ n: string }>`
        select count(*)::text as n from (
          select p.name_key, p.birth_date from person p
          join household_membership m on m.municipality_id = p.municipality_id and m.person_id = p.person_id
          group by p.name_key, p.birth_date having count(distinct m.household_id) > 1) d`.execute(db);
      expect(Number(sameNameAndBirth.rows[0]!.n)).toBeGreaterThan(0);
      const sameReading = await sql<{ n: string }>`
        select count(*)::text as n from (select family_kana from person group by family_kana having count(distinct family_name) > 1) d`.execute(db);
      expect(Number(sameReading.rows[0]!.n)).toBeGreaterThan(0);
      const variants = await sql<{ n: string }>`select count(*)::text as n from person where family_name in ('髙橋', '齋藤', '渡邊', '山﨑')`.execute(db);
      expect(Number(variants.rows[0]!.n)).toBeGreaterThan(0);

      // Concerns co-occur (8050: care and withdrawal on the same household's people).
      const cooccur = await sql<{ n: string }>`
        select count(*)::text as n from consultation where 'care' = any(categories) and 'withdrawal' = any(categories)`.execute(db);
      expect(Number(cooccur.rows[0]!.n)).toBeGreaterThan(0);

      const verification = await verifyAudit(db, report.municipalityId);
      expect(verification.problems).toEqual([]);
      expect(verification.unsealed).toBe(0);
      expect(verification.warnings).toEqual([]);
      expect(await incompleteScaleSeed(database)).toBe(false);
    });
    const second = await generate(async () => {});
    expect(second.counts).toEqual(first.counts);
    expect(second.checksum).toBe(first.checksum);
    expect(second.report.municipalityId).toBe(first.report.municipalityId);
  }, 180_000);

  it('bulk-inserts awkward values as they were given', async () => {
    const fresh = await freshDatabase();
    try {
      const db = fresh.database.db;
      await sql`create table bulk_probe (id int primary key, name text, tags text[], at timestamptz, day date, ok boolean, details jsonb, ids uuid[])`.execute(db);
      const rows = [
        { id: 1, name: '', tags: [], at: new Date('2026-01-02T03:04:05.678Z'), day: '2026-01-02', ok: true, details: [{ a: 'x"y' }], ids: ['019d4657-0001-73d8-9355-a1791a5a92b5'] },
        { id: 2, name: 'a"b\\c,{d}', tags: ['x,y', 'q"r', 'b\\s', '', 'NULL'], at: null, day: null, ok: false, details: { k: null }, ids: [] },
        { id: 3, name: null, tags: ['髙橋'], at: null, day: null, ok: null, details: null, ids: null },
      ];
      await bulkInsert(db, 'bulk_probe', [rows[0]!]);
      await bulkInsert(db, 'bulk_probe', rows.slice(1));
      const back = await sql<Record<string, unknown>>`select * from bulk_probe order by id`.execute(db);
      expect(back.rows.map((r) => ({ ...r, at: r.at === null ? null : new Date(r.at as string).toISOString() }))).toEqual(rows.map((r) => ({ ...r, at: r.at?.toISOString() ?? null })));
      await expect(bulkInsert(db, 'bulk_probe', [{ id: 4, name: 'a\u001fb' }])).rejects.toThrow('区切り文字');
    } finally {
      await fresh.database.close();
      await fresh.drop();
    }
  });
});
