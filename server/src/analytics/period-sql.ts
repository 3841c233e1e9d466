/**
 * SQL fragments for counting records by Japanese calendar day. A timestamp's day is its day in
 * Asia/Tokyo; "within a period" is written as a range of instants (from 00:00 JST on the first day to
 * 00:00 JST after the last), so an index on the timestamp column serves it — `(ts at time zone …)::date
 * between …` would read every row of the municipality.
 */
import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';

/** An ISO date, or an SQL expression of type date. */
type Day = string | Expression<unknown>;

/** The Asia/Tokyo day of a timestamptz column. */
export const dayOf = (column: string): RawBuilder<string> => sql<string>`(${sql.ref(column)} at time zone 'Asia/Tokyo')::date`;

/** 00:00 in Japan on a day (an ISO date), as an instant. */
const startOfDay = (day: Day) => sql`(${day}::date::timestamp at time zone 'Asia/Tokyo')`;

/** A timestamptz column's Japanese day is between `from` and `to` (inclusive). */
export function instantWithin(column: string, from: Day, to: Day): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(column)} >= ${startOfDay(from)} and ${sql.ref(column)} < ${startOfDay(sql`(${to}::date + 1)`)})`;
}

/** A date column is between `from` and `to` (inclusive). */
export function dateWithin(column: string, from: string, to: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} between ${from}::date and ${to}::date`;
}
