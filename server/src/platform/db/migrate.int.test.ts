import { describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/test-app.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { appliedMigrations, migrate } from './migrate.js';

describe('migrations and demo seed', () => {
  it('apply once, are idempotent, and put municipality_id first in every primary key', async () => {
    const { database, drop } = await freshDatabase();
    try {
      const first = await migrate(database);
      expect(first.length).toBeGreaterThan(0);
      expect(await migrate(database)).toEqual([]);
      expect(await appliedMigrations(database)).toEqual(first);
      const { rows } = await database.db.executeQuery<{ table_name: string; column_name: string }>({
        sql: `select tc.table_name, kcu.column_name from information_schema.table_constraints tc
              join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
              where tc.constraint_type = 'PRIMARY KEY' and tc.table_schema = 'public' and kcu.ordinal_position = 1
                and tc.table_name <> 'schema_migration'`,
        parameters: [],
        query: { kind: 'RawNode', sqlFragments: [], parameters: [] } as never,
        queryId: { queryId: 'pk' } as never,
      });
      expect(rows.length).toBeGreaterThanOrEqual(8);
      for (const r of rows) expect(`${r.table_name}.${r.column_name}`).toBe(`${r.table_name}.municipality_id`);
    } finally {
      await database.close();
      await drop();
    }
  });

  it('builds the same demo municipality from the same seed, with every agency kind and role', async () => {
    const build = async () => {
      const { database, drop } = await freshDatabase();
      await migrate(database);
      await seedDemo(database.db, { seed: 42, password: 'same-password-for-both', production: false, persons: 300 });
      const agencies = await database.db.selectFrom('agency').select(['agency_id', 'kind', 'name']).orderBy('agency_id').execute();
      const users = await database.db.selectFrom('app_user').select(['user_id', 'login_name', 'roles', 'display_name']).orderBy('user_id').execute();
      const persons = await database.db
        .selectFrom('person')
        .select(['person_id', 'family_name', 'given_name', 'kana_key', 'sex', 'registered_by_agency_id'])
        .orderBy('person_id')
        .execute();
      const episodes = await database.db.selectFrom('coordination_episode').select(['episode_id', 'case_id', 'status']).orderBy('episode_id').execute();
      const planVersions = await database.db.selectFrom('support_plan_version').select(['plan_id', 'version_no', 'approved_meeting_id']).orderBy('plan_id').orderBy('version_no').execute();
      const agenda = await database.db.selectFrom('meeting_agenda_item').select(['meeting_id', 'case_id', 'basis', 'decision']).orderBy('agenda_item_id').execute();
      await database.close();
      await drop();
      return { agencies, users, persons, episodes, planVersions, agenda };
    };
    const a = await build();
    const b = await build();
    expect(b).toEqual(a);
    expect(a.persons).toHaveLength(300);
    // 多機関協働 demo: involvements in each state, a plan with an approved first version, both meeting kinds.
    expect(a.episodes.map((e) => e.status).sort()).toEqual(['active', 'active', 'ended', 'requested']);
    expect(a.planVersions.filter((v) => v.approved_meeting_id !== null)).toHaveLength(1);
    expect(a.agenda.map((i) => i.basis).sort()).toEqual(['consent', 'consent', 'statutory']);
    expect(new Set(a.persons.map((p) => p.family_name)).size).toBeGreaterThan(20);
    const kinds = a.agencies.map((x) => x.kind);
    expect(kinds.filter((k) => k === 'chiiki_houkatsu')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'soudan_shien')).toHaveLength(2);
    expect(kinds.filter((k) => k === 'npo')).toHaveLength(2);
    for (const k of ['kikan_soudan', 'kodomo_katei', 'jiritsu_soudan', 'shakyo_tajikan']) expect(kinds).toContain(k);
    const logins = a.users.map((u) => u.login_name);
    for (const l of ['admin', 'coordinator', 'houkatsu1', 'soudan1', 'kodomo', 'jiritsu', 'outreach', 'minsei1', 'auditor', 'pref', 'sysadmin']) expect(logins).toContain(l);
    const roles = new Set(a.users.flatMap((u) => u.roles));
    expect([...roles].sort()).toEqual(['auditor', 'caseworker', 'community_volunteer', 'coordinator', 'municipal_admin', 'outreach_worker', 'prefecture_analyst', 'system_admin']);
  });

  it('refuses to create demo accounts in production', async () => {
    const { database, drop } = await freshDatabase();
    try {
      await migrate(database);
      await expect(seedDemo(database.db, { seed: 1, password: 'whatever-password', production: true })).rejects.toMatchObject({ code: 'production_forbidden' });
      const n = await database.db.selectFrom('app_user').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(0);
    } finally {
      await database.close();
      await drop();
    }
  });
});
