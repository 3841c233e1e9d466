import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { chainHash, eventHash, GENESIS } from './event-hash.js';

/**
 * How far back the sealer looks for committed-but-unsealed events. Writers never take a chain lock;
 * an event committed later than this after it occurred is still sealed, but marked `late`, and the
 * verifier reports it (it can also mean an event was inserted into the past).
 */
export const SEAL_LOOKBACK_MS = 10 * 60_000;
/**
 * The background sealer's usual look back (audit-sealer.ts). Every event of the whole SEAL_LOOKBACK_MS
 * window is checked against the seals, which under load is most of the sealer's work (200 requests a
 * second keep 120,000 events in ten minutes: ~80 ms every second). Almost every event commits within a
 * second of occurring, so most runs look back this far and one run a minute the whole window.
 */
export const RECENT_LOOKBACK_MS = 15_000;
const LATE_AFTER_MS = 2 * 60_000;
const BATCH = 2_000;

/**
 * Seals committed audit events into the municipality's hash chain, in (occurred_at, event_id) order
 * of discovery. One sealer per municipality at a time (transaction-scoped advisory lock).
 * Returns the number of events sealed.
 */
export async function sealAuditEvents(db: Db, municipalityId: string, now: Date = new Date(), lookbackMs = SEAL_LOOKBACK_MS): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(7301002, hashtext(${municipalityId}))`.execute(trx);
    const last = await trx
      .selectFrom('audit_seal as s')
      .innerJoin('audit_event as e', (j) =>
        j.onRef('e.municipality_id', '=', 's.municipality_id').onRef('e.event_id', '=', 's.event_id'),
      )
      .select(['s.seq', 's.chain_hash', 'e.occurred_at'])
      .where('s.municipality_id', '=', municipalityId)
      .orderBy('s.seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const lastSeal = last
      ? last
      : await trx
          .selectFrom('audit_seal')
          .select(['seq', 'chain_hash'])
          .where('municipality_id', '=', municipalityId)
          .orderBy('seq', 'desc')
          .limit(1)
          .executeTakeFirst();
    const since = last ? new Date(new Date(last.occurred_at).getTime() - lookbackMs) : new Date(0);
    const pending = await trx
      .selectFrom('audit_event as e')
      .selectAll('e')
      .where('e.municipality_id', '=', municipalityId)
      .where('e.occurred_at', '>=', since)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('audit_seal as s')
              .select(sql`1`.as('one'))
              .whereRef('s.municipality_id', '=', 'e.municipality_id')
              .whereRef('s.event_id', '=', 'e.event_id'),
          ),
        ),
      )
      .orderBy('e.occurred_at')
      .orderBy('e.event_id')
      .limit(BATCH)
      .execute();
    if (pending.length === 0) return 0;
    let seq = lastSeal ? Number(lastSeal.seq) : 0;
    let previous = lastSeal?.chain_hash ?? GENESIS;
    const rows = pending.map((e) => {
      seq += 1;
      const digest = eventHash(e);
      previous = chainHash(previous, digest, seq);
      return {
        municipality_id: municipalityId,
        seq,
        event_id: e.event_id,
        event_hash: digest,
        chain_hash: previous,
        sealed_at: now,
        late: now.getTime() - new Date(e.occurred_at).getTime() > LATE_AFTER_MS,
      };
    });
    await trx.insertInto('audit_seal').values(rows).execute();
    return rows.length;
  });
}

/** Seals every municipality; used by the background sealer and before verification. */
export async function sealAll(db: Db, now: Date = new Date(), lookbackMs = SEAL_LOOKBACK_MS): Promise<number> {
  const municipalities = await db.selectFrom('municipality').select('municipality_id').execute();
  let total = 0;
  for (const m of municipalities) {
    for (;;) {
      const n = await sealAuditEvents(db, m.municipality_id, now, lookbackMs);
      total += n;
      if (n < BATCH) break;
    }
  }
  return total;
}
