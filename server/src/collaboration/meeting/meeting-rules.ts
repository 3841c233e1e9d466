/**
 * Pure rules of 会議: who may convene which type, who takes part in a meeting, the status steps
 * (予定 → 開催中 → 終了) and what may be recorded in each status. No database, no I/O.
 */
import { type Actor, hasRole } from '../../platform/access/actor.js';
import { isStaff } from '../../platform/access/relationships.js';
import type { MeetingStatus } from '../../platform/db/schema.js';
import { JUSOU_SHIEN_KAIGI, SHIEN_KAIGI } from './default-meeting-types.js';

export interface ConveneCheck {
  ok: boolean;
  /** Japanese reason shown when refused. */
  message?: string;
}

/**
 * 支援会議（法106条の6）is convened by the municipality: a 市町村管理者 or the 多機関協働事業者 acting
 * for it. 重層的支援会議 by the 多機関協働事業者. Any other (copied) type by staff of one of its
 * member agencies, or by any staff when the type names no member agencies.
 */
export function canConvene(actor: Actor, type: { code: string; memberAgencyIds: readonly string[] }, actingAgencyId: string): ConveneCheck {
  if (!isStaff(actor)) return { ok: false, message: 'この会議を招集する権限がありません。' };
  if (type.code === SHIEN_KAIGI) {
    return hasRole(actor, 'municipal_admin', 'coordinator') ? { ok: true } : { ok: false, message: '支援会議は市町村（市町村管理者）または多機関協働事業者が招集します。' };
  }
  if (type.code === JUSOU_SHIEN_KAIGI) {
    return hasRole(actor, 'coordinator') ? { ok: true } : { ok: false, message: '重層的支援会議は多機関協働事業者が招集します。' };
  }
  if (type.memberAgencyIds.length === 0 || type.memberAgencyIds.includes(actingAgencyId)) return { ok: true };
  return { ok: false, message: 'この会議種別の構成機関の職員だけが招集できます。' };
}

export interface MeetingParties {
  convenedByAgencyId: string;
  memberAgencyIds: readonly string[];
  memberUserIds: readonly string[];
}

export type MeetingRole = 'convener' | 'member';

/** The actor's part in a meeting: the convening agency, a member (agency or named user), or none. */
export function meetingRoleOf(actor: Actor, meeting: MeetingParties): MeetingRole | null {
  if (!isStaff(actor)) return null;
  if (actor.agencyIds.includes(meeting.convenedByAgencyId)) return 'convener';
  if (actor.agencyIds.some((a) => a !== '' && meeting.memberAgencyIds.includes(a))) return 'member';
  if (actor.userId !== '' && meeting.memberUserIds.includes(actor.userId)) return 'member';
  return null;
}

/** 守秘義務の確認 is required before case material when the type shares without consent (法106条の6). */
export function needsAcknowledgement(type: { consentRequired: boolean }, acknowledgedUserIds: readonly string[], userId: string): boolean {
  return !type.consentRequired && !acknowledgedUserIds.includes(userId);
}

export type StatusAction = 'open' | 'close';

const STEPS: Record<StatusAction, { from: readonly MeetingStatus[]; to: MeetingStatus; message: string }> = {
  open: { from: ['scheduled'], to: 'open', message: '予定の会議だけを開始できます。' },
  close: { from: ['scheduled', 'open'], to: 'closed', message: 'この会議はすでに終了しています。' },
};

export function statusStep(action: StatusAction, from: MeetingStatus): { ok: true; to: MeetingStatus } | { ok: false; message: string } {
  const step = STEPS[action];
  return step.from.includes(from) ? { ok: true, to: step.to } : { ok: false, message: step.message };
}

/** What may be done to a meeting in each status. */
export type MeetingWork = 'agenda' | 'info_request' | 'answer' | 'attendance' | 'minutes' | 'decision' | 'acknowledge';

const WORK_BY_STATUS: Record<MeetingStatus, readonly MeetingWork[]> = {
  scheduled: ['agenda', 'info_request', 'answer', 'attendance', 'acknowledge'],
  open: ['agenda', 'info_request', 'answer', 'attendance', 'minutes', 'decision', 'acknowledge'],
  closed: [],
};

const WORK_MESSAGES: Record<MeetingWork, string> = {
  agenda: '終了した会議には議題を追加できません。',
  info_request: '終了した会議では情報提供を依頼できません。',
  answer: '終了した会議の依頼には回答できません。',
  attendance: '終了した会議の出欠は変更できません。',
  minutes: '議事録は開催中の会議で記録します。',
  decision: '決定は開催中の会議で記録します。',
  acknowledge: '終了した会議です。',
};

export function checkWork(status: MeetingStatus, work: MeetingWork): { ok: true } | { ok: false; message: string } {
  return WORK_BY_STATUS[status].includes(work) ? { ok: true } : { ok: false, message: WORK_MESSAGES[work] };
}

export const MEETING_DECISIONS = ['plan_approved', 'evaluated', 'closed', 'suspended', 'resource_gap', 'continued'] as const;
export type MeetingDecisionCode = (typeof MEETING_DECISIONS)[number];

/** 'plan_approved' needs the plan and its version, and a meeting type that works with consent (重層的支援会議). */
export function checkDecision(
  decision: MeetingDecisionCode,
  input: { planId?: string | null | undefined; planVersion?: number | null | undefined },
  type: { consentRequired: boolean },
): { ok: true } | { ok: false; path: string; message: string } {
  if (decision !== 'plan_approved') return { ok: true };
  if (!type.consentRequired) return { ok: false, path: 'decision', message: '支援プランの承認は、本人同意に基づく会議（重層的支援会議など）で行います。' };
  if (!input.planId || !input.planVersion) return { ok: false, path: 'planId', message: '承認する支援プランと版を選んでください。' };
  return { ok: true };
}
