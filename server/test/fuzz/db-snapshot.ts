/**
 * A fingerprint of the database: row count and an order-independent checksum of every row, per table.
 * Tables that legitimately change on every request (the audit trail and sign-in sessions) are left out.
 */
import { sql } from 'kysely';
import type { DbHandle } from '../../src/platform/db/database.js';

export const VOLATILE_TABLES = new Set(['audit_event', 'audit_seal', 'user_session']);

export type Snapshot = Record<string, { rows: number; checksum: string }>;

export async function snapshot(db: DbHandle): Promise<Snapshot> {
  const tables = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const out: Snapshot = {};
  for (const { table_name: name } of tables.rows) {
    if (VOLATILE_TABLES.has(name)) continue;
    const res = await sql<{ rows: number; checksum: string | null }>`
      select count(*)::int as rows, md5(string_agg(h, ',' order by h)) as checksum
      from (select md5(to_jsonb(t)::text) as h from ${sql.table(name)} t) s`.execute(db);
    const row = res.rows[0]!;
    out[name] = { rows: Number(row.rows), checksum: row.checksum ?? '' };
  }
  return out;
}

/** Tables whose count or checksum differ, readably. */
export function differences(before: Snapshot, after: Snapshot): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: string[] = [];
  for (const name of names) {
    const a = before[name];
    const b = after[name];
    if (a?.rows !== b?.rows || a?.checksum !== b?.checksum) out.push(`${name}: ${a?.rows ?? '-'} rows → ${b?.rows ?? '-'} rows${a?.rows === b?.rows ? ' (contents changed)' : ''}`);
  }
  return out;
}
