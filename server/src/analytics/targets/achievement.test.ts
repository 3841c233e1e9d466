import { describe, expect, it } from 'vitest';
import { achievement } from './view-targets.js';

describe('achievement (達成率)', () => {
  it('is actual ÷ target in percent with one decimal', () => {
    expect(achievement(317, 1200)).toBe(26.4);
    expect(achievement(30, 40)).toBe(75);
    expect(achievement(130, 100)).toBe(130);
    expect(achievement(0, 5)).toBe(0);
  });

  it('is empty without an actual, without a target, or with a target of 0', () => {
    expect(achievement(null, 10)).toBeNull();
    expect(achievement(3, null)).toBeNull();
    expect(achievement(3, 0)).toBeNull();
  });
});
