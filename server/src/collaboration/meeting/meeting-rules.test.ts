import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '../../platform/access/actor.js';
import { canConvene, checkDecision, checkWork, meetingRoleOf, needsAcknowledgement, statusStep } from './meeting-rules.js';

const actor = (roles: Role[], agencyIds = ['a-own'], userId = 'u-1'): Actor => ({ userId, municipalityId: 'm', prefectureCode: '13', loginName: 't', roles, agencyIds });
const SHIEN = { code: 'shien_kaigi', memberAgencyIds: ['a-x'] };
const JUSOU = { code: 'jusou_shien_kaigi', memberAgencyIds: ['a-x'] };
const COPY = { code: 'youhogo', memberAgencyIds: ['a-own', 'a-x'] };

describe('who may convene', () => {
  it('支援会議: the municipality (市町村管理者) or the 多機関協働事業者', () => {
    expect(canConvene(actor(['municipal_admin']), SHIEN, 'a-own').ok).toBe(true);
    expect(canConvene(actor(['coordinator']), SHIEN, 'a-own').ok).toBe(true);
    expect(canConvene(actor(['caseworker']), SHIEN, 'a-own')).toEqual({ ok: false, message: expect.stringContaining('支援会議は') });
    expect(canConvene(actor(['outreach_worker']), SHIEN, 'a-own').ok).toBe(false);
  });

  it('重層的支援会議: the 多機関協働事業者 only', () => {
    expect(canConvene(actor(['coordinator']), JUSOU, 'a-own').ok).toBe(true);
    expect(canConvene(actor(['municipal_admin']), JUSOU, 'a-own').ok).toBe(false);
    expect(canConvene(actor(['caseworker']), JUSOU, 'a-own').ok).toBe(false);
  });

  it('other types: staff of a member agency, or any staff when the type lists none', () => {
    expect(canConvene(actor(['caseworker']), COPY, 'a-own').ok).toBe(true);
    expect(canConvene(actor(['caseworker']), { ...COPY, memberAgencyIds: ['a-x'] }, 'a-own').ok).toBe(false);
    expect(canConvene(actor(['caseworker']), { ...COPY, memberAgencyIds: [] }, 'a-own').ok).toBe(true);
  });

  it('never the non-staff roles', () => {
    for (const role of ['system_admin', 'auditor', 'prefecture_analyst', 'community_volunteer'] as const) {
      expect(canConvene(actor([role]), { ...COPY, memberAgencyIds: [] }, 'a-own').ok, role).toBe(false);
    }
  });
});

describe('who takes part', () => {
  const meeting = { convenedByAgencyId: 'a-office', memberAgencyIds: ['a-office', 'a-houkatsu'], memberUserIds: ['u-named'] };
  it('convener, member agency, named member user, or nobody', () => {
    expect(meetingRoleOf(actor(['municipal_admin'], ['a-office']), meeting)).toBe('convener');
    expect(meetingRoleOf(actor(['caseworker'], ['a-houkatsu']), meeting)).toBe('member');
    expect(meetingRoleOf(actor(['caseworker'], ['a-other'], 'u-named'), meeting)).toBe('member');
    expect(meetingRoleOf(actor(['caseworker'], ['a-kodomo']), meeting)).toBeNull();
  });
  it('an auditor of the convening agency is not a party', () => {
    expect(meetingRoleOf(actor(['auditor'], ['a-office']), meeting)).toBeNull();
  });
  it('empty ids match nothing', () => {
    expect(meetingRoleOf(actor(['caseworker'], [''], ''), { convenedByAgencyId: 'a', memberAgencyIds: [''], memberUserIds: [''] })).toBeNull();
  });
});

describe('守秘義務の確認', () => {
  it('required before material only where sharing needs no consent', () => {
    expect(needsAcknowledgement({ consentRequired: false }, [], 'u-1')).toBe(true);
    expect(needsAcknowledgement({ consentRequired: false }, ['u-1'], 'u-1')).toBe(false);
    expect(needsAcknowledgement({ consentRequired: true }, [], 'u-1')).toBe(false);
  });
});

describe('status and work', () => {
  it('予定 → 開催中 → 終了; a closed meeting does not reopen', () => {
    expect(statusStep('open', 'scheduled')).toEqual({ ok: true, to: 'open' });
    expect(statusStep('close', 'open')).toEqual({ ok: true, to: 'closed' });
    expect(statusStep('close', 'scheduled')).toEqual({ ok: true, to: 'closed' });
    expect(statusStep('open', 'open').ok).toBe(false);
    expect(statusStep('open', 'closed').ok).toBe(false);
    expect(statusStep('close', 'closed').ok).toBe(false);
  });
  it('minutes and decisions while the meeting is held; nothing after it closes', () => {
    expect(checkWork('scheduled', 'agenda').ok).toBe(true);
    expect(checkWork('scheduled', 'minutes').ok).toBe(false);
    expect(checkWork('open', 'decision').ok).toBe(true);
    for (const work of ['agenda', 'info_request', 'answer', 'attendance', 'minutes', 'decision', 'acknowledge'] as const) {
      expect(checkWork('closed', work).ok, work).toBe(false);
    }
  });
  it('plan approval needs the plan version and a consent-based meeting', () => {
    expect(checkDecision('plan_approved', { planId: 'p', planVersion: 2 }, { consentRequired: true })).toEqual({ ok: true });
    expect(checkDecision('plan_approved', { planId: 'p' }, { consentRequired: true })).toMatchObject({ ok: false, path: 'planId' });
    expect(checkDecision('plan_approved', { planId: 'p', planVersion: 1 }, { consentRequired: false })).toMatchObject({ ok: false, path: 'decision' });
    expect(checkDecision('suspended', {}, { consentRequired: false })).toEqual({ ok: true });
  });
});
