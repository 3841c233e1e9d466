import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, testDbKind } from '../../../test/test-app.js';
import type { AnonCtx } from '../context.js';
import type { OpenDatabase } from './database.js';
import { inTransaction, TRANSACTION_ATTEMPTS } from './transaction.js';

/** inTransaction runs a use case again when PostgreSQL ended it as a deadlock victim; nothing of a failed attempt stays. */
let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let db: OpenDatabase['db'];
const meta = { requestId: 'transaction-test', clientAddr: null, userAgent: null };
const ctx = (): AnonCtx => ({ db, now: new Date(), meta });

beforeAll(async () => {
  fresh = await freshDatabase();
  db = fresh.database.db;
  await sql`create table retry_probe (attempt int not null, label text not null)`.execute(db);
});
afterAll(async () => {
  await fresh?.database.close();
  await fresh?.drop();
});

const deadlock = () => Object.assign(new Error('deadlock detected'), { code: '40P01' });
const rows = async (label: string) => (await sql<{ attempt: number }>`select attempt from retry_probe where label = ${label} order by attempt`.execute(db)).rows.map((r) => r.attempt);

describe(`inTransaction retries (${testDbKind()})`, () => {
  it('runs the use case again after a deadlock, keeping only the attempt that committed', async () => {
    let calls = 0;
    const result = await inTransaction(ctx(), async (tx) => {
      calls++;
      await sql`insert into retry_probe values (${calls}, 'once')`.execute(tx.db);
      if (calls === 1) throw deadlock();
      return 'done';
    });
    expect(result).toBe('done');
    expect(calls).toBe(2);
    expect(await rows('once')).toEqual([2]);
  });

  it(`gives up after ${TRANSACTION_ATTEMPTS} attempts and writes nothing; other errors are not retried`, async () => {
    let calls = 0;
    await expect(
      inTransaction(ctx(), async (tx) => {
        calls++;
        await sql`insert into retry_probe values (${calls}, 'always')`.execute(tx.db);
        throw deadlock();
      }),
    ).rejects.toMatchObject({ code: '40P01' });
    expect(calls).toBe(TRANSACTION_ATTEMPTS);
    expect(await rows('always')).toEqual([]);

    let other = 0;
    await expect(
      inTransaction(ctx(), async () => {
        other++;
        throw Object.assign(new Error('unique'), { code: '23505' });
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(other).toBe(1);
  });

  if (testDbKind() === 'postgres') {
    it('survives a real deadlock between two transactions (postgres)', async () => {
      let firstLocks = 0;
      let release!: () => void;
      const bothHoldOne = new Promise<void>((resolve) => {
        release = resolve;
      });
      let calls = 0;
      const run = (a: number, b: number, label: string) =>
        inTransaction(ctx(), async (tx) => {
          calls++;
          await sql`select pg_advisory_xact_lock(${a})`.execute(tx.db);
          if (++firstLocks === 2) release();
          await bothHoldOne;
          await sql`select pg_advisory_xact_lock(${b})`.execute(tx.db);
          await sql`insert into retry_probe values (${calls}, ${label})`.execute(tx.db);
          return label;
        });
      expect(await Promise.all([run(7001, 7002, 'a'), run(7002, 7001, 'b')])).toEqual(['a', 'b']);
      expect(calls).toBe(3);
      expect((await rows('a')).length + (await rows('b')).length).toBe(2);
    });
  }
});
