import { describe, expect, it } from 'vitest';
import { checkSubmission, honeypotFilled, NAME_MAX, phoneDigits, type PublicSubmissionInput, TEXT_MAX } from './submission-rules.js';

const base = (over: Partial<PublicSubmissionInput> = {}): PublicSubmissionInput => ({
  lang: 'ja-easy',
  formToken: 'x',
  topics: ['money'],
  text: 'おかねが なくて こまって います。',
  who: 'self',
  name: null,
  contact: { method: 'none' },
  consent: 'unsure',
  ...over,
});
const reasons = (input: PublicSubmissionInput) => checkSubmission(input).problems.map((p) => `${p.path}:${p.reason}`);

describe('public form rules', () => {
  it('accepts an anonymous submission that wants no contact', () => {
    const { problems, clean } = checkSubmission(base({ name: '   ', contact: { method: 'none', phone: '090', email: 'x', time: 'morning' } }));
    expect(problems).toEqual([]);
    // Contact details and time are dropped when the resident chose 「れんらくは いりません」.
    expect(clean).toMatchObject({ name: null, contact: { method: 'none', phone: null, email: null, time: null } });
  });

  it('requires the free text, counts characters as a person sees them, and keeps line breaks', () => {
    expect(reasons(base({ text: ' \n\t ' }))).toEqual(['text:text_required']);
    expect(reasons(base({ text: 'あ'.repeat(TEXT_MAX + 1) }))).toEqual(['text:text_too_long']);
    // 2000 emoji are 4000 UTF-16 units but 2000 characters.
    expect(reasons(base({ text: '😀'.repeat(TEXT_MAX) }))).toEqual([]);
    expect(checkSubmission(base({ text: '  一行目\r\n二行目\r三行目\t。 ' })).clean.text).toBe('一行目\n二行目\n三行目\t。');
  });

  it('rejects control characters (and bidirectional overrides) in every field', () => {
    expect(reasons(base({ text: 'あ\u0000い' }))).toEqual(['text:control_chars']);
    expect(reasons(base({ text: 'ab\u202Ecd' }))).toEqual(['text:control_chars']);
    expect(reasons(base({ text: 'x\u009By' }))).toEqual(['text:control_chars']);
    expect(reasons(base({ name: '山田\n花子' }))).toEqual(['name:control_chars']);
    expect(reasons(base({ contact: { method: 'email', email: 'a@b.jp\u0007' } }))).toEqual(['contact.email:email_invalid']);
  });

  it('limits the name', () => {
    expect(reasons(base({ name: 'あ'.repeat(NAME_MAX) }))).toEqual([]);
    expect(reasons(base({ name: 'あ'.repeat(NAME_MAX + 1) }))).toEqual(['name:name_too_long']);
  });

  it('asks for the phone number or e-mail address only for the chosen way of contact', () => {
    expect(reasons(base({ contact: { method: 'phone' } }))).toEqual(['contact.phone:phone_required']);
    expect(reasons(base({ contact: { method: 'phone', phone: '12' } }))).toEqual(['contact.phone:phone_invalid']);
    expect(reasons(base({ contact: { method: 'phone', phone: '０９０－１２３４－５６７８', time: 'evening' } }))).toEqual([]);
    expect(reasons(base({ contact: { method: 'email', email: '' } }))).toEqual(['contact.email:email_required']);
    expect(reasons(base({ contact: { method: 'email', email: 'not-an-address' } }))).toEqual(['contact.email:email_invalid']);
    expect(reasons(base({ contact: { method: 'email', email: 'hanako@example.jp', phone: 'ignored' } }))).toEqual([]);
    expect(checkSubmission(base({ contact: { method: 'email', email: ' hanako@example.jp ', phone: '0901234567' } })).clean.contact).toEqual({
      method: 'email',
      phone: null,
      email: 'hanako@example.jp',
      time: null,
    });
  });

  it('reads phone numbers as typed in Japan', () => {
    expect(phoneDigits('03-1234-5678')).toBe('0312345678');
    expect(phoneDigits('(090) 1234 5678')).toBe('09012345678');
    expect(phoneDigits('０９０ー１２３４ー５６７８')).toBe('09012345678');
    expect(phoneDigits('+81 90 1234 5678')).toBe('+819012345678');
    expect(phoneDigits('090-1234')).toBeNull();
    expect(phoneDigits('tel:0312345678')).toBeNull();
  });

  it('refuses the same topic twice, and returns every problem at once', () => {
    expect(reasons(base({ topics: ['money', 'money'], text: '', contact: { method: 'phone' } }))).toEqual(['text:text_required', 'contact.phone:phone_required', 'topics:topics_invalid']);
  });

  it('spots a filled honeypot (anything but whitespace)', () => {
    expect(honeypotFilled({})).toBe(false);
    expect(honeypotFilled({ website: '  ' })).toBe(false);
    expect(honeypotFilled({ website: 'http://spam.example' })).toBe(true);
  });
});
