import { describe, expect, it } from 'vitest';
import { makesCycle } from './area-rules.js';

describe('makesCycle', () => {
  const links = new Map<string, string | null>([
    ['city', null],
    ['east', 'city'],
    ['east-1', 'east'],
  ]);
  it('refuses an area as its own parent or under its own descendant', () => {
    expect(makesCycle(links, 'east', 'east')).toBe(true);
    expect(makesCycle(links, 'east', 'east-1')).toBe(true);
    expect(makesCycle(links, 'city', 'east-1')).toBe(true);
  });
  it('allows any other parent', () => {
    expect(makesCycle(links, 'east-1', 'city')).toBe(false);
    expect(makesCycle(links, 'new', 'east-1')).toBe(false);
  });
});
