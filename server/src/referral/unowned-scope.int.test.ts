/**
 * 誰も担当していない相談 for one agency looks only at the consultations that can matter to it (a
 * performance shortcut). This checks the shortcut against the definition: for every agency of a
 * populated demo, its list equals the municipality's list filtered to its own rows, row for row.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/test-app.js';
import { migrate } from '../platform/db/migrate.js';
import { seedDemo } from '../seed/seed-demo.js';
import { findUnowned } from './unowned.repo.js';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let mid: string;
let agencies: string[];

beforeAll(async () => {
  fresh = await freshDatabase();
  await migrate(fresh.database);
  await seedDemo(fresh.database.db, { seed: 11, password: 'unowned-scope-2026', production: false, volunteers: 3, staffPerAgency: 1, persons: 300 });
  const db = fresh.database.db;
  await sql`analyze`.execute(db); // statistics of the seeded tables, as on a running server (platform/db/maintenance.ts)
  mid = (await sql<{ id: string }>`select municipality_id as id from municipality order by created_at limit 1`.execute(db)).rows[0]!.id;
  agencies = (await sql<{ id: string }>`select agency_id as id from agency where municipality_id = ${mid} order by agency_id`.execute(db)).rows.map((r) => r.id);
}, 120_000);

afterAll(async () => {
  await fresh.database.close();
  await fresh.drop();
});

describe('findUnowned scoped to agencies', () => {
  for (const days of [30]) {
    it(`returns, for each agency and for N = ${days}, exactly the municipality's rows it receives or leads`, async () => {
      const db = fresh.database.db;
      const today = '2026-11-27';
      const all = await findUnowned(db, mid, today, days, null);
      expect(all.length).toBeGreaterThan(50);
      let nonEmpty = 0;
      for (const agency of agencies) {
        const scoped = await findUnowned(db, mid, today, days, [agency]);
        const expected = all.filter((r) => r.receiving_agency_id === agency || r.lead_agency_id === agency);
        expect(scoped).toEqual(expected);
        if (scoped.length > 0) nonEmpty += 1;
      }
      expect(nonEmpty).toBeGreaterThan(2);
      // Two agencies at once: the union of both.
      const pair = agencies.slice(0, 2);
      expect(await findUnowned(db, mid, today, days, pair)).toEqual(all.filter((r) => pair.includes(r.receiving_agency_id) || (r.lead_agency_id !== null && pair.includes(r.lead_agency_id))));
    }, 120_000);
  }
});
