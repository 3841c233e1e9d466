/**
 * The city-scale generator's module stages (多機関協働, アウトリーチ, 参加支援, 地域づくり) on the demo
 * municipality: rows in proportion to the persons, within the records' own rules, the same rows from
 * the same seed, and readable through the server's own API.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DEMO_PASSWORD, freshDatabase } from '../../../test/test-app.js';
import { isoDayInJapan } from '../../consultation/japanese/japanese-date.js';
import { loadConfig } from '../../platform/config.js';
import type { Db } from '../../platform/db/database.js';
import { migrate } from '../../platform/db/migrate.js';
import { buildApp } from '../../platform/http/app.js';
import { DEMO_AGENCIES } from '../demo-catalogue.js';
import { SeededRandom } from '../random.js';
import { seedDemo } from '../seed-demo.js';
import type { ScaleContext, StageCounts } from './scale-context.js';
import { stageCollaboration } from './stage-collaboration.js';
import { stageCommunity } from './stage-community.js';
import { stageOutreach } from './stage-outreach.js';
import { stageParticipation } from './stage-participation.js';

const STAGES = [stageCollaboration, stageOutreach, stageParticipation, stageCommunity];
/** The demo seed dates its casework from the real clock, so the stages' today is the real one too. */
const NOW = new Date();
const TODAY = isoDayInJapan(NOW);

let fresh: Awaited<ReturnType<typeof freshDatabase>>;
let db: Db;
let base: Omit<ScaleContext, 'rnd' | 'db'>;

async function contextFrom(database: Db): Promise<Omit<ScaleContext, 'rnd' | 'db'>> {
  const m = await database.selectFrom('municipality').select('municipality_id').where('code', '=', '990001').executeTakeFirstOrThrow();
  const mid = m.municipality_id;
  const agencies = await database.selectFrom('agency').select(['agency_id', 'name']).where('municipality_id', '=', mid).execute();
  const users = await database.selectFrom('app_user').select(['user_id', 'login_name']).where('municipality_id', '=', mid).execute();
  const areas = await database.selectFrom('municipal_area').select(['area_id', 'code']).where('municipality_id', '=', mid).execute();
  const persons = await database.selectFrom('person').select((eb) => eb.fn.countAll<string>().as('n')).where('municipality_id', '=', mid).executeTakeFirstOrThrow();
  return {
    municipalityId: mid,
    persons: Number(persons.n),
    epochMs: Date.UTC(2026, 3, 1),
    now: NOW,
    agencyIds: new Map(DEMO_AGENCIES.map((a) => [a.key, agencies.find((x) => x.name === a.name)!.agency_id])),
    userIds: new Map(users.map((u) => [u.login_name, u.user_id])),
    areaIds: new Map(areas.map((a) => [a.code, a.area_id])),
  };
}

async function runStages(handle: Db): Promise<StageCounts> {
  const ctx: ScaleContext = { ...base, db: handle, rnd: new SeededRandom(20260401) };
  const counts: StageCounts = {};
  for (const stage of STAGES) Object.assign(counts, await stage(ctx));
  return counts;
}

/** One checksum per table over the municipality's rows (every column, in a fixed order). */
async function digest(handle: Db, tables: readonly string[]): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const { rows } = await sql<{ d: string | null }>`select md5(string_agg(x::text, '|' order by x::text)) as d from ${sql.table(t)} x where x.municipality_id = ${base.municipalityId}`.execute(handle);
    out[t] = rows[0]?.d ?? '';
  }
  return out;
}

const count = async (q: string) => Number((await sql<{ n: string }>`${sql.raw(q.replaceAll('$mid', `'${base.municipalityId}'`))}`.execute(db)).rows[0]!.n);

describe('module stages of the city-scale generator', () => {
  let counts: StageCounts;
  let rolledBack: { counts: StageCounts; digest: Record<string, string> } | undefined;

  beforeAll(async () => {
    fresh = await freshDatabase();
    await migrate(fresh.database);
    db = fresh.database.db;
    await seedDemo(db, { seed: 11, password: DEMO_PASSWORD, production: false, volunteers: 5, staffPerAgency: 1, persons: 1_200 });
    base = await contextFrom(db);
    // Once in a transaction that is rolled back, then for real: the same seed must give the same rows.
    class Rollback extends Error {}
    await db
      .transaction()
      .execute(async (trx) => {
        const c = await runStages(trx);
        rolledBack = { counts: c, digest: await digest(trx, Object.keys(c)) };
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    counts = await runStages(db);
  });
  afterAll(async () => {
    await fresh?.database.close();
    await fresh?.drop();
  });

  it('adds rows to every table in proportion to the persons', async () => {
    for (const [table, n] of Object.entries(counts)) expect(n, table).toBeGreaterThan(0);
    const cases = await count(`select count(*) as n from support_case where municipality_id = $mid`);
    expect(counts.support_plan! / cases).toBeGreaterThan(0.05);
    expect(counts.support_plan! / cases).toBeLessThan(0.3);
    expect(counts.meeting_agenda_item! / counts.meeting!).toBeGreaterThanOrEqual(1);
    expect(counts.meeting_agenda_item! / counts.meeting!).toBeLessThanOrEqual(8);
    expect(counts.outreach_lead! / base.persons).toBeGreaterThan(0.01);
    expect(counts.outreach_lead! / base.persons).toBeLessThan(0.04);
    expect(counts.participation_placement! / base.persons).toBeGreaterThan(0.004);
    expect(counts.participation_placement! / base.persons).toBeLessThan(0.02);
    expect(counts.community_place).toBe(Math.max(3, Math.round(base.persons / 2_000)));
    expect(counts.community_session! / counts.community_activity!).toBeGreaterThan(20);
  });

  it('gives the same rows for the same seed', async () => {
    expect(rolledBack?.counts).toEqual(counts);
    expect(await digest(db, Object.keys(counts))).toEqual(rolledBack?.digest);
  });

  it('keeps dates in order and on or before today', async () => {
    const bad = [
      `select count(*) as n from support_plan_version v join support_plan p using (municipality_id, plan_id) join support_case c using (municipality_id, case_id) where v.municipality_id = $mid and (v.created_at::date < c.opened_on or v.created_at::date > coalesce(c.closed_on, '${TODAY}'))`,
      `select count(*) as n from meeting_agenda_item a join meeting m using (municipality_id, meeting_id) join support_case c using (municipality_id, case_id) where a.municipality_id = $mid and m.status = 'closed' and ((m.scheduled_at at time zone 'Asia/Tokyo')::date < c.opened_on or (m.scheduled_at at time zone 'Asia/Tokyo')::date > coalesce(c.closed_on, '${TODAY}'))`,
      `select count(*) as n from support_plan_version v join meeting m on m.municipality_id = v.municipality_id and m.meeting_id = v.approved_meeting_id where v.municipality_id = $mid and (v.approved_on < v.created_at::date or m.status <> 'closed')`,
      `select count(*) as n from support_plan_action a join support_plan p using (municipality_id, plan_id) join support_case c using (municipality_id, case_id) where a.municipality_id = $mid and a.agency_id <> c.lead_agency_id and not exists (select 1 from support_team_member t where t.municipality_id = a.municipality_id and t.case_id = p.case_id and t.agency_id = a.agency_id)`,
      `select count(*) as n from coordination_episode e where municipality_id = $mid and status = 'active' and not exists (select 1 from support_team_member t where t.municipality_id = e.municipality_id and t.case_id = e.case_id and t.agency_id = e.coordinator_agency_id and t.left_on is null)`,
      `select count(*) as n from outreach_lead where municipality_id = $mid and (opened_on > '${TODAY}' or closed_on < opened_on or stage_changed_on < opened_on or closed_on > '${TODAY}')`,
      `select count(*) as n from outreach_lead l where municipality_id = $mid and status = 'in_contact' and not exists (select 1 from contact_attempt a where a.municipality_id = l.municipality_id and a.lead_id = l.lead_id and a.outcome = 'met')`,
      `select count(*) as n from participation_placement p join participation_need n using (municipality_id, need_id) where p.municipality_id = $mid and (p.start_on < n.opened_on or p.ended_on < p.start_on or p.ended_on > '${TODAY}' or n.closed_on < p.ended_on)`,
      `select count(*) as n from (select coalesce(host_id, service_id) t, count(*) k from participation_placement where municipality_id = $mid and status in ('arranging', 'active') group by 1) h left join participation_host x on x.municipality_id = $mid and x.host_id = h.t left join resource_service s on s.municipality_id = $mid and s.service_id = h.t where h.k > coalesce(x.capacity, s.capacity)`,
      `select count(*) as n from community_session s join community_activity a using (municipality_id, activity_id) where s.municipality_id = $mid and (s.held_on < a.valid_from or s.held_on > coalesce(a.valid_to, '${TODAY}') or s.held_on >= '${TODAY}')`,
    ];
    for (const q of bad) expect(await count(q), q).toBe(0);
  });

  it('is read by the server through its own API', async () => {
    const config = { ...loadConfig({ NODE_ENV: 'test' }), dataDir: 'memory://', logLevel: 'silent' as const };
    const app = await buildApp({ db, config, homeMunicipalityId: base.municipalityId });
    try {
      const signIn = async (login: string) => {
        const client = new Client(app);
        const res = await client.post('/api/v1/auth/login', { loginName: login, password: DEMO_PASSWORD });
        expect(res.statusCode, login).toBe(200);
        return client;
      };
      const coordinator = await signIn('coordinator');
      const mid = base.municipalityId;
      // A re-planned active plan of a case the 多機関協働事業者 is involved in (its agency is on the team).
      const plan = await db
        .selectFrom('support_plan as p')
        .innerJoin('coordination_episode as e', (j) => j.onRef('e.municipality_id', '=', 'p.municipality_id').onRef('e.case_id', '=', 'p.case_id'))
        .select('p.plan_id')
        .where('p.municipality_id', '=', mid)
        .where('p.current_version', '>', 1)
        .where('p.status', '=', 'active')
        .where('e.status', '=', 'active')
        .orderBy('p.plan_id')
        .executeTakeFirstOrThrow();
      const planView = await coordinator.get(`/api/v1/plans/${plan.plan_id}`);
      expect(planView.statusCode, planView.body).toBe(200);
      const meeting = await db.selectFrom('meeting').select('meeting_id').where('municipality_id', '=', mid).where('convened_by_agency_id', '=', base.agencyIds.get('shakyo')!).where('status', '=', 'closed').orderBy('meeting_id', 'desc').executeTakeFirstOrThrow();
      const viewed = await coordinator.get(`/api/v1/meetings/${meeting.meeting_id}`);
      expect(viewed.statusCode, viewed.body).toBe(200);
      const place = await db.selectFrom('community_place').select('place_id').where('municipality_id', '=', mid).where('status', '=', 'open').orderBy('place_id').executeTakeFirstOrThrow();
      expect((await coordinator.get(`/api/v1/community/places/${place.place_id}`)).statusCode).toBe(200);

      const outreach = await signIn('outreach');
      const lead = await db.selectFrom('outreach_lead').select('lead_id').where('municipality_id', '=', mid).where('agency_id', '=', base.agencyIds.get('shakyo')!).where('status', '=', 'in_contact').orderBy('lead_id').executeTakeFirstOrThrow();
      const leadView = await outreach.get(`/api/v1/outreach/leads/${lead.lead_id}`);
      expect(leadView.statusCode, leadView.body).toBe(200);
      const need = await db.selectFrom('participation_placement').select('need_id').where('municipality_id', '=', mid).where('status', '=', 'active').orderBy('need_id').executeTakeFirstOrThrow();
      const needView = await outreach.get(`/api/v1/participation/needs/${need.need_id}`);
      expect(needView.statusCode, needView.body).toBe(200);
    } finally {
      await app.close();
    }
  });
});
