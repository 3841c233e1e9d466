/**
 * Secondary indexes off while the generator loads, back on after: a B-tree or trigram index built
 * once over a full table is many times faster than one maintained row by row. Only indexes that back
 * no constraint and are not unique are dropped (primary keys, unique indexes and the foreign keys
 * that need them keep checking every row); their definitions are read from pg_indexes and every one
 * is recreated and counted afterwards.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

export interface DroppedIndex {
  name: string;
  table: string;
  definition: string;
}

/** Every index of the public schema, by name (for the before/after check). */
export async function indexNames(db: Db): Promise<string[]> {
  const rows = await sql<{ indexname: string }>`select indexname from pg_indexes where schemaname = 'public' order by indexname`.execute(db);
  return rows.rows.map((r) => r.indexname);
}

/** Drops the non-unique, non-constraint indexes of `tables` and returns how to recreate them. */
export async function dropSecondaryIndexes(db: Db, tables: readonly string[]): Promise<DroppedIndex[]> {
  const rows = await sql<{ indexname: string; tablename: string; indexdef: string }>`
    select i.indexname, i.tablename, i.indexdef
    from pg_indexes i
    join pg_class c on c.relname = i.indexname and c.relkind = 'i'
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = i.schemaname
    join pg_index x on x.indexrelid = c.oid
    where i.schemaname = 'public'
      and i.tablename = any(${sql.val([...tables])}::text[])
      and not x.indisunique
      and not exists (select 1 from pg_constraint k where k.conindid = c.oid)
    order by i.tablename, i.indexname`.execute(db);
  const dropped = rows.rows.map((r) => ({ name: r.indexname, table: r.tablename, definition: r.indexdef }));
  await db.transaction().execute(async (trx) => {
    for (const d of dropped) await sql`drop index ${sql.id(d.name)}`.execute(trx);
  });
  return dropped;
}

/** Recreates the dropped indexes (with more sort memory than a request would use). */
export async function recreateIndexes(db: Db, dropped: readonly DroppedIndex[], sortMemory: string, onIndex?: (d: DroppedIndex, ms: number) => void): Promise<void> {
  for (const d of dropped) {
    const started = Date.now();
    await db.transaction().execute(async (trx) => {
      await sql`select set_config('maintenance_work_mem', ${sortMemory}, true)`.execute(trx);
      await sql.raw(d.definition).execute(trx);
    });
    onIndex?.(d, Date.now() - started);
  }
}

export interface DroppedConstraint {
  name: string;
  table: string;
  definition: string;
}

/** Every constraint of the public schema as "table.name" (for the before/after check). */
export async function constraintNames(db: Db): Promise<string[]> {
  const rows = await sql<{ name: string }>`
    select t.relname || '.' || k.conname as name from pg_constraint k
    join pg_class t on t.oid = k.conrelid join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' order by 1`.execute(db);
  return rows.rows.map((r) => r.name);
}

/**
 * Drops the foreign keys of `tables` (a row-by-row check on every insert is most of a bulk load's
 * cost); `restoreForeignKeys` adds them back, and adding a foreign key checks every row at once.
 */
export async function dropForeignKeys(db: Db, tables: readonly string[]): Promise<DroppedConstraint[]> {
  const rows = await sql<{ conname: string; relname: string; def: string }>`
    select k.conname, t.relname, pg_get_constraintdef(k.oid) as def from pg_constraint k
    join pg_class t on t.oid = k.conrelid join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = 'public' and k.contype = 'f' and t.relname = any(${sql.val([...tables])}::text[])
    order by t.relname, k.conname`.execute(db);
  const dropped = rows.rows.map((r) => ({ name: r.conname, table: r.relname, definition: r.def }));
  await db.transaction().execute(async (trx) => {
    for (const d of dropped) await sql`alter table ${sql.id(d.table)} drop constraint ${sql.id(d.name)}`.execute(trx);
  });
  return dropped;
}

export async function restoreForeignKeys(db: Db, dropped: readonly DroppedConstraint[], onConstraint?: (d: DroppedConstraint, ms: number) => void): Promise<void> {
  for (const d of dropped) {
    const started = Date.now();
    await sql`alter table ${sql.id(d.table)} add constraint ${sql.id(d.name)} ${sql.raw(d.definition)}`.execute(db);
    onConstraint?.(d, Date.now() - started);
  }
}
