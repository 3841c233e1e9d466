import { sql } from 'kysely';
import type { DbHandle } from '../db/database.js';

export interface TableColumn {
  name: string;
  /** SQL type as format_type prints it ('uuid', 'text[]', 'timestamp with time zone', …). */
  type: string;
}

export interface TableInfo {
  name: string;
  /** Stored columns in attnum order (generated columns are left out: the database recomputes them). */
  columns: TableColumn[];
  /** ORDER BY list: primary-key columns, text ones in byte order so every server sorts the same. */
  orderBy: string[];
  /** Tables this one references by foreign key (itself excluded). */
  references: string[];
  /** Foreign keys to the table itself, as column indexes (e.g. parent_area_id → area_id): rows load parents first. */
  selfReferences?: Array<{ from: number[]; to: number[] }>;
}

/** Tables that hold application data; schema_migration is described by the manifest instead. */
const EXCLUDED = new Set(['schema_migration']);

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * The public schema's tables in an order where every table comes after the tables it references,
 * so rows can be loaded with the foreign keys checked as they go.
 */
export async function listTables(db: DbHandle): Promise<TableInfo[]> {
  const cols = await sql<{ table_name: string; column_name: string; type: string; category: string; generated: string }>`
    select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as type,
           t.typcategory as category, a.attgenerated as generated
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid
    join pg_type t on t.oid = a.atttypid
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      and a.attnum > 0 and not a.attisdropped
    order by c.relname, a.attnum`.execute(db);
  const keys = await sql<{ table_name: string; columns: string[] }>`
    select c.relname as table_name,
           (select json_agg(a.attname::text order by k.ord)
              from unnest(con.conkey) with ordinality as k(attnum, ord)
              join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as columns
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and con.contype = 'p'`.execute(db);
  const fks = await sql<{ child: string; parent: string; from_cols: string[] | string; to_cols: string[] | string }>`
    select ch.relname as child, pa.relname as parent,
           (select json_agg(a.attname::text order by k.ord) from unnest(con.conkey) with ordinality as k(attnum, ord)
              join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.attnum) as from_cols,
           (select json_agg(a.attname::text order by k.ord) from unnest(con.confkey) with ordinality as k(attnum, ord)
              join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.attnum) as to_cols
    from pg_constraint con
    join pg_class ch on ch.oid = con.conrelid
    join pg_class pa on pa.oid = con.confrelid
    join pg_namespace n on n.oid = ch.relnamespace
    where n.nspname = 'public' and con.contype = 'f'`.execute(db);

  const tables = new Map<string, TableInfo>();
  const textual = new Map<string, Set<string>>();
  for (const c of cols.rows) {
    if (EXCLUDED.has(c.table_name)) continue;
    let t = tables.get(c.table_name);
    if (!t) {
      t = { name: c.table_name, columns: [], orderBy: [], references: [] };
      tables.set(c.table_name, t);
      textual.set(c.table_name, new Set());
    }
    if (c.category === 'S') textual.get(c.table_name)!.add(c.column_name);
    if (c.generated === '') t.columns.push({ name: c.column_name, type: c.type });
  }
  for (const k of keys.rows) {
    const t = tables.get(k.table_name);
    if (!t) continue;
    const cs = typeof k.columns === 'string' ? (JSON.parse(k.columns) as string[]) : k.columns;
    t.orderBy = cs.map((c) => (textual.get(t.name)!.has(c) ? `${quoteIdent(c)} collate "C"` : quoteIdent(c)));
  }
  for (const t of tables.values()) {
    // No primary key (none today: a test requires one): order by every column, as text.
    if (t.orderBy.length === 0) t.orderBy = t.columns.map((c) => `${quoteIdent(c.name)}::text collate "C"`);
  }
  const names = (v: string[] | string) => (typeof v === 'string' ? (JSON.parse(v) as string[]) : v);
  for (const f of fks.rows) {
    const t = tables.get(f.child);
    if (!t) continue;
    if (f.parent === f.child) {
      const index = (c: string) => t.columns.findIndex((col) => col.name === c);
      t.selfReferences = [...(t.selfReferences ?? []), { from: names(f.from_cols).map(index), to: names(f.to_cols).map(index) }];
    } else if (tables.has(f.parent) && !t.references.includes(f.parent)) {
      t.references.push(f.parent);
    }
  }
  return dependencyOrder([...tables.values()]);
}

/** Topological order by foreign key, alphabetical among tables that are free at the same step. */
export function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const ordered: TableInfo[] = [];
  const pending = [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  while (pending.length > 0) {
    const i = pending.findIndex((t) => t.references.every((r) => done.has(r) || !byName.has(r)));
    if (i < 0) throw new Error(`外部キーが循環しています: ${pending.map((t) => t.name).join(', ')}`);
    const [t] = pending.splice(i, 1);
    ordered.push(t!);
    done.add(t!.name);
  }
  return ordered;
}

/**
 * Rows of a self-referencing table (lines as written) reordered so that every row comes after the
 * row it points to; rows whose parent is absent keep their place (the foreign key will report them).
 */
export function parentsFirst(lines: string[], refs: Array<{ from: number[]; to: number[] }>): string[] {
  const rows = lines.map((line) => JSON.parse(line) as Array<string | null>);
  const key = (row: Array<string | null>, cols: number[]) => (cols.some((c) => row[c] === null) ? null : JSON.stringify(cols.map((c) => row[c])));
  const byKey = refs.map((r) => new Map(rows.map((row, i) => [key(row, r.to), i] as const)));
  const parentOf = (i: number): number[] =>
    refs.flatMap((r, k) => {
      const parentKey = key(rows[i]!, r.from);
      const p = parentKey === null ? undefined : byKey[k]!.get(parentKey);
      return p === undefined || p === i ? [] : [p];
    });
  const state = new Uint8Array(rows.length); // 0 new, 1 waiting for its parents, 2 written
  const out: string[] = [];
  for (let start = 0; start < rows.length; start++) {
    const stack = [start];
    while (stack.length > 0) {
      const i = stack[stack.length - 1]!;
      if (state[i] === 2) {
        stack.pop();
        continue;
      }
      state[i] = 1;
      const next = parentOf(i).find((p) => state[p] === 0);
      if (next !== undefined) {
        stack.push(next);
      } else {
        state[i] = 2;
        out.push(lines[i]!);
        stack.pop();
      }
    }
  }
  return out;
}

/** One row as a JSON array of its columns' text forms (the form COPY uses), ordered by primary key. */
export function rowQuery(t: TableInfo): string {
  const values = t.columns.map((c) => `${quoteIdent(c.name)}::text`).join(', ');
  return `select array_to_json(array[${values}]::text[])::text as line from ${quoteIdent(t.name)} order by ${t.orderBy.join(', ')}`;
}

/** Session settings that make the text forms the same on every server (time zone, date style, floats). */
export const STABLE_TEXT_SETTINGS = [
  "set local timezone = 'UTC'",
  "set local datestyle = 'ISO, YMD'",
  "set local intervalstyle = 'postgres'",
  'set local extra_float_digits = 1',
  "set local bytea_output = 'hex'",
];
