/**
 * What the public form accepts beyond field types (pure): required free text, lengths counted in
 * characters as a person sees them, no control characters, a phone number or e-mail address only
 * when that is how the resident wants to be contacted. Returns every problem at once, each with a
 * reason code the page turns into words in its own language.
 */
import type { PublicContactMethod, PublicLanguage } from '../platform/db/schema-public-intake.js';
import type { PublicTopic } from './public-topics.js';

export const TEXT_MAX = 2000;
export const NAME_MAX = 50;
export const EMAIL_MAX = 254;
export const PHONE_MAX = 24;

export const WHO = ['self', 'family', 'neighbour', 'other'] as const;
export type Who = (typeof WHO)[number];
export const CONTACT_TIMES = ['any', 'morning', 'afternoon', 'evening'] as const;
export type ContactTime = (typeof CONTACT_TIMES)[number];
export const CONSENT_ANSWERS = ['yes', 'no', 'unsure'] as const;
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];

export interface PublicSubmissionInput {
  lang: PublicLanguage;
  formToken: string;
  /** Honeypot: hidden from people, filled in by form-filling robots. */
  website?: string | null | undefined;
  topics: PublicTopic[];
  text: string;
  who: Who;
  name?: string | null | undefined;
  contact: { method: PublicContactMethod; phone?: string | null | undefined; email?: string | null | undefined; time?: ContactTime | null | undefined };
  consent: ConsentAnswer;
}

export type FieldReason =
  | 'text_required'
  | 'text_too_long'
  | 'control_chars'
  | 'name_too_long'
  | 'phone_required'
  | 'phone_invalid'
  | 'email_required'
  | 'email_invalid'
  | 'topics_invalid'
  | 'choose_one'
  | 'invalid';

export interface FieldProblem {
  path: string;
  reason: FieldReason;
}

/** The resident's answers as stored: trimmed, line breaks as \n, empty optional fields as null. */
export interface CleanSubmission {
  topics: PublicTopic[];
  text: string;
  who: Who;
  name: string | null;
  contact: { method: PublicContactMethod; phone: string | null; email: string | null; time: ContactTime | null };
  consent: ConsentAnswer;
}

/** C0 and C1 controls and bidirectional overrides; the free text may keep tab and line breaks. */
export function hasControlCharacters(value: string, allowLineBreaks: boolean): boolean {
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 && !(allowLineBreaks && (c === 0x09 || c === 0x0a || c === 0x0d))) return true;
    if ((c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const chars = (s: string) => [...s].length;
const blankToNull = (s: string | null | undefined) => {
  const v = s?.trim() ?? '';
  return v === '' ? null : v;
};

/** Digits of a phone number as typed (full-width digits, hyphens, spaces, brackets allowed). */
export function phoneDigits(phone: string): string | null {
  const plain = phone.normalize('NFKC').replace(/[\s\-‐−ー()]/g, '');
  return /^\+?\d{10,15}$/.test(plain) ? plain : null;
}

export function checkSubmission(input: PublicSubmissionInput): { problems: FieldProblem[]; clean: CleanSubmission } {
  const problems: FieldProblem[] = [];
  const text = input.text.replace(/\r\n?/g, '\n').trim();
  if (text === '') problems.push({ path: 'text', reason: 'text_required' });
  else if (chars(text) > TEXT_MAX) problems.push({ path: 'text', reason: 'text_too_long' });
  else if (hasControlCharacters(text, true)) problems.push({ path: 'text', reason: 'control_chars' });

  const name = blankToNull(input.name);
  if (name !== null && chars(name) > NAME_MAX) problems.push({ path: 'name', reason: 'name_too_long' });
  else if (name !== null && hasControlCharacters(name, false)) problems.push({ path: 'name', reason: 'control_chars' });

  const method = input.contact.method;
  const phone = method === 'phone' ? blankToNull(input.contact.phone) : null;
  const email = method === 'email' ? blankToNull(input.contact.email) : null;
  if (method === 'phone') {
    if (phone === null) problems.push({ path: 'contact.phone', reason: 'phone_required' });
    else if (chars(phone) > PHONE_MAX || hasControlCharacters(phone, false) || phoneDigits(phone) === null) problems.push({ path: 'contact.phone', reason: 'phone_invalid' });
  }
  if (method === 'email') {
    if (email === null) problems.push({ path: 'contact.email', reason: 'email_required' });
    else if (chars(email) > EMAIL_MAX || hasControlCharacters(email, false) || !EMAIL.test(email)) problems.push({ path: 'contact.email', reason: 'email_invalid' });
  }
  if (new Set(input.topics).size !== input.topics.length) problems.push({ path: 'topics', reason: 'topics_invalid' });

  return {
    problems,
    clean: {
      topics: [...new Set(input.topics)],
      text,
      who: input.who,
      name,
      contact: { method, phone, email, time: method === 'none' ? null : (input.contact.time ?? null) },
      consent: input.consent,
    },
  };
}

/** The honeypot holds anything but whitespace: a robot filled in a field no person can see. */
export function honeypotFilled(input: Pick<PublicSubmissionInput, 'website'>): boolean {
  return (input.website ?? '').trim() !== '';
}
