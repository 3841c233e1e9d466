import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

type ErrorBody = { error: { code: string; message: string; requestId: string } };

describe('API edge', () => {
  it('describes every /api/v1 route in OpenAPI 3.1', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = json<{ openapi: string; paths: Record<string, unknown> }>(res);
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/v1/auth/login', '/api/v1/me', '/api/v1/admin/users', '/api/v1/admin/users/{id}/capabilities', '/api/v1/audit/events']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('answers unknown API paths, unauthenticated calls and malformed JSON with the one error shape', async () => {
    const cases = [
      { res: await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' }), status: 404, code: 'not_found' },
      { res: await t.app.inject({ method: 'GET', url: '/api/v1/me' }), status: 401, code: 'unauthenticated' },
      {
        res: await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"loginName": ' }),
        status: 400,
        code: 'invalid',
      },
      {
        res: await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { loginName: 'a'.repeat(300_000), password: 'x' } }),
        status: 413,
        code: 'payload_too_large',
      },
    ];
    for (const c of cases) {
      expect(c.res.statusCode).toBe(c.status);
      const body = json<ErrorBody>(c.res);
      expect(body.error.code).toBe(c.code);
      expect(body.error.message).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      expect(body.error.requestId).toBe(c.res.headers['x-request-id']);
      expect(c.res.body).not.toMatch(/at .*\.ts:\d+|SELECT|stack/i);
    }
  });

  it('treats another municipality’s ids as unknown', async () => {
    const admin = await t.signIn('admin');
    const res = await admin.patch('/api/v1/admin/users/019d4657-0000-7000-8000-000000000000', { version: 1, displayName: 'x' });
    expect(res.statusCode).toBe(404);
  });
});
