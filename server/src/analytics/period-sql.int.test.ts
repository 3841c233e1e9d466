import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../test/test-app.js';
import type { OpenDatabase } from '../platform/db/database.js';
import { dayOf, instantWithin } from './period-sql.js';

/**
 * instantWithin is the index-friendly form of "the instant's day in Japan is in the period"; it must
 * agree with dayOf(…) between … at every boundary, whatever the session's time zone.
 */
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let db: OpenDatabase['db'];

beforeAll(async () => {
  fresh = await freshDatabase();
  db = fresh.database.db;
});
afterAll(async () => {
  await fresh?.database.close();
  await fresh?.drop();
});

const instants = [
  '2025-02-28T14:59:59.999Z', // 2025-02-28 23:59:59.999 JST
  '2025-02-28T15:00:00Z', // 2025-03-01 00:00 JST
  '2025-03-15T03:00:00Z',
  '2025-03-31T14:59:59.999Z', // 2025-03-31 23:59:59.999 JST
  '2025-03-31T15:00:00Z', // 2025-04-01 00:00 JST
  '2025-03-31T23:00:00Z',
];

async function within(from: string, to: string, timeZone: string) {
  return db.transaction().execute(async (tx) => {
    await sql`select set_config('TimeZone', ${timeZone}, true)`.execute(tx);
    const { rows } = await sql<{ at: string; fast: boolean; slow: boolean }>`
      select t.at, ${instantWithin('t.ts', from, to)} as fast, ${dayOf('t.ts')} between ${from}::date and ${to}::date as slow
        from (select x as at, x::timestamptz as ts from unnest(${sql.val(instants)}::text[]) as x) as t`.execute(tx);
    return rows;
  });
}

describe('instantWithin', () => {
  for (const timeZone of ['UTC', 'Asia/Tokyo', 'America/Los_Angeles']) {
    it(`takes the Japanese day's bounds (session time zone ${timeZone})`, async () => {
      const rows = await within('2025-03-01', '2025-03-31', timeZone);
      expect(rows.filter((r) => r.fast).map((r) => r.at)).toEqual(['2025-02-28T15:00:00Z', '2025-03-15T03:00:00Z', '2025-03-31T14:59:59.999Z']);
      for (const r of rows) expect(r.fast).toBe(r.slow);
    });
  }

  it('takes a one-day period as that whole day', async () => {
    const rows = await within('2025-04-01', '2025-04-01', 'UTC');
    expect(rows.filter((r) => r.fast).map((r) => r.at)).toEqual(['2025-03-31T15:00:00Z', '2025-03-31T23:00:00Z']);
  });
});
