/**
 * What the module stages of the city-scale generator share: a row sink that writes its tables in
 * foreign-key order in bulk (memory stays flat), calendar helpers for the 5 年度 window, readers of
 * the big tables (keyset pages, or a share picked in the database by id), and the demo staff who
 * sign the generated records.
 */
import { sql } from 'kysely';
import { isoDayInJapan } from '../../consultation/japanese/japanese-date.js';
import type { Db } from '../../platform/db/database.js';
import { BULK_ROWS, bulkInsert } from './bulk-insert.js';
import type { ScaleContext, StageCounts } from './scale-context.js';

/** Rows read per keyset page of a big table. */
export const PAGE_ROWS = 10_000;
/** First day of the five 年度 the generator spreads its records over (2021年度 … ). */
export const WINDOW_START = '2021-04-01';

type Row = Record<string, unknown>;

/**
 * Buffers rows per table and writes every buffer, parents first (the order given), as soon as one
 * of them is full, so a child row never reaches the database before the row it refers to.
 */
export class RowSink {
  private readonly buffers = new Map<string, Row[]>();
  readonly counts: StageCounts = {};

  constructor(
    private readonly db: Db,
    tablesInOrder: readonly string[],
  ) {
    for (const t of tablesInOrder) {
      this.buffers.set(t, []);
      this.counts[t] = 0;
    }
  }

  async add(table: string, row: Row): Promise<void> {
    const buffer = this.buffers.get(table);
    if (!buffer) throw new Error(`RowSink: unknown table ${table}`);
    buffer.push(row);
    this.counts[table] = (this.counts[table] ?? 0) + 1;
    if (buffer.length >= BULK_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    for (const [table, rows] of this.buffers) {
      if (rows.length === 0) continue;
      await bulkInsert(this.db, table, rows);
      this.buffers.set(table, []);
    }
  }
}

/** Runs a stage body in a transaction (the temp tables and the all-or-nothing need one). */
export async function inStageTransaction(ctx: ScaleContext, body: (ctx: ScaleContext) => Promise<StageCounts>): Promise<StageCounts> {
  if (ctx.db.isTransaction) return body(ctx);
  return ctx.db.transaction().execute((trx) => body({ ...ctx, db: trx }));
}

// --- calendar ------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
export const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
export const isoOfDay = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const addDays = (iso: string, days: number): string => isoOfDay(dayNumber(iso) + days);
export const minDay = (a: string, b: string): string => (a < b ? a : b);
export const maxDay = (a: string, b: string): string => (a > b ? a : b);
/** The generator's today (Japan calendar day of ctx.now). */
export const todayOf = (ctx: ScaleContext): string => isoDayInJapan(ctx.now);
/** A day in [from, to] (inclusive), uniformly. */
export function dayBetween(ctx: ScaleContext, from: string, to: string): string {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return b <= a ? from : isoOfDay(a + ctx.rnd.int(b - a + 1));
}
/** An instant on a Japan calendar day at the given hour (JST). */
export const atJst = (iso: string, hour: number, minute = 0): Date => new Date(Date.parse(`${iso}T00:00:00Z`) + (hour - 9) * 3_600_000 + minute * 60_000);
/** PostgreSQL date text (json_populate_recordset casts it). */
export const dayOf = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

// --- staff ---------------------------------------------------------------------------------------

/** The user who signs a record of an agency: its named demo login, its first generated staff, or the coordinator. */
export function staffOf(ctx: ScaleContext): (agencyId: string) => string {
  const keyOf = new Map([...ctx.agencyIds].map(([key, id]) => [id, key]));
  const fallback = ctx.userIds.get('coordinator') ?? ctx.userIds.get('admin')!;
  const cache = new Map<string, string>();
  return (agencyId) => {
    let userId = cache.get(agencyId);
    if (userId === undefined) {
      const key = keyOf.get(agencyId);
      const named = key === 'shakyo' ? 'coordinator' : key === 'office' ? 'admin' : key;
      userId = (named ? (ctx.userIds.get(named) ?? ctx.userIds.get(`staff-${key}-1`)) : undefined) ?? fallback;
      cache.set(agencyId, userId);
    }
    return userId;
  };
}

/** Agency ids of demo keys that exist (missing keys are skipped). */
export const agenciesOf = (ctx: ScaleContext, keys: readonly string[]): string[] => keys.flatMap((k) => (ctx.agencyIds.has(k) ? [ctx.agencyIds.get(k)!] : []));

// --- readers of the big tables ------------------------------------------------------------------

/**
 * A share of rows picked by their id (md5 of the id and a salt), decided in the database so the rows
 * not picked never leave it; the same rows on every run. `share` is a fraction (0–1).
 */
export const pickedById = (column: string, salt: string, share: number) =>
  sql<boolean>`(('x' || substr(md5(${sql.ref(column)}::text || ${salt}), 1, 8))::bit(32)::int & 65535) < ${Math.round(Math.min(1, Math.max(0, share)) * 65_536)}`;

export interface CaseLink {
  case_id: string;
  household_id: string;
  status: 'open' | 'closed';
  lead_agency_id: string;
  opened_on: string;
  closed_on: string | null;
  /** A consent in force (given, every agency, no end) of a current member's consultation, if any. */
  consent_id: string | null;
  consultation_id: string | null;
  person_id: string | null;
}

/**
 * Every case with the consent its household gives (if any), one page at a time. The consent is
 * found once, set-based (hash joins over whole tables: the secondary indexes may be dropped), into a
 * temporary table of this transaction, which the pages then read by its primary key.
 */
export async function* caseLinkPages(ctx: ScaleContext): AsyncGenerator<CaseLink[]> {
  const mid = ctx.municipalityId;
  await sql`drop table if exists scale_case_link`.execute(ctx.db);
  await sql`select set_config('work_mem', '128MB', true)`.execute(ctx.db);
  await sql`
    create temporary table scale_case_link on commit drop as
    with latest as (
      select distinct on (k.consultation_id) k.consultation_id, k.consent_id, k.status, k.agency_scope, k.valid_until
      from consent k where k.municipality_id = ${mid}
      order by k.consultation_id, k.recorded_at desc, k.consent_id desc
    ), given as (
      select distinct on (hm.household_id) hm.household_id, l.consent_id, l.consultation_id, c.person_id
      from latest l
      join consultation c on c.municipality_id = ${mid} and c.consultation_id = l.consultation_id
      join household_membership hm on hm.municipality_id = ${mid} and hm.person_id = c.person_id and hm.left_on is null
      where l.status = 'given' and l.agency_scope is null and l.valid_until is null
      order by hm.household_id, l.consultation_id desc
    )
    select sc.case_id, sc.household_id, sc.status, sc.lead_agency_id, sc.opened_on, sc.closed_on, g.consent_id, g.consultation_id, g.person_id
    from support_case sc left join given g on g.household_id = sc.household_id
    where sc.municipality_id = ${mid}`.execute(ctx.db);
  await sql`alter table scale_case_link add primary key (case_id)`.execute(ctx.db);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await sql<CaseLink>`select * from scale_case_link where case_id > ${after} order by case_id limit ${PAGE_ROWS}`.execute(ctx.db);
    if (rows.length === 0) break;
    yield rows.map((r) => ({ ...r, opened_on: dayOf(r.opened_on), closed_on: r.closed_on === null ? null : dayOf(r.closed_on) }));
    after = rows.at(-1)!.case_id;
  }
  await sql`drop table if exists scale_case_link`.execute(ctx.db);
}

/**
 * A share of the open cases whose household gives a consent in force, with that consent's
 * consultation and person, by case id. Only the picked cases' households are joined.
 */
export async function consentedOpenCases(ctx: ScaleContext, share: number): Promise<CaseLink[]> {
  const mid = ctx.municipalityId;
  const { rows } = await sql<CaseLink>`
    with picked as (
      select case_id, household_id, status, lead_agency_id, opened_on, closed_on from support_case
      where municipality_id = ${mid} and status = 'open' and ${pickedById('case_id', 'consented', share)}
    ), members as (
      select p.*, c.consultation_id, c.person_id
      from picked p
      join household_membership hm on hm.municipality_id = ${mid} and hm.household_id = p.household_id and hm.left_on is null
      join consultation c on c.municipality_id = ${mid} and c.person_id = hm.person_id
    ), latest as (
      select distinct on (k.consultation_id) k.consultation_id, k.consent_id, k.status, k.agency_scope, k.valid_until
      from consent k where k.municipality_id = ${mid} and k.consultation_id in (select consultation_id from members)
      order by k.consultation_id, k.recorded_at desc, k.consent_id desc
    )
    select distinct on (m.case_id) m.case_id, m.household_id, m.status, m.lead_agency_id, m.opened_on, m.closed_on, l.consent_id, m.consultation_id, m.person_id
    from members m join latest l on l.consultation_id = m.consultation_id
    where l.status = 'given' and l.agency_scope is null and l.valid_until is null
    order by m.case_id, m.consultation_id desc`.execute(ctx.db);
  return rows.map((r) => ({ ...r, opened_on: dayOf(r.opened_on), closed_on: r.closed_on === null ? null : dayOf(r.closed_on) }));
}
