import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignGenerations, type GenogramKind, type GenogramTie, layoutGenogram } from './genogram-layout.js';

const person = (id: string, age: number | null = null) => ({ id, age });
const at = (layout: ReturnType<typeof layoutGenogram>, id: string) => layout.people.find((p) => p.id === id)!;

describe('ジェノグラムの配置', () => {
  it('puts grandparents above parents above children, whatever order the members come in', () => {
    const ties: GenogramTie[] = [
      { from: 'grandma', to: 'mother', kind: 'parent' },
      { from: 'child', to: 'mother', kind: 'child' },
    ];
    const layout = layoutGenogram([person('child'), person('mother'), person('grandma')], ties);
    expect([at(layout, 'grandma').y, at(layout, 'mother').y, at(layout, 'child').y]).toEqual([0, 1, 2]);
  });

  it('places spouses side by side in one row joined by a spouse line, and their children below the midpoint', () => {
    const ties: GenogramTie[] = [
      { from: 'father', to: 'mother', kind: 'spouse' },
      { from: 'father', to: 'son', kind: 'parent' },
      { from: 'mother', to: 'son', kind: 'parent' },
      { from: 'father', to: 'daughter', kind: 'parent' },
      { from: 'mother', to: 'daughter', kind: 'parent' },
    ];
    const layout = layoutGenogram([person('father', 50), person('mother', 48), person('son', 20), person('daughter', 17)], ties);
    const f = at(layout, 'father');
    const m = at(layout, 'mother');
    expect(f.y).toBe(m.y);
    expect(Math.abs(f.x - m.x)).toBe(1);
    expect(layout.lines).toContainEqual({ source: 'father', target: 'mother', kind: 'spouse' });
    expect(at(layout, 'son').y).toBe(f.y + 1);
    // Older sibling on the left; one bar at half a row below the parents.
    expect(at(layout, 'son').x).toBeLessThan(at(layout, 'daughter').x);
    const mid = (f.x + m.x) / 2;
    const origin = layout.joints.find((j) => j.x === mid && j.y === f.y)!;
    const top = layout.joints.find((j) => j.x === mid && j.y === f.y + 0.5)!;
    expect(layout.lines).toContainEqual({ source: origin.id, target: top.id, kind: 'descent' });
    expect(layout.lines.filter((l) => l.target === 'son' || l.target === 'daughter').map((l) => l.kind)).toEqual(['descent', 'descent']);
  });

  it('puts an only child straight below a single parent, and a family of children centred under the couple', () => {
    const single = layoutGenogram([person('mother', 84), person('son', 55)], [{ from: 'mother', to: 'son', kind: 'parent' }]);
    expect(at(single, 'son').x).toBe(at(single, 'mother').x);
    const ties: GenogramTie[] = [{ from: 'f', to: 'm', kind: 'spouse' }, ...['a', 'b', 'c'].flatMap((ch) => [
      { from: 'f', to: ch, kind: 'parent' as const },
      { from: 'm', to: ch, kind: 'parent' as const },
    ])];
    const family = layoutGenogram([person('f', 50), person('m', 48), person('a', 20), person('b', 18), person('c', 15)], ties);
    const mid = (at(family, 'f').x + at(family, 'm').x) / 2;
    expect(at(family, 'b').x).toBe(mid);
    expect([at(family, 'a').x, at(family, 'c').x]).toEqual([mid - 1, mid + 1]);
  });

  it('keeps an in-law next to the spouse who is a child of the upper row', () => {
    const ties: GenogramTie[] = [
      { from: 'grandma', to: 'son', kind: 'parent' },
      { from: 'grandma', to: 'daughter', kind: 'parent' },
      { from: 'wife', to: 'son', kind: 'spouse' },
    ];
    const layout = layoutGenogram([person('wife', 40), person('daughter', 45), person('son', 42), person('grandma', 75)], ties);
    expect(Math.abs(at(layout, 'son').x - at(layout, 'wife').x)).toBe(1);
    expect(at(layout, 'wife').y).toBe(at(layout, 'son').y);
  });

  it('places people with no recorded tie by age, and draws no line for them', () => {
    const layout = layoutGenogram([person('mother', 84), person('son', 55)], []);
    expect(at(layout, 'mother').y).toBe(0);
    expect(at(layout, 'son').y).toBe(1);
    expect(layout.lines).toEqual([]);
    // Without ages everyone stays in one row.
    expect(layoutGenogram([person('a'), person('b')], []).people.map((p) => p.y)).toEqual([0, 0]);
  });

  it('draws a grandparent tie directly only when the parent in between is not recorded', () => {
    const direct = layoutGenogram([person('gm', 80), person('gc', 10)], [{ from: 'gm', to: 'gc', kind: 'grandparent' }]);
    expect(direct.lines).toEqual([{ source: 'gm', target: 'gc', kind: 'skip' }]);
    expect(at(direct, 'gc').y - at(direct, 'gm').y).toBe(2);
    const via = layoutGenogram(
      [person('gm'), person('p'), person('gc')],
      [
        { from: 'gm', to: 'p', kind: 'parent' },
        { from: 'p', to: 'gc', kind: 'parent' },
        { from: 'gc', to: 'gm', kind: 'grandchild' },
      ],
    );
    expect(via.lines.some((l) => l.kind === 'skip')).toBe(false);
  });

  it('ignores ties to people outside the household', () => {
    const layout = layoutGenogram([person('a')], [{ from: 'a', to: 'stranger', kind: 'parent' }]);
    expect(layout).toEqual({ people: [{ id: 'a', x: 0, y: 0 }], joints: [], lines: [] });
  });

  it('always gives every person a distinct cell and non-negative rows, and every line ends at a known point', () => {
    const kinds: GenogramKind[] = ['parent', 'child', 'spouse', 'sibling', 'grandparent', 'grandchild', 'other'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.record({ a: fc.nat(6), b: fc.nat(6), k: fc.constantFrom(...kinds) }), { maxLength: 10 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { minLength: 7, maxLength: 7 }),
        (n, raw, ages) => {
          const people = Array.from({ length: n }, (_, i) => person(`p${i}`, ages[i]!));
          const ties = raw.map((r) => ({ from: `p${r.a % n}`, to: `p${r.b % n}`, kind: r.k }));
          const layout = layoutGenogram(people, ties);
          const cells = layout.people.map((p) => `${p.x}:${p.y}`);
          expect(new Set(cells).size).toBe(n);
          expect(layout.people.every((p) => p.y >= 0 && Number.isInteger(p.y))).toBe(true);
          const points = new Set([...layout.people.map((p) => p.id), ...layout.joints.map((j) => j.id)]);
          expect(layout.lines.every((l) => points.has(l.source) && points.has(l.target))).toBe(true);
          expect(assignGenerations(people, ties).size).toBe(n);
        },
      ),
    );
  });
});
