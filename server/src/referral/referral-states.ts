/**
 * The closed-loop referral state machine (DOMAIN.md §5, modelled on the HL7 Gravity SDOH referral
 * task): which action moves which state, and which side may take it. The sender (紹介元) drafts,
 * sends and cancels; the receiver (紹介先) accepts or rejects with a reason, works, holds, and
 * closes the loop with completed (was the need met?) or failed.
 */
import type { ReferralStatus } from '../platform/db/schema.js';

export const REFERRAL_STATUSES = ['draft', 'requested', 'accepted', 'rejected', 'in_progress', 'on_hold', 'completed', 'failed', 'cancelled'] as const satisfies readonly ReferralStatus[];

export const REFERRAL_ACTIONS = ['send', 'cancel', 'accept', 'reject', 'start', 'hold', 'resume', 'complete', 'fail'] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];
export type ReferralSide = 'sender' | 'receiver';

interface Transition {
  side: ReferralSide;
  from: readonly ReferralStatus[];
  to: ReferralStatus;
}

const WORKING: readonly ReferralStatus[] = ['accepted', 'in_progress', 'on_hold'];

export const TRANSITIONS: Record<ReferralAction, Transition> = {
  send: { side: 'sender', from: ['draft'], to: 'requested' },
  cancel: { side: 'sender', from: ['draft', 'requested', ...WORKING], to: 'cancelled' },
  accept: { side: 'receiver', from: ['requested'], to: 'accepted' },
  reject: { side: 'receiver', from: ['requested'], to: 'rejected' },
  start: { side: 'receiver', from: ['accepted'], to: 'in_progress' },
  hold: { side: 'receiver', from: ['accepted', 'in_progress'], to: 'on_hold' },
  resume: { side: 'receiver', from: ['on_hold'], to: 'in_progress' },
  complete: { side: 'receiver', from: WORKING, to: 'completed' },
  fail: { side: 'receiver', from: WORKING, to: 'failed' },
};

/** States in which the loop is still open (someone must act). */
export const OPEN_STATUSES: readonly ReferralStatus[] = ['draft', 'requested', ...WORKING];
/** States in which the receiver may see the referred person and the attached records. */
export const SHARING_STATUSES: readonly ReferralStatus[] = ['requested', ...WORKING];
/** States in which the receiver works on the case (writes 支援経過記録). */
export const WORKING_STATUSES = WORKING;
export const FINAL_STATUSES: readonly ReferralStatus[] = ['rejected', 'completed', 'failed', 'cancelled'];

export type TransitionCheck = { ok: true; to: ReferralStatus } | { ok: false; problem: 'wrong_side' | 'wrong_state' };

export function checkTransition(action: ReferralAction, status: ReferralStatus, sides: readonly ReferralSide[]): TransitionCheck {
  const t = TRANSITIONS[action];
  if (!sides.includes(t.side)) return { ok: false, problem: 'wrong_side' };
  if (!t.from.includes(status)) return { ok: false, problem: 'wrong_state' };
  return { ok: true, to: t.to };
}

/** The actions a user on `sides` may take now (drives the buttons; the server re-checks). */
export function allowedActions(status: ReferralStatus, sides: readonly ReferralSide[]): ReferralAction[] {
  return REFERRAL_ACTIONS.filter((a) => checkTransition(a, status, sides).ok);
}
