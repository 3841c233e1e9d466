/**
 * The public page talks to /api/public/… with plain fetch: no session, no CSRF token, and none of
 * the signed-in app's handlers (a refusal here must never send a resident to the staff sign-in).
 */
import type { ConsentAnswer, ContactMethod, ContactTime, FieldReason, FormReason, PublicLang, Topic, Who } from './codes';

export interface PublicForm {
  open: boolean;
  municipalityName: string | null;
  formToken: string | null;
}

export interface PublicAnswers {
  topics: Topic[];
  text: string;
  who: Who | null;
  name: string;
  contactMethod: ContactMethod | null;
  phone: string;
  email: string;
  time: ContactTime | null;
  consent: ConsentAnswer | null;
  /** Honeypot, hidden from people. */
  website: string;
}

export class PublicApiError extends Error {
  constructor(
    readonly status: number,
    readonly reason: FormReason,
    readonly fields: { path: string; reason: FieldReason }[] = [],
  ) {
    super(reason);
    this.name = 'PublicApiError';
  }
}

const FORM_REASONS: readonly FormReason[] = ['form_invalid', 'too_fast', 'token_invalid', 'token_expired', 'already_sent', 'rejected', 'rate_limited', 'daily_limit', 'closed', 'too_large'];

async function call<T>(method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: { Accept: 'application/json', ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new PublicApiError(0, 'network');
  }
  const json = (await response.json().catch(() => null)) as { error?: { details?: { reason?: string; fields?: { path: string; reason: FieldReason }[] } } } | null;
  if (!response.ok) {
    const reason = json?.error?.details?.reason as FormReason | undefined;
    throw new PublicApiError(response.status, reason && FORM_REASONS.includes(reason) ? reason : 'unexpected', json?.error?.details?.fields ?? []);
  }
  return json as T;
}

export function loadPublicForm(lang: PublicLang): Promise<PublicForm> {
  return call<PublicForm>('GET', `/api/public/consultation-form?lang=${lang}`);
}

export function sendPublicConsultation(lang: PublicLang, formToken: string, a: PublicAnswers): Promise<{ referenceNumber: string }> {
  return call('POST', `/api/public/consultations?lang=${lang}`, {
    lang,
    formToken,
    website: a.website,
    topics: a.topics,
    text: a.text,
    who: a.who,
    name: a.name.trim() === '' ? null : a.name,
    contact: {
      method: a.contactMethod,
      phone: a.contactMethod === 'phone' ? a.phone : null,
      email: a.contactMethod === 'email' ? a.email : null,
      time: a.contactMethod === 'none' ? null : a.time,
    },
    consent: a.consent,
  });
}
