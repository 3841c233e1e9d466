import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DEMO_PASSWORD, json, startTestApp, type TestApp } from '../../../test/test-app.js';
import { hashSessionToken } from './tokens.js';
import { currentTotp } from './totp.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

const errorCode = (body: string) => (JSON.parse(body) as { error: { code: string; message: string } }).error;

async function userRow(loginName: string) {
  return t.database.db.selectFrom('app_user').selectAll().where('login_name', '=', loginName).executeTakeFirstOrThrow();
}

describe('sign-in', () => {
  it('sets an HttpOnly SameSite=Strict cookie and stores only a hash of the token', async () => {
    const c = new Client(t.app);
    const res = await c.post('/api/v1/auth/login', { loginName: 'houkatsu1', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(json(res).status).toBe('ok');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const token = c.cookie!.split('=')[1]!;
    const rows = await t.database.db.selectFrom('user_session').select('token_hash').execute();
    expect(rows.some((r) => r.token_hash === token)).toBe(false);
    expect(rows.some((r) => r.token_hash === hashSessionToken(token))).toBe(true);
    const me = await c.get('/api/v1/me');
    expect(me.statusCode).toBe(200);
    expect(json<{ user: { loginName: string } }>(me).user.loginName).toBe('houkatsu1');
  });

  it('refuses a wrong password and an unknown name with the same Japanese message, and audits both', async () => {
    const c = new Client(t.app);
    const wrong = await c.post('/api/v1/auth/login', { loginName: 'kodomo', password: 'not-the-password' });
    const unknown = await c.post('/api/v1/auth/login', { loginName: 'nobody-here', password: 'whatever-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(errorCode(wrong.body).message).toBe(errorCode(unknown.body).message);
    expect(errorCode(wrong.body).message).toMatch(/パスワード/);
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_login', 'outcome'])
      .where('action', '=', 'auth.sign_in')
      .where('outcome', '=', 'failure')
      .execute();
    expect(events.map((e) => e.actor_login)).toEqual(expect.arrayContaining(['kodomo', 'nobody-here']));
  });

  it('locks the account after five failures, even for the right password, until the lock expires', async () => {
    const c = new Client(t.app);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await c.post('/api/v1/auth/login', { loginName: 'jiritsu', password: `wrong-${i}-password` })).statusCode);
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    const locked = await c.post('/api/v1/auth/login', { loginName: 'jiritsu', password: DEMO_PASSWORD });
    expect(locked.statusCode).toBe(423);
    expect(errorCode(locked.body).code).toBe('account_locked');
    const row = await userRow('jiritsu');
    expect(row.locked_until!.getTime()).toBeGreaterThan(Date.now() + 50_000);
    await t.database.db.updateTable('app_user').set({ locked_until: new Date(Date.now() - 1000) }).where('login_name', '=', 'jiritsu').execute();
    const ok = await c.post('/api/v1/auth/login', { loginName: 'jiritsu', password: DEMO_PASSWORD });
    expect(ok.statusCode).toBe(200);
    expect((await userRow('jiritsu')).failed_attempts).toBe(0);
  });

  it('requires the CSRF header on state-changing requests', async () => {
    const c = await t.signIn('soudan1');
    const csrf = c.csrf;
    c.csrf = null;
    const missing = await c.patch('/api/v1/me/preferences', { dateStyle: 'seireki' });
    expect(missing.statusCode).toBe(403);
    expect(errorCode(missing.body).code).toBe('csrf_failed');
    c.csrf = 'forged-token';
    expect((await c.patch('/api/v1/me/preferences', { dateStyle: 'seireki' })).statusCode).toBe(403);
    c.csrf = csrf;
    const ok = await c.patch('/api/v1/me/preferences', { dateStyle: 'seireki' });
    expect(ok.statusCode).toBe(200);
    expect(json<{ user: { dateStyle: string } }>(ok).user.dateStyle).toBe('seireki');
  });

  it('ends sessions on idle timeout, absolute timeout and sign-out', async () => {
    const idle = await t.signIn('coordinator');
    const absolute = await t.signIn('coordinator');
    const out = await t.signIn('coordinator');
    const hashOf = (c: Client) => hashSessionToken(c.cookie!.split('=')[1]!);
    await t.database.db.updateTable('user_session').set({ last_seen_at: new Date(Date.now() - 31 * 60_000) }).where('token_hash', '=', hashOf(idle)).execute();
    await t.database.db.updateTable('user_session').set({ expires_at: new Date(Date.now() - 1000) }).where('token_hash', '=', hashOf(absolute)).execute();
    expect((await idle.get('/api/v1/me')).statusCode).toBe(401);
    expect((await absolute.get('/api/v1/me')).statusCode).toBe(401);
    const cookie = out.cookie;
    expect((await out.post('/api/v1/auth/logout')).statusCode).toBe(204);
    out.cookie = cookie;
    expect((await out.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('signs out everywhere on password change', async () => {
    const phone = await t.signIn('outreach');
    const desk = await t.signIn('outreach');
    const weak = await desk.post('/api/v1/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(422);
    const res = await desk.post('/api/v1/me/password', { currentPassword: DEMO_PASSWORD, newPassword: 'a-much-longer-passphrase-42' });
    expect(res.statusCode).toBe(200);
    expect((await phone.get('/api/v1/me')).statusCode).toBe(401);
    expect((await desk.get('/api/v1/me')).statusCode).toBe(200);
    const old = await new Client(t.app).post('/api/v1/auth/login', { loginName: 'outreach', password: DEMO_PASSWORD });
    expect(old.statusCode).toBe(401);
    await t.signIn('outreach', 'a-much-longer-passphrase-42');
  });
});

describe('TOTP second factor', () => {
  it('enrols from settings, then demands a fresh code at every sign-in and refuses replays', async () => {
    const c = await t.signIn('kodomo');
    const setup = json<{ secret: string; qrDataUrl: string }>(await c.post('/api/v1/auth/totp/enroll/start'));
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await c.post('/api/v1/auth/totp/enroll/confirm', { code: '000000' === currentTotp(setup.secret) ? '111111' : '000000' })).statusCode).toBe(401);
    expect((await c.post('/api/v1/auth/totp/enroll/confirm', { code: currentTotp(setup.secret) })).statusCode).toBe(200);
    // A stolen session cannot swap the factor for the attacker's own.
    expect((await c.post('/api/v1/auth/totp/enroll/start')).statusCode).toBe(400);

    const next = new Client(t.app);
    const first = await next.post('/api/v1/auth/login', { loginName: 'kodomo', password: DEMO_PASSWORD });
    expect(json(first).status).toBe('totp_required');
    const blocked = await next.get('/api/v1/me');
    expect(blocked.statusCode).toBe(401);
    expect(errorCode(blocked.body).code).toBe('mfa_required');
    // The code used at enrolment cannot be replayed.
    const replay = await next.post('/api/v1/auth/totp', { code: currentTotp(setup.secret) });
    expect(replay.statusCode).toBe(401);
    const future = currentTotp(setup.secret, new Date(Date.now() + 30_000));
    expect((await next.post('/api/v1/auth/totp', { code: future })).statusCode).toBe(200);
    expect((await next.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('makes users of a role enrol when an administrator requires TOTP for that role', async () => {
    const admin = await t.signIn('admin');
    const settings = json<{ items: Array<{ role: string; version: number }> }>(await admin.get('/api/v1/admin/role-settings'));
    const auditor = settings.items.find((s) => s.role === 'auditor')!;
    expect((await admin.put('/api/v1/admin/role-settings/auditor', { requireTotp: true, version: auditor.version })).statusCode).toBe(200);
    expect((await admin.put('/api/v1/admin/role-settings/auditor', { requireTotp: true, version: auditor.version })).statusCode).toBe(409);

    const c = new Client(t.app);
    const res = await c.post('/api/v1/auth/login', { loginName: 'auditor', password: DEMO_PASSWORD });
    expect(json(res).status).toBe('totp_enrollment_required');
    expect((await c.get('/api/v1/audit/events')).statusCode).toBe(401);
    const setup = json<{ secret: string }>(await c.post('/api/v1/auth/totp/enroll/start'));
    expect((await c.post('/api/v1/auth/totp/enroll/confirm', { code: currentTotp(setup.secret) })).statusCode).toBe(200);
    expect((await c.get('/api/v1/audit/events')).statusCode).toBe(200);
    const disable = await c.post('/api/v1/me/totp/disable', { currentPassword: DEMO_PASSWORD });
    expect(disable.statusCode).toBe(403);
  });
});

describe('security headers', () => {
  it('sends a CSP without inline scripts, frame-ancestors none, and no HSTS over plain HTTP', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
