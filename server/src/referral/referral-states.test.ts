import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allowedActions,
  checkTransition,
  FINAL_STATUSES,
  OPEN_STATUSES,
  REFERRAL_ACTIONS,
  REFERRAL_STATUSES,
  type ReferralSide,
  TRANSITIONS,
} from './referral-states.js';

describe('referral state machine', () => {
  it('the sender drafts, sends and cancels; the receiver answers', () => {
    expect(allowedActions('draft', ['sender'])).toEqual(['send', 'cancel']);
    expect(allowedActions('requested', ['sender'])).toEqual(['cancel']);
    expect(allowedActions('requested', ['receiver'])).toEqual(['accept', 'reject']);
    expect(allowedActions('accepted', ['receiver'])).toEqual(['start', 'hold', 'complete', 'fail']);
    expect(allowedActions('in_progress', ['receiver'])).toEqual(['hold', 'complete', 'fail']);
    expect(allowedActions('on_hold', ['receiver'])).toEqual(['resume', 'complete', 'fail']);
  });

  it('the receiver can never send or cancel, the sender can never accept or complete', () => {
    expect(checkTransition('accept', 'requested', ['sender'])).toEqual({ ok: false, problem: 'wrong_side' });
    expect(checkTransition('complete', 'in_progress', ['sender'])).toEqual({ ok: false, problem: 'wrong_side' });
    expect(checkTransition('cancel', 'requested', ['receiver'])).toEqual({ ok: false, problem: 'wrong_side' });
    expect(checkTransition('send', 'draft', ['receiver'])).toEqual({ ok: false, problem: 'wrong_side' });
  });

  it('a draft cannot be accepted and a rejected referral cannot be reopened', () => {
    expect(checkTransition('accept', 'draft', ['receiver'])).toEqual({ ok: false, problem: 'wrong_state' });
    for (const action of REFERRAL_ACTIONS) {
      expect(checkTransition(action, 'rejected', ['sender', 'receiver']).ok).toBe(false);
    }
  });

  it('final states have no way out and every open state has one', () => {
    for (const status of FINAL_STATUSES) expect(allowedActions(status, ['sender', 'receiver'])).toEqual([]);
    for (const status of OPEN_STATUSES) expect(allowedActions(status, ['sender', 'receiver']).length).toBeGreaterThan(0);
  });

  it('any sequence of allowed actions stays inside the declared states and ends nowhere unexpected', () => {
    const side = fc.constantFrom<ReferralSide[]>(['sender'], ['receiver'], ['sender', 'receiver']);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...REFERRAL_ACTIONS), side), { maxLength: 30 }), (steps) => {
        let status: (typeof REFERRAL_STATUSES)[number] = 'draft';
        let sentOnce = false;
        for (const [action, sides] of steps) {
          const r = checkTransition(action, status, sides);
          if (!r.ok) continue;
          expect(sides).toContain(TRANSITIONS[action].side);
          if (action === 'send') {
            expect(sentOnce).toBe(false);
            sentOnce = true;
          }
          status = r.to;
          expect(REFERRAL_STATUSES).toContain(status);
        }
        // A referral the receiver answered was sent first.
        if (!['draft', 'cancelled'].includes(status)) expect(sentOnce).toBe(true);
      }),
    );
  });
});
