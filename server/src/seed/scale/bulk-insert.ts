/**
 * Bulk insert for the city-scale generator: many rows per statement, one text bind parameter per
 * column (its values joined with the ASCII unit separator, split with `string_to_array`, `unnest`ed
 * and cast to the column's own type), which PostgreSQL 15 and PGlite both run. Splitting a string is
 * several times cheaper than parsing the same rows as JSON or as quoted array literals, on both
 * sides, and there is no 65,535-parameter limit. Values must not contain U+001E or U+001F.
 */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';

/** Rows per statement: large enough to amortise the round trip, small enough to keep memory flat. */
export const BULK_ROWS = 5_000;

/** Column types by table (the schema is the migrations', the same in every database). */
const columnTypes = new Map<string, Map<string, string>>();

async function typesOf(db: Db, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (!types) {
    const rows = await sql<{ attname: string; type: string }>`
      select attname, format_type(atttypid, atttypmod) as type from pg_attribute
      where attrelid = ${table}::regclass and attnum > 0 and not attisdropped`.execute(db);
    types = new Map(rows.rows.map((r) => [r.attname, r.type]));
    columnTypes.set(table, types);
  }
  return types;
}

/** A PostgreSQL array literal of strings: {"a","b \"c\""}. */
function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => (v === null || v === undefined ? 'NULL' : `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(',')}}`;
}

const SEPARATOR = '\u001f';
const NULL_MARK = '\u001e';

/** One value as the text its column type parses: arrays as literals, objects as JSON, Dates as ISO. */
function toText(value: unknown, json: boolean): string {
  if (value === null || value === undefined) return NULL_MARK;
  let text: string;
  if (json) text = JSON.stringify(value);
  else if (typeof value === 'string') text = value;
  else if (value instanceof Date) return value.toISOString();
  else if (Array.isArray(value)) text = arrayLiteral(value);
  else if (typeof value === 'object') text = JSON.stringify(value);
  else return String(value);
  if (text.includes(SEPARATOR) || text.includes(NULL_MARK)) throw new Error('区切り文字（U+001E/U+001F）を含む値は一括登録できません。');
  return text;
}

/**
 * Inserts `rows` into `table`. Every row must have the same keys (the first row's keys name the
 * columns); a missing key would insert NULL, not the column default, so give every column you need.
 * Pass JS values for json/jsonb columns (objects, arrays) and JS arrays for array columns; Dates are fine.
 */
export async function bulkInsert(db: Db, table: string, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const types = await typesOf(db, table);
  const casts = columns.map((c, i) => {
    const type = types.get(c);
    if (!type) throw new Error(`${table}.${c} という列はありません。`);
    return sql`${sql.ref(`u.c${i}`)}::${sql.raw(type)}`;
  });
  // A json/jsonb column takes any JS value (an array too) as JSON.
  const json = columns.map((c) => types.get(c) === 'jsonb' || types.get(c) === 'json');
  const columnList = sql.join(columns.map((c) => sql.ref(c)));
  const aliases = sql.join(columns.map((_c, i) => sql.ref(`c${i}`)));
  for (let i = 0; i < rows.length; i += BULK_ROWS) {
    const chunk = rows.slice(i, i + BULK_ROWS);
    // A leading separator, sliced off again, keeps a lone empty string from becoming an empty array.
    const arrays = columns.map((c, k) => sql`(string_to_array(${SEPARATOR + chunk.map((r) => toText(r[c], json[k]!)).join(SEPARATOR)}::text, ${SEPARATOR}, ${NULL_MARK}))[2:]`);
    await sql`insert into ${sql.table(table)} (${columnList}) select ${sql.join(casts)} from unnest(${sql.join(arrays)}) as u(${aliases})`.execute(db);
  }
}
