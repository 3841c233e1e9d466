import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { DbHandle } from '../db/database.js';
import { listTables, quoteIdent, rowQuery, STABLE_TEXT_SETTINGS, type TableInfo } from './catalog.js';

const FETCH = 2_000;

export interface TableSummary {
  rows: number;
  sha256: string;
}

/** Applies the settings that make text forms identical everywhere. Call inside a transaction. */
export async function stableTextSettings(tx: DbHandle): Promise<void> {
  for (const s of STABLE_TEXT_SETTINGS) await sql.raw(s).execute(tx);
}

/**
 * Every row of the table as one line (a JSON array of text values), in primary-key order, read
 * through a cursor so a large table is never held in memory. Must run inside a transaction.
 */
export async function* tableLines(tx: DbHandle, table: TableInfo): AsyncGenerator<string> {
  const cursor = quoteIdent(`kasane_backup_${table.name}`.slice(0, 60));
  await sql.raw(`declare ${cursor} no scroll cursor for ${rowQuery(table)}`).execute(tx);
  try {
    for (;;) {
      const page = await sql.raw<{ line: string }>(`fetch ${FETCH} from ${cursor}`).execute(tx);
      for (const r of page.rows) yield r.line;
      if (page.rows.length < FETCH) break;
    }
  } finally {
    await sql.raw(`close ${cursor}`).execute(tx);
  }
}

/** Running row count and SHA-256 over `line + "\n"` of every row in order. */
export class TableDigest {
  rows = 0;
  private readonly hash = createHash('sha256');
  add(line: string): void {
    this.rows += 1;
    this.hash.update(line);
    this.hash.update('\n');
  }
  summary(): TableSummary {
    return { rows: this.rows, sha256: this.hash.digest('hex') };
  }
}

/**
 * Row count and checksum of every table, read in one transaction. This is what a backup's
 * manifest records and what a restore compares against.
 */
export async function tableSummaries(db: DbHandle): Promise<Record<string, TableSummary>> {
  return db.transaction().execute(async (tx) => {
    await stableTextSettings(tx);
    const out: Record<string, TableSummary> = {};
    for (const t of await listTables(tx)) out[t.name] = await summarise(tx, t);
    return out;
  });
}

export async function summarise(tx: DbHandle, table: TableInfo): Promise<TableSummary> {
  const digest = new TableDigest();
  for await (const line of tableLines(tx, table)) digest.add(line);
  return digest.summary();
}
