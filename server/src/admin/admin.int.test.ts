import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, json, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let agencyId: string;
beforeAll(async () => {
  t = await startTestApp();
  const agency = await t.database.db.selectFrom('agency').select('agency_id').where('kind', '=', 'soudan_shien').executeTakeFirstOrThrow();
  agencyId = agency.agency_id;
});
afterAll(async () => {
  await t?.close();
});

type UserItem = { id: string; loginName: string; version: number; roles: string[]; status: string };
const code = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;

describe('user administration', () => {
  it('lets an administrator create a user who can then sign in, and audits the creation', async () => {
    const admin = await t.signIn('admin');
    const res = await admin.post('/api/v1/admin/users', {
      loginName: 'new.worker',
      displayName: '新人 相談員',
      password: 'first-password-for-new-worker',
      roles: ['caseworker'],
      agencyIds: [agencyId],
    });
    expect(res.statusCode).toBe(201);
    const created = json<UserItem>(res);
    expect(created.roles).toEqual(['caseworker']);
    const worker = await t.signIn('new.worker', 'first-password-for-new-worker');
    const me = json<{ agencies: Array<{ id: string }> }>(await worker.get('/api/v1/me'));
    expect(me.agencies.map((a) => a.id)).toEqual([agencyId]);
    const event = await t.database.db.selectFrom('audit_event').selectAll().where('action', '=', 'user.create').where('target_id', '=', created.id).executeTakeFirst();
    expect(event?.actor_login).toBe('admin');
    expect(event?.basis).toBeTruthy();
  });

  it('rejects bad input with field errors in Japanese and changes nothing', async () => {
    const admin = await t.signIn('admin');
    const before = await t.database.db.selectFrom('app_user').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const bad = await admin.post('/api/v1/admin/users', { loginName: 'ユーザー', displayName: '', password: 'x', roles: ['wizard'], agencyIds: ['not-a-uuid'] });
    expect(bad.statusCode).toBe(400);
    const body = JSON.parse(bad.body) as { error: { code: string; message: string; details: { fields: Array<{ path: string; message: string }> } } };
    expect(body.error.code).toBe('invalid');
    expect(body.error.details.fields.map((f) => f.path)).toEqual(expect.arrayContaining(['loginName', 'roles.0', 'agencyIds.0']));
    expect(body.error.details.fields.every((f) => /[ぁ-んァ-ヶ一-龠]/.test(f.message))).toBe(true);
    const weak = await admin.post('/api/v1/admin/users', { loginName: 'weak.one', displayName: '弱い', password: 'weak.one-1', roles: ['auditor'], agencyIds: [agencyId] });
    expect(code(weak.body)).toBe('weak_password');
    const dup = await admin.post('/api/v1/admin/users', { loginName: 'ADMIN', displayName: '重複', password: 'long-enough-password-1', roles: ['auditor'], agencyIds: [agencyId] });
    expect(dup.statusCode).toBe(409);
    expect(code(dup.body)).toBe('duplicate');
    const noAgency = await admin.post('/api/v1/admin/users', { loginName: 'lonely.one', displayName: '無所属', password: 'long-enough-password-5', roles: ['auditor'], agencyIds: [] });
    expect(noAgency.statusCode).toBe(400);
    const after = await t.database.db.selectFrom('app_user').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('detects concurrent edits (optimistic concurrency) and signs out a disabled user', async () => {
    const admin = await t.signIn('admin');
    const users = json<{ items: UserItem[] }>(await admin.get('/api/v1/admin/users')).items;
    const target = users.find((u) => u.loginName === 'staff-kikan-1')!;
    const targetSession = await t.signIn('staff-kikan-1');
    const first = await admin.patch(`/api/v1/admin/users/${target.id}`, { version: target.version, displayName: '変更 一' });
    expect(first.statusCode).toBe(200);
    const stale = await admin.patch(`/api/v1/admin/users/${target.id}`, { version: target.version, displayName: '変更 二' });
    expect(stale.statusCode).toBe(409);
    expect(code(stale.body)).toBe('conflict');
    const disabled = await admin.patch(`/api/v1/admin/users/${target.id}`, { version: json<UserItem>(first).version, status: 'disabled' });
    expect(disabled.statusCode).toBe(200);
    expect((await targetSession.get('/api/v1/me')).statusCode).toBe(401);
    const retry = await new Client(t.app).post('/api/v1/auth/login', { loginName: 'staff-kikan-1', password: 'test-demo-password-2026' });
    expect(retry.statusCode).toBe(401);
  });

  it('keeps the system administrator role for system administrators to grant', async () => {
    const admin = await t.signIn('admin');
    const res = await admin.post('/api/v1/admin/users', { loginName: 'sneaky', displayName: '昇格', password: 'long-enough-password-2', roles: ['system_admin'], agencyIds: [agencyId] });
    expect(res.statusCode).toBe(403);
    const sys = await t.signIn('sysadmin');
    const ok = await sys.post('/api/v1/admin/users', { loginName: 'second.sysadmin', displayName: '運用 二', password: 'long-enough-password-3', roles: ['system_admin'], agencyIds: [agencyId] });
    expect(ok.statusCode).toBe(201);
  });

  it.each(['houkatsu1', 'coordinator', 'minsei1', 'auditor', 'pref'])('refuses user administration to %s and audits the refusal', async (login) => {
    const c = await t.signIn(login);
    const list = await c.get('/api/v1/admin/users');
    expect(list.statusCode).toBe(403);
    const create = await c.post('/api/v1/admin/users', { loginName: `by.${login}`, displayName: '不正', password: 'long-enough-password-4', roles: ['caseworker'], agencyIds: [agencyId] });
    expect(create.statusCode).toBe(403);
    const denied = await t.database.db.selectFrom('audit_event').select(['action', 'outcome']).where('actor_login', '=', login).where('outcome', '=', 'denied').execute();
    expect(denied.map((d) => d.action)).toEqual(expect.arrayContaining(['user_account.list', 'user_account.create']));
  });

  it('shows an administrator what a chosen user can actually see and do', async () => {
    const admin = await t.signIn('admin');
    const users = json<{ items: UserItem[] }>(await admin.get('/api/v1/admin/users')).items;
    const explain = async (login: string) =>
      json<{ rows: Array<{ kind: string; relationship: string; action: string; allowed: boolean; label: string }> }>(
        await admin.get(`/api/v1/admin/users/${users.find((u) => u.loginName === login)!.id}/capabilities`),
      ).rows;
    const caseworker = await explain('houkatsu1');
    const own = caseworker.find((r) => r.kind === 'person' && r.relationship === 'own_agency' && r.action === 'read')!;
    const none = caseworker.find((r) => r.kind === 'person' && r.relationship === 'none' && r.action === 'read')!;
    expect(own.allowed).toBe(true);
    expect(none.allowed).toBe(false);
    const sysadmin = await explain('sysadmin');
    expect(sysadmin.filter((r) => r.kind === 'person' && r.allowed)).toEqual([]);
    const auditor = await explain('auditor');
    expect(auditor.some((r) => r.kind === 'audit_log' && r.action === 'read' && r.allowed)).toBe(true);
  });
});

describe('agency administration', () => {
  it('creates and updates agencies with version checks; staff can read the list but not change it', async () => {
    const admin = await t.signIn('admin');
    const created = await admin.post('/api/v1/admin/agencies', { name: '新設 相談支援事業所', kind: 'soudan_shien', area: '北部圏域' });
    expect(created.statusCode).toBe(201);
    const item = json<{ id: string; version: number; kindLabel: string }>(created);
    expect(item.kindLabel).toBe('相談支援事業所');
    const renamed = await admin.patch(`/api/v1/admin/agencies/${item.id}`, { version: item.version, name: '改称 相談支援事業所' });
    expect(renamed.statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/admin/agencies/${item.id}`, { version: item.version, name: '再改称' })).statusCode).toBe(409);
    const worker = await t.signIn('soudan1');
    const list = json<{ items: Array<{ name: string }> }>(await worker.get('/api/v1/agencies'));
    expect(list.items.some((a) => a.name === '改称 相談支援事業所')).toBe(true);
    expect((await worker.post('/api/v1/admin/agencies', { name: '勝手な機関', kind: 'npo' })).statusCode).toBe(403);
  });
});
