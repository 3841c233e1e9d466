/** Shared steps of the public-intake integration tests (not a test file itself). */
import type { LightMyRequestResponse } from 'fastify';
import type { TestApp } from '../../test/test-app.js';
import { issueFormToken } from './form-token.js';

export const FILLED_FOR_MS = 10_000;

/** A token as if the form had been opened `ageMs` ago (the minimum fill time has passed). */
export function agedToken(t: TestApp, ageMs = FILLED_FOR_MS): string {
  return issueFormToken(t.config.publicFormSecret, t.municipalityId, new Date(Date.now() - ageMs));
}

export function answers(t: TestApp, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    lang: 'ja-easy',
    formToken: agedToken(t),
    website: '',
    topics: ['money', 'family'],
    text: 'ははの かいごで しごとに いけません。おかねが ありません。',
    who: 'family',
    name: '相談 花子',
    contact: { method: 'phone', phone: '090-1111-2222', time: 'morning' },
    consent: 'unsure',
    ...over,
  };
}

export function submit(t: TestApp, body: unknown, options: { ip?: string; lang?: string } = {}): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method: 'POST',
    url: `/api/public/consultations${options.lang ? `?lang=${options.lang}` : ''}`,
    remoteAddress: options.ip ?? '198.51.100.1',
    payload: body as object,
  });
}

export async function counts(t: TestApp): Promise<{ consultations: number; submissions: number }> {
  const one = async (table: 'consultation' | 'public_submission') =>
    Number((await t.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  return { consultations: await one('consultation'), submissions: await one('public_submission') };
}
