import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
const lines: string[] = [];
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  // Production settings log every request at info level: the strictest case for leaks.
  t = await startTestApp({ production: true, logLevel: 'info' }, sink);
});
afterAll(async () => {
  await t?.close();
});

describe('server logs', () => {
  it('carry no passwords, session tokens, CSRF tokens or search terms', async () => {
    const c = await t.signIn('houkatsu1');
    await c.get('/api/v1/me?q=%E5%B1%B1%E7%94%B0%E8%8A%B1%E5%AD%90');
    await c.post('/api/v1/me/password', { currentPassword: 'wrong-secret-current', newPassword: 'a-new-secret-passphrase' });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { loginName: 'houkatsu1', password: 'typed-secret-password' } });
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(4);
    const token = c.cookie!.split('=')[1]!;
    for (const secret of [token, c.csrf!, 'wrong-secret-current', 'a-new-secret-passphrase', 'typed-secret-password', 'test-demo-password-2026', '山田花子', '%E5%B1%B1']) {
      expect(log).not.toContain(secret);
    }
    expect(log).toContain('/api/v1/me');
  });
});
