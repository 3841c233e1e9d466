/**
 * Rows generated for one chunk of households, by table, flushed with `bulkInsert` in foreign-key
 * order. Every row of a table must carry the same keys (bulkInsert names the columns from the first).
 */
import type { Db } from '../../platform/db/database.js';
import { bulkInsert } from './bulk-insert.js';

/** Parents before children, so every foreign key finds its row. */
export const TABLE_ORDER = [
  'household',
  'person',
  'household_membership',
  'person_relationship',
  'person_concern',
  'consultation',
  'consent',
  'support_case',
  'case_lead_period',
  'referral',
  'progress_note',
  'referral_event',
  'referral_attachment',
  'audit_event',
  'audit_seal',
] as const;
export type ScaleTable = (typeof TABLE_ORDER)[number];

export class RowBuffer {
  private rows = new Map<ScaleTable, Record<string, unknown>[]>();
  private count = 0;
  /** Rows added per table since the start (not reset by take). */
  readonly totals: Record<string, number> = {};

  add(table: ScaleTable, row: Record<string, unknown>): void {
    let list = this.rows.get(table);
    if (!list) {
      list = [];
      this.rows.set(table, list);
    }
    list.push(row);
    this.count += 1;
    this.totals[table] = (this.totals[table] ?? 0) + 1;
  }

  get size(): number {
    return this.count;
  }

  /** Hands over the buffered rows and starts empty. */
  take(): Map<ScaleTable, Record<string, unknown>[]> {
    const taken = this.rows;
    this.rows = new Map();
    this.count = 0;
    return taken;
  }
}

/** Writes one chunk in one transaction, tables in TABLE_ORDER; adds each table's time to `msByTable`. */
export async function writeChunk(db: Db, chunk: Map<ScaleTable, Record<string, unknown>[]>, msByTable: Record<string, number> = {}): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const table of TABLE_ORDER) {
      const rows = chunk.get(table);
      if (!rows) continue;
      const started = performance.now();
      await bulkInsert(trx, table, rows);
      msByTable[table] = (msByTable[table] ?? 0) + performance.now() - started;
    }
  });
}
