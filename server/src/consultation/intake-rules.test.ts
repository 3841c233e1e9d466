import { describe, expect, it } from 'vitest';
import { intakeProblems } from './intake-rules.js';

const base = { categories: ['care', 'withdrawal'], primaryCategory: 'care', visitor: { kind: 'self' as const } };

describe('intake rules', () => {
  it('accept the smallest intake: nothing but the form’s required fields', () => {
    expect(intakeProblems({ categories: [], visitor: { kind: 'self' } })).toEqual([]);
  });
  it('accept an anonymous third-party report with its relationship', () => {
    expect(intakeProblems({ ...base, anonymous: true, visitor: { kind: 'other', relationship: '民生委員' } })).toEqual([]);
  });
  it('require ◎ to be one of the ○ items', () => {
    expect(intakeProblems({ ...base, primaryCategory: 'debt' }).map((p) => p.path)).toEqual(['primaryCategory']);
  });
  it('refuse a person on an anonymous consultation', () => {
    expect(intakeProblems({ ...base, anonymous: true, personId: 'p' }).map((p) => p.path)).toEqual(['anonymous']);
  });
  it('ask a third party for their relationship, and report every problem at once', () => {
    const problems = intakeProblems({ categories: ['care', 'care'], primaryCategory: 'debt', visitor: { kind: 'other', relationship: ' ' } });
    expect(problems.map((p) => p.path).sort()).toEqual(['categories', 'primaryCategory', 'visitor.relationship']);
    expect(problems.every((p) => /[ぁ-んァ-ヶ一-龠]/.test(p.message))).toBe(true);
  });
});
