import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../platform/db/ids.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { ensureMunicipalityDefaults } from './ensure-municipality-defaults.js';
import { setupMunicipality } from './setup-municipality.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const input = {
  code: '990002',
  name: 'サンプル町',
  prefectureCode: '99',
  prefectureName: 'デモ県',
  population: 12_000,
  adminLogin: 'sample.admin',
  adminName: '町 管理者',
  adminPassword: 'sample-town-admin-password',
};

describe('setting up a second municipality', () => {
  it('creates its administrator, who sees only that municipality', async () => {
    const { municipalityId } = await setupMunicipality(t.database.db, input);
    const admin = await t.signIn('sample.admin', input.adminPassword);
    const me = JSON.parse((await admin.get('/api/v1/me')).body) as { municipality: { id: string; name: string } };
    expect(me.municipality).toMatchObject({ id: municipalityId, name: 'サンプル町' });
    const users = JSON.parse((await admin.get('/api/v1/admin/users')).body) as { items: Array<{ loginName: string }> };
    expect(users.items.map((u) => u.loginName)).toEqual(['sample.admin']);
    const agencies = JSON.parse((await admin.get('/api/v1/agencies')).body) as { items: unknown[] };
    expect(agencies.items).toHaveLength(1);
    // デモ市's administrator does not see the new town's staff either.
    const demoAdmin = await t.signIn('admin');
    const demoUsers = JSON.parse((await demoAdmin.get('/api/v1/admin/users')).body) as { items: Array<{ loginName: string }> };
    expect(demoUsers.items.map((u) => u.loginName)).not.toContain('sample.admin');
  });

  it('refuses a duplicate code, a bad code and a weak password, creating nothing', async () => {
    await expect(setupMunicipality(t.database.db, { ...input, adminLogin: 'other.admin' })).rejects.toMatchObject({ code: 'duplicate' });
    await expect(setupMunicipality(t.database.db, { ...input, code: '12', adminLogin: 'x.admin' })).rejects.toMatchObject({ code: 'invalid' });
    await expect(setupMunicipality(t.database.db, { ...input, code: '990003', adminPassword: 'short' })).rejects.toMatchObject({ code: 'weak_password' });
    const count = await t.database.db.selectFrom('municipality').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });
});

describe('standard configuration for a municipality set up before it shipped', () => {
  it('adds the missing meeting types and question set once, keeping what exists', async () => {
    const db = t.database.db;
    // As if set up by an earlier release: a municipality and its administrator, no configuration.
    const municipalityId = newId();
    await db.insertInto('municipality').values({ municipality_id: municipalityId, code: '990004', name: '旧設定村', prefecture_code: '99', prefecture_name: 'デモ県', population: 900 }).execute();
    const userId = newId();
    await db.insertInto('app_user').values({ municipality_id: municipalityId, user_id: userId, login_name: 'older.admin', display_name: '村 管理者', password_hash: 'x', roles: ['municipal_admin'] }).execute();
    const demo = await db.selectFrom('meeting_type').select(['meeting_type_id', 'name']).where('municipality_id', '<>', municipalityId).orderBy('meeting_type_id').execute();

    await ensureMunicipalityDefaults(db);
    await ensureMunicipalityDefaults(db);

    const types = await db.selectFrom('meeting_type').select('code').where('municipality_id', '=', municipalityId).orderBy('code').execute();
    expect(types.map((r) => r.code)).toEqual(['generic', 'jusou_shien_kaigi', 'shien_kaigi']);
    const sets = await db.selectFrom('assessment_question_set').select(['code', 'version']).where('municipality_id', '=', municipalityId).execute();
    expect(sets).toEqual([{ code: 'intake', version: 1 }]);
    expect((await db.selectFrom('assessment_question_set').select('published_by_user_id').where('municipality_id', '=', municipalityId).executeTakeFirstOrThrow()).published_by_user_id).toBe(userId);
    // The demo municipality's own types are untouched.
    expect(await db.selectFrom('meeting_type').select(['meeting_type_id', 'name']).where('municipality_id', '<>', municipalityId).orderBy('meeting_type_id').execute()).toEqual(demo);
  });
});
