import { describe, expect, it } from 'vitest';
import { type CandidateConsent, consentCoversAll, decideAgendaBasis } from './agenda-rules.js';

/** 2025-06-15 12:00 in Japan. */
const NOW = new Date('2025-06-15T03:00:00Z');
const MEMBERS = ['a-shakyo', 'a-houkatsu', 'a-jiritsu'];
const JUSOU = { name: '重層的支援会議', legalBasis: '重層的支援体制整備事業実施要綱（市町村実施要綱）', consentRequired: true };
const SHIEN = { name: '支援会議', legalBasis: '社会福祉法第106条の6', consentRequired: false };

const consent = (overrides: Partial<CandidateConsent> = {}): CandidateConsent => ({
  consentId: 'c-1',
  consultationId: 'k-1',
  status: 'given',
  agencyScope: null,
  validUntil: null,
  ...overrides,
});

describe('agenda basis', () => {
  it('a 支援会議 takes any case on its statutory basis, consent or not', () => {
    expect(decideAgendaBasis(SHIEN, MEMBERS, [], NOW)).toEqual({ ok: true, basis: 'statutory', legalBasis: '社会福祉法第106条の6' });
    expect(decideAgendaBasis(SHIEN, MEMBERS, [consent({ status: 'refused' })], NOW)).toMatchObject({ basis: 'statutory' });
  });

  it('a 重層的支援会議 takes a case whose consent covers every member agency', () => {
    expect(decideAgendaBasis(JUSOU, MEMBERS, [consent()], NOW)).toEqual({ ok: true, basis: 'consent', consentId: 'c-1', consultationId: 'k-1' });
    expect(decideAgendaBasis(JUSOU, MEMBERS, [consent({ agencyScope: [...MEMBERS, 'a-other'] })], NOW)).toMatchObject({ ok: true, basis: 'consent' });
  });

  it('refuses without consent, and explains why in Japanese', () => {
    const result = decideAgendaBasis(JUSOU, MEMBERS, [], NOW);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('重層的支援会議の議題にできません') });
    if (!result.ok) expect(result.message).toContain('支援会議（社会福祉法第106条の6）で扱うか、同意を記録してください。');
  });

  it('refuses when the scope leaves out even one member agency', () => {
    expect(decideAgendaBasis(JUSOU, MEMBERS, [consent({ agencyScope: ['a-shakyo', 'a-houkatsu'] })], NOW).ok).toBe(false);
    expect(decideAgendaBasis(JUSOU, MEMBERS, [consent({ agencyScope: [] })], NOW).ok).toBe(false);
  });

  it('refuses a withdrawn, refused, unknown or expired consent', () => {
    for (const status of ['withdrawn', 'refused', 'unknown'] as const) {
      expect(decideAgendaBasis(JUSOU, MEMBERS, [consent({ status })], NOW).ok, status).toBe(false);
    }
    expect(decideAgendaBasis(JUSOU, MEMBERS, [consent({ validUntil: '2025-06-14' })], NOW).ok).toBe(false);
  });

  it('a consent is valid all of its last day, Japan time', () => {
    expect(consentCoversAll(consent({ validUntil: '2025-06-15' }), MEMBERS, NOW)).toBe(true);
    // 2025-06-15 23:59 JST is still the last day; 2025-06-16 00:00 JST is not.
    expect(consentCoversAll(consent({ validUntil: '2025-06-15' }), MEMBERS, new Date('2025-06-15T14:59:00Z'))).toBe(true);
    expect(consentCoversAll(consent({ validUntil: '2025-06-15' }), MEMBERS, new Date('2025-06-15T15:00:00Z'))).toBe(false);
  });

  it('uses the first consent that covers everyone, skipping narrower ones', () => {
    const narrow = consent({ consentId: 'c-narrow', agencyScope: ['a-shakyo'] });
    const wide = consent({ consentId: 'c-wide', consultationId: 'k-2' });
    expect(decideAgendaBasis(JUSOU, MEMBERS, [narrow, wide], NOW)).toEqual({ ok: true, basis: 'consent', consentId: 'c-wide', consultationId: 'k-2' });
  });

  it('names the meeting type in the refusal (copied types too)', () => {
    const result = decideAgendaBasis({ ...JUSOU, name: '地域ケア会議' }, MEMBERS, [], NOW);
    expect(result.ok ? '' : result.message).toContain('地域ケア会議の議題にできません');
  });
});
