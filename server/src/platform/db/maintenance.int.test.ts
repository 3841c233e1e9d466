/**
 * At start on PostgreSQL only the tables without statistics are analysed (maintenance.ts): a table
 * analysed before keeps its statistics, however stale, for autovacuum to renew.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/test-app.js';
import { analyzeTablesWithoutStatistics } from './maintenance.js';

let fresh: Awaited<ReturnType<typeof freshDatabase>>;

beforeAll(async () => {
  fresh = await freshDatabase();
});

afterAll(async () => {
  await fresh.database.close();
  await fresh.drop();
});

const reltuples = async (table: string) =>
  Number((await sql<{ n: number }>`select reltuples as n from pg_class where oid = ${table}::regclass`.execute(fresh.database.db)).rows[0]!.n);

describe('analyzeTablesWithoutStatistics', () => {
  it('analyses the tables never analysed, and leaves those analysed before as they are', async () => {
    const db = fresh.database.db;
    // Few rows, far below autovacuum's threshold (50 + 10%), so nothing else analyses them meanwhile.
    await sql`create table stats_seen (x int)`.execute(db);
    await sql`insert into stats_seen select generate_series(1, 10)`.execute(db);
    await sql`analyze stats_seen`.execute(db);
    await sql`insert into stats_seen select generate_series(11, 30)`.execute(db);
    await sql`create table "Stats New" (x int)`.execute(db);
    await sql`insert into "Stats New" select generate_series(1, 12)`.execute(db);
    expect(await reltuples('"Stats New"')).toBe(-1);

    const analysed = await analyzeTablesWithoutStatistics(db);

    expect(analysed).toContain('Stats New');
    expect(analysed).not.toContain('stats_seen');
    expect(await reltuples('"Stats New"')).toBe(12);
    expect(await reltuples('stats_seen')).toBe(10);
    expect(await analyzeTablesWithoutStatistics(db)).not.toContain('Stats New');
  });
});
