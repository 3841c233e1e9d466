import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, cadenceState, leadStepProblem, stageListProblems, statusAfterAttempt, volunteerStatus } from './lead-rules.js';

describe('lead status', () => {
  it('会えた turns 未接触 into 接触中; nothing else moves the status', () => {
    expect(statusAfterAttempt('open', 'met')).toBe('in_contact');
    for (const outcome of ['absent', 'refused', 'letter_left', 'no_answer', 'other'] as const) expect(statusAfterAttempt('open', outcome)).toBe('open');
    expect(statusAfterAttempt('in_contact', 'refused')).toBe('in_contact');
  });

  it('attempts, stages, consent and closing only while the lead is worked; reopen only when closed', () => {
    for (const step of ['attempt', 'stage', 'consent', 'close', 'edit'] as const) {
      expect(leadStepProblem('open', step)).toBeNull();
      expect(leadStepProblem('in_contact', step)).toBeNull();
      expect(leadStepProblem('consented', step)).toMatch(/移行/);
      expect(leadStepProblem('closed', step)).toMatch(/終了/);
    }
    expect(leadStepProblem('closed', 'reopen')).toBeNull();
    expect(leadStepProblem('open', 'reopen')).not.toBeNull();
    expect(leadStepProblem('consented', 'reopen')).not.toBeNull();
  });

  it('the 民生委員 sees 受付済 → 対応中 → 対応済 only', () => {
    expect(volunteerStatus('open', 0)).toBe('received');
    expect(volunteerStatus('open', 2)).toBe('in_progress');
    expect(volunteerStatus('in_contact', 0)).toBe('in_progress');
    expect(volunteerStatus('consented', 5)).toBe('done');
    expect(volunteerStatus('closed', 0)).toBe('done');
  });
});

describe('trust stage list', () => {
  const ids = ['a', 'b', 'c'];
  it('accepts renames, reordering, additions and retiring', () => {
    expect(stageListProblems(ids, [{ id: 'c', name: '会えた' }, { id: 'a', name: '未接触' }, { id: 'b', name: '旧', retired: true }, { name: '新しい段階' }])).toEqual([]);
  });
  it('refuses dropping a stage, duplicate or empty names, unknown ids and fewer than two stages in use', () => {
    const paths = (s: Parameters<typeof stageListProblems>[1]) => stageListProblems(ids, s).map((p) => p.path);
    expect(paths([{ id: 'a', name: 'x' }, { id: 'b', name: 'y' }])).toEqual(['stages']);
    expect(paths([{ id: 'a', name: 'x' }, { id: 'b', name: 'x' }, { id: 'c', name: ' ' }])).toEqual(['stages.1.name', 'stages.2.name']);
    expect(paths([{ id: 'a', name: 'x' }, { id: 'b', name: 'y' }, { id: 'c', name: 'z' }, { id: 'zz', name: 'w' }])).toEqual(['stages.3.id']);
    expect(paths([{ id: 'a', name: 'x' }, { id: 'b', name: 'y', retired: true }, { id: 'c', name: 'z', retired: true }])).toEqual(['stages']);
  });
});

describe('contact cadence (つながり続ける)', () => {
  it('is due interval days after the last contact and lapses the day after', () => {
    const base = { startsOn: '2026-04-01', intervalDays: 14 };
    expect(cadenceState({ ...base, lastContactOn: '2026-04-10', today: '2026-04-24' })).toEqual({ lastContactOn: '2026-04-10', dueOn: '2026-04-24', lapsed: false, daysOverdue: 0 });
    expect(cadenceState({ ...base, lastContactOn: '2026-04-10', today: '2026-04-25' })).toMatchObject({ lapsed: true, daysOverdue: 1 });
  });
  it('counts from the start of the cadence when the last contact is older or absent', () => {
    expect(cadenceState({ startsOn: '2026-04-20', intervalDays: 7, lastContactOn: '2026-03-01', today: '2026-04-28' })).toMatchObject({ lastContactOn: '2026-04-20', dueOn: '2026-04-27', lapsed: true, daysOverdue: 1 });
    expect(cadenceState({ startsOn: '2026-04-20', intervalDays: 7, lastContactOn: null, today: '2026-04-21' })).toMatchObject({ lapsed: false });
  });
  it('crosses months and leap days', () => {
    expect(addDays('2028-02-20', 10)).toBe('2028-03-01');
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
  });
  it('a contact on the day resets the lapse (property)', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2024-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 365 }), fc.integer({ min: 0, max: 400 }), (start, interval, later) => {
        const today = addDays(start, later);
        const s = cadenceState({ startsOn: start, intervalDays: interval, lastContactOn: today, today });
        expect(s.lapsed).toBe(false);
        const none = cadenceState({ startsOn: start, intervalDays: interval, lastContactOn: null, today });
        expect(none.lapsed).toBe(later > interval);
        expect(none.daysOverdue).toBe(Math.max(0, later - interval));
      }),
    );
  });
});
