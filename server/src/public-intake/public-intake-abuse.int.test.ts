import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, startTestApp, type TestApp } from '../../test/test-app.js';
import { issueFormToken } from './form-token.js';
import { agedToken, answers, counts, submit } from './public-intake.test-support.js';
import { SUBMIT_LIMIT } from './public-intake.routes.js';
import { submitPublicConsultation } from './submit-public-consultation.js';
import type { PublicSubmissionInput } from './submission-rules.js';

let t: TestApp;
type ErrorBody = { error: { code: string; message: string; details?: { reason?: string; fields?: Array<{ path: string; reason: string; message: string }> } } };
const err = (res: LightMyRequestResponse) => json<ErrorBody>(res).error;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('abuse protection of the public form (nothing is saved when refused)', () => {
  it('a filled honeypot is refused without saving, and without saying why', async () => {
    const before = await counts(t);
    const res = await submit(t, answers(t, { website: 'http://spam.example/' }), { ip: '203.0.113.1' });
    expect(res.statusCode).toBe(400);
    expect(err(res)).toMatchObject({ code: 'invalid', details: { reason: 'rejected' } });
    expect(err(res).message).not.toMatch(/honeypot|website/i);
    expect(await counts(t)).toEqual(before);
  });

  it('a form sent too fast (fresh token) is refused without saving; the same token later is accepted once', async () => {
    const before = await counts(t);
    const form = json<{ formToken: string }>(await t.app.inject({ method: 'GET', url: '/api/public/consultation-form', remoteAddress: '203.0.113.2' }));
    const res = await submit(t, answers(t, { formToken: form.formToken, lang: 'en' }), { ip: '203.0.113.2', lang: 'en' });
    expect(res.statusCode).toBe(400);
    expect(err(res)).toMatchObject({ details: { reason: 'too_fast' }, message: 'Please wait a moment, then press "Send" again.' });
    expect(await counts(t)).toEqual(before);

    const token = agedToken(t);
    expect((await submit(t, answers(t, { formToken: token }), { ip: '203.0.113.2' })).statusCode).toBe(201);
    const again = await submit(t, answers(t, { formToken: token }), { ip: '203.0.113.2' });
    expect(again.statusCode).toBe(409);
    expect(err(again)).toMatchObject({ details: { reason: 'already_sent' }, message: 'この そうだんは もう おくりました。' });
  });

  it('forged, expired or other-municipality tokens are refused', async () => {
    const before = await counts(t);
    const old = issueFormToken(t.config.publicFormSecret, t.municipalityId, new Date(Date.now() - 13 * 3_600_000));
    const forged = issueFormToken('f'.repeat(64), t.municipalityId, new Date(Date.now() - 60_000));
    const elsewhere = issueFormToken(t.config.publicFormSecret, '0190aaaa-0000-7000-8000-000000000999', new Date(Date.now() - 60_000));
    expect(err(await submit(t, answers(t, { formToken: old }), { ip: '203.0.113.3' })).details?.reason).toBe('token_expired');
    expect(err(await submit(t, answers(t, { formToken: forged }), { ip: '203.0.113.3' })).details?.reason).toBe('token_invalid');
    expect(err(await submit(t, answers(t, { formToken: elsewhere }), { ip: '203.0.113.3' })).details?.reason).toBe('token_invalid');
    expect(await counts(t)).toEqual(before);
  });

  it('field problems come back per field, in the chosen language, without echoing the input', async () => {
    const before = await counts(t);
    const res = await submit(t, answers(t, { lang: 'en', text: '  ', name: '山田\u0000花子', contact: { method: 'email', email: 'nope' } }), { ip: '203.0.113.4', lang: 'en' });
    expect(res.statusCode).toBe(400);
    expect(err(res).details?.fields).toEqual([
      { path: 'text', reason: 'text_required', message: 'Please write what you are worried about.' },
      { path: 'name', reason: 'control_chars', message: 'This contains characters that cannot be used. Please remove them.' },
      { path: 'contact.email', reason: 'email_invalid', message: 'Please check your email address.' },
    ]);
    expect(res.body).not.toContain('山田');
    // A missing choice (schema level) is named in やさしい日本語 too.
    const { who: _who, ...withoutWho } = answers(t);
    const missing = await submit(t, withoutWho, { ip: '203.0.113.4' });
    expect(missing.statusCode).toBe(400);
    expect(err(missing).details?.fields).toContainEqual({ path: 'who', reason: 'choose_one', message: 'ひとつ えらんで ください。' });
    expect(await counts(t)).toEqual(before);
  });

  it('a body over the size limit is refused (413) in the chosen language', async () => {
    const res = await submit(t, answers(t, { text: 'あ'.repeat(12_000) }), { ip: '203.0.113.5', lang: 'en' });
    expect(res.statusCode).toBe(413);
    expect(err(res)).toMatchObject({ code: 'payload_too_large', message: 'This is too long. Please make it shorter.' });
  });

  it(`more than ${SUBMIT_LIMIT.max} submissions in 10 minutes from one address: 429 with a message in the chosen language; other addresses are not affected`, async () => {
    const ip = '203.0.113.6';
    for (let i = 0; i < SUBMIT_LIMIT.max; i++) expect((await submit(t, answers(t), { ip })).statusCode).toBe(201);
    const before = await counts(t);
    const en = await submit(t, answers(t, { lang: 'en' }), { ip, lang: 'en' });
    expect(en.statusCode).toBe(429);
    expect(err(en)).toMatchObject({ code: 'rate_limited', message: 'You have sent many times. Please wait a while before sending again.', details: { reason: 'rate_limited' } });
    expect(Number(en.headers['retry-after'])).toBeGreaterThan(0);
    expect(en.headers['x-ratelimit-remaining']).toBeUndefined();
    const ja = await submit(t, answers(t), { ip, lang: 'ja-easy' });
    expect(ja.statusCode).toBe(429);
    expect(err(ja).message).toBe('たくさん おくりました。すこし まってから おくって ください。');
    expect(await counts(t)).toEqual(before);
    expect((await submit(t, answers(t), { ip: '203.0.113.7' })).statusCode).toBe(201);
    // Signed-in staff routes are outside the public limit.
    for (let i = 0; i < 8; i++) expect((await t.app.inject({ method: 'GET', url: '/api/health', remoteAddress: ip })).statusCode).toBe(200);
  });

  it('a daily cap per address holds across the 10-minute windows (counted in the database)', async () => {
    const ctx = { db: t.database.db, now: new Date(), meta: { requestId: 'test', clientAddr: null, userAgent: null } };
    const deps = { municipalityId: t.municipalityId, secret: t.config.publicFormSecret, clientAddr: '203.0.113.8' };
    const input = () => answers(t) as unknown as PublicSubmissionInput;
    await submitPublicConsultation(ctx, deps, input(), { dailyCap: 2 });
    await submitPublicConsultation(ctx, deps, input(), { dailyCap: 2 });
    const before = await counts(t);
    await expect(submitPublicConsultation(ctx, deps, input(), { dailyCap: 2 })).rejects.toMatchObject({ code: 'rate_limited', details: { reason: 'daily_limit' } });
    expect(await counts(t)).toEqual(before);
    // Another address still gets through.
    await expect(submitPublicConsultation(ctx, { ...deps, clientAddr: '203.0.113.9' }, input(), { dailyCap: 2 })).resolves.toMatchObject({ referenceNumber: expect.any(String) });
  });

  it('reference numbers are all different', async () => {
    const numbers = await t.database.db.selectFrom('public_submission').select('reference_number').execute();
    expect(numbers.length).toBeGreaterThan(8);
    expect(new Set(numbers.map((n) => n.reference_number)).size).toBe(numbers.length);
  });
});
