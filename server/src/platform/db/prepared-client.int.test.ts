import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKind } from '../../../test/test-app.js';
import type { OpenDatabase } from './database.js';
import { MAX_PREPARED, PreparingClient } from './prepared-client.js';

/** Parameterised statements run as named prepared statements on PostgreSQL: same answers, bounded per connection. */
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let db: OpenDatabase['db'];

beforeAll(async () => {
  fresh = await freshDatabase();
  db = fresh.database.db;
  await sql`create table prepared_probe (id int primary key, label text not null)`.execute(db);
  await sql`insert into prepared_probe select g, 'row ' || g from generate_series(1, 50) g`.execute(db);
});
afterAll(async () => {
  await fresh?.database.close();
  await fresh?.drop();
});

describe(`prepared statements (${testDbKind()})`, () => {
  it('answers a repeated statement with each call’s own parameters, also after the plan is cached', async () => {
    for (let id = 1; id <= 12; id++) {
      const row = await db.selectFrom('prepared_probe' as never).select(['label' as never]).where('id' as never, '=', id as never).executeTakeFirst();
      expect(row).toEqual({ label: `row ${id}` });
    }
    // A failing statement (unique violation) leaves the connection usable and the statement reusable.
    await expect(sql`insert into prepared_probe values (${1}, ${'dup'})`.execute(db)).rejects.toMatchObject({ code: '23505' });
    await sql`insert into prepared_probe values (${51}, ${'row 51'})`.execute(db);
    expect((await sql<{ n: number }>`select count(*)::int as n from prepared_probe where id > ${0}`.execute(db)).rows[0]!.n).toBe(51);
  });

  if (testDbKind() === 'postgres') {
    it('prepares once per connection, uses a generic plan after five runs, and keeps at most MAX_PREPARED (postgres)', async () => {
      const client = new PreparingClient({ connectionString: fresh.url! });
      await client.connect();
      try {
        const lookup = 'select label from prepared_probe where id = $1';
        for (let id = 1; id <= 8; id++) expect((await client.query(lookup, [id])).rows).toEqual([{ label: `row ${id}` }]);
        const stats = await client.query('select statement, generic_plans, custom_plans from pg_prepared_statements');
        expect(stats.rows).toEqual([{ statement: lookup, generic_plans: '3', custom_plans: '5' }]);

        for (let i = 0; i < MAX_PREPARED + 25; i++) expect((await client.query(`select $1::int + ${i} as n`, [1])).rows[0].n).toBe(1 + i);
        expect(client.preparedCount).toBe(MAX_PREPARED);
        const { rows } = await client.query('select count(*)::int as n from pg_prepared_statements');
        expect(rows[0].n).toBe(MAX_PREPARED);
        // The first statement was evicted (least recently used): it is prepared again when it comes back.
        expect((await client.query(lookup, [9])).rows).toEqual([{ label: 'row 9' }]);
        expect((await client.query('select count(*)::int as n from pg_prepared_statements where statement = $1', [lookup])).rows[0].n).toBe(1);
      } finally {
        await client.end();
      }
    });
  }
});
