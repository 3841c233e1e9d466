/** The page's own check before sending (the server checks the same again), by field path. */
import type { PublicAnswers } from './api';
import { type FieldReason, NAME_MAX, TEXT_MAX } from './codes';

/** C0 and C1 controls and bidirectional overrides; the free text may keep tab and line breaks. */
function hasControlCharacters(value: string, allowLineBreaks: boolean): boolean {
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 && !(allowLineBreaks && (c === 0x09 || c === 0x0a || c === 0x0d))) return true;
    if ((c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return true;
  }
  return false;
}
const chars = (s: string) => [...s].length;

export type FieldErrors = Partial<Record<FieldPath, FieldReason>>;
export type FieldPath = 'topics' | 'text' | 'who' | 'name' | 'contact.method' | 'contact.phone' | 'contact.email' | 'consent';

export function validateAnswers(a: PublicAnswers): FieldErrors {
  const e: FieldErrors = {};
  const text = a.text.trim();
  if (text === '') e.text = 'text_required';
  else if (chars(text) > TEXT_MAX) e.text = 'text_too_long';
  else if (hasControlCharacters(text, true)) e.text = 'control_chars';
  if (a.who === null) e.who = 'choose_one';
  const name = a.name.trim();
  if (chars(name) > NAME_MAX) e.name = 'name_too_long';
  else if (hasControlCharacters(name, false)) e.name = 'control_chars';
  if (a.contactMethod === null) e['contact.method'] = 'choose_one';
  if (a.contactMethod === 'phone') {
    const digits = a.phone.normalize('NFKC').replace(/[\s\-‐−ー()]/g, '');
    if (a.phone.trim() === '') e['contact.phone'] = 'phone_required';
    else if (!/^\+?\d{10,15}$/.test(digits)) e['contact.phone'] = 'phone_invalid';
  }
  if (a.contactMethod === 'email') {
    if (a.email.trim() === '') e['contact.email'] = 'email_required';
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(a.email.trim())) e['contact.email'] = 'email_invalid';
  }
  if (a.consent === null) e.consent = 'choose_one';
  return e;
}

/** Server field paths (e.g. "contact", "who") onto the page's fields. */
export function fieldErrorsFromServer(fields: { path: string; reason: FieldReason }[]): FieldErrors {
  const e: FieldErrors = {};
  for (const f of fields) {
    const path = (f.path === 'contact' ? 'contact.method' : f.path) as FieldPath;
    if (FIELD_ORDER.includes(path)) e[path] ??= f.reason;
  }
  return e;
}

/** Order of the fields on the page (the error summary lists them in this order). */
export const FIELD_ORDER: readonly FieldPath[] = ['topics', 'text', 'who', 'name', 'contact.method', 'contact.phone', 'contact.email', 'consent'];
