/**
 * ジェノグラムの配置 (pure, no imports: the web app imports this file directly).
 * Generations become rows (祖父母 → 親 → 子), spouses sit side by side, children hang below the
 * midpoint of their parents from a sibling bar. Coordinates are in grid units: x = column, y = row.
 */

export type GenogramKind = 'parent' | 'child' | 'spouse' | 'sibling' | 'grandparent' | 'grandchild' | 'other';

export interface GenogramPerson {
  id: string;
  /** Age in years, when the birth date is known: places people with no recorded tie. */
  age: number | null;
}

/** `from` is the `kind` of `to` (parent: from is to's parent). */
export interface GenogramTie {
  from: string;
  to: string;
  kind: GenogramKind;
}

export interface PlacedPerson {
  id: string;
  x: number;
  y: number;
}

/** An invisible bend point of a line (on the spouse line, on a sibling bar). */
export interface Joint {
  id: string;
  x: number;
  y: number;
}

export type LineKind = 'spouse' | 'descent' | 'sibling' | 'skip' | 'other';

export interface GenogramLine {
  source: string;
  target: string;
  kind: LineKind;
}

export interface GenogramLayout {
  people: PlacedPerson[];
  joints: Joint[];
  lines: GenogramLine[];
}

/** Years per generation when only ages relate two people. */
const GENERATION_YEARS = 25;

/** Parent → child pairs and generation offsets (to − from) implied by each tie. */
function normalise(ties: readonly GenogramTie[]) {
  const parentOf: Array<[string, string]> = [];
  const steps: Array<{ a: string; b: string; d: number }> = [];
  for (const t of ties) {
    if (t.kind === 'parent') parentOf.push([t.from, t.to]);
    else if (t.kind === 'child') parentOf.push([t.to, t.from]);
    const d = { parent: 1, child: -1, grandparent: 2, grandchild: -2, spouse: 0, sibling: 0, other: null }[t.kind];
    if (d !== null) steps.push({ a: t.from, b: t.to, d });
  }
  return { parentOf, steps };
}

/** Row of each person: from ties within each connected group, groups aligned to each other by age. */
export function assignGenerations(people: readonly GenogramPerson[], ties: readonly GenogramTie[]): Map<string, number> {
  const ids = new Set(people.map((p) => p.id));
  const { steps } = normalise(ties.filter((t) => ids.has(t.from) && ids.has(t.to) && t.from !== t.to));
  const gen = new Map<string, number>();
  const groups: string[][] = [];
  for (const start of people) {
    if (gen.has(start.id)) continue;
    gen.set(start.id, 0);
    const group = [start.id];
    for (let i = 0; i < group.length; i++) {
      const cur = group[i]!;
      for (const s of steps) {
        const [other, g] = s.a === cur ? [s.b, gen.get(cur)! + s.d] : s.b === cur ? [s.a, gen.get(cur)! - s.d] : [null, 0];
        if (other === null || gen.has(other)) continue;
        gen.set(other, g);
        group.push(other);
      }
    }
    groups.push(group);
  }
  const age = new Map(people.map((p) => [p.id, p.age]));
  // "Birth year" of row 0 for a group: mean over its members of age + row × GENERATION_YEARS.
  const base = (group: string[]) => {
    const known = group.filter((id) => age.get(id) != null);
    if (known.length === 0) return null;
    return known.reduce((sum, id) => sum + age.get(id)! + gen.get(id)! * GENERATION_YEARS, 0) / known.length;
  };
  const sorted = [...groups].sort((a, b) => b.length - a.length);
  const ref = sorted.map(base).find((b) => b !== null) ?? null;
  for (const group of sorted) {
    const b = base(group);
    const offset = ref === null || b === null ? 0 : Math.round((ref - b) / GENERATION_YEARS);
    for (const id of group) gen.set(id, gen.get(id)! + offset);
  }
  const min = Math.min(...gen.values());
  for (const [id, g] of gen) gen.set(id, g - min);
  return gen;
}

/** Places everyone and the lines between them. People keep their given order among equals. */
export function layoutGenogram(people: readonly GenogramPerson[], ties: readonly GenogramTie[]): GenogramLayout {
  const ids = new Set(people.map((p) => p.id));
  const valid = ties.filter((t) => ids.has(t.from) && ids.has(t.to) && t.from !== t.to);
  const gen = assignGenerations(people, valid);
  const { parentOf } = normalise(valid);
  const parents = new Map<string, string[]>();
  for (const [p, c] of parentOf) if (gen.get(p)! < gen.get(c)!) parents.set(c, [...new Set([...(parents.get(c) ?? []), p])]);
  const spouses = valid.filter((t) => t.kind === 'spouse');
  const spouseOf = (id: string) => spouses.flatMap((t) => (t.from === id ? [t.to] : t.to === id ? [t.from] : []));
  const order = new Map(people.map((p, i) => [p.id, i]));
  const age = new Map(people.map((p) => [p.id, p.age ?? -1]));

  const x = new Map<string, number>();
  const rows = [...new Set(gen.values())].sort((a, b) => a - b);
  for (const row of rows) {
    const inRow = people.map((p) => p.id).filter((id) => gen.get(id) === row);
    // Key: mean column of the parents already placed; people without parents follow their spouse.
    const key = (id: string): number => {
      const ps = parents.get(id) ?? [];
      if (ps.length > 0) return ps.reduce((s, p) => s + x.get(p)!, 0) / ps.length;
      return Number.POSITIVE_INFINITY;
    };
    // Units: a person and the spouses who married in, ordered by parents' column, then elder first.
    const placed = new Set<string>();
    const units: string[][] = [];
    const blood = inRow.filter((id) => Number.isFinite(key(id)) || !spouseOf(id).some((s) => inRow.includes(s) && Number.isFinite(key(s))));
    blood.sort((a, b) => key(a) - key(b) || age.get(b)! - age.get(a)! || order.get(a)! - order.get(b)!);
    for (const id of [...blood, ...inRow]) {
      if (placed.has(id)) continue;
      const unit = [id, ...spouseOf(id).filter((s) => inRow.includes(s) && !placed.has(s))];
      for (const u of unit) placed.add(u);
      units.push(unit);
    }
    // Each group of siblings (same parents) is centred under its parents, pushed right to avoid overlap.
    let prev = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < units.length; ) {
      const k = key(units[i]![0]!);
      let j = i;
      while (j < units.length && key(units[j]![0]!) === k) j++;
      const group = units.slice(i, j).flat();
      const desired = Number.isFinite(k) ? k - (group.length - 1) / 2 : Number.isFinite(prev) ? prev + 1 : 0;
      let col = Math.max(desired, prev + 1);
      for (const id of group) {
        x.set(id, col);
        prev = col;
        col += 1;
      }
      i = j;
    }
  }

  const joints: Joint[] = [];
  const lines: GenogramLine[] = [];
  const joint = (jx: number, jy: number) => {
    const id = `j:${jx.toFixed(3)}:${jy.toFixed(3)}`;
    if (!joints.some((j) => j.id === id)) joints.push({ id, x: jx, y: jy });
    return id;
  };
  const line = (source: string, target: string, kind: LineKind) => {
    if (source !== target && !lines.some((l) => l.source === source && l.target === target)) lines.push({ source, target, kind });
  };
  for (const t of spouses) line(t.from, t.to, 'spouse');

  // Children grouped by the same parents hang from one bar below the parents' midpoint.
  const families = new Map<string, string[]>();
  for (const [child, ps] of parents) {
    const direct = ps.filter((p) => gen.get(p) === gen.get(child)! - 1);
    if (direct.length === 0) continue;
    const k = [...direct].sort().join('+');
    families.set(k, [...(families.get(k) ?? []), child]);
  }
  for (const [k, children] of families) {
    const ps = k.split('+');
    const py = gen.get(ps[0]!)!;
    const mid = ps.reduce((s, p) => s + x.get(p)!, 0) / ps.length;
    const origin = ps.length === 1 ? ps[0]! : joint(mid, py);
    const barY = py + 0.5;
    const top = joint(mid, barY);
    line(origin, top, 'descent');
    for (const c of children) {
      const above = joint(x.get(c)!, barY);
      line(top, above, 'descent');
      line(above, c, 'descent');
    }
  }
  // Siblings whose parents are not in the household: a bar above them.
  for (const t of valid.filter((v) => v.kind === 'sibling')) {
    if ((parents.get(t.from) ?? []).some((p) => (parents.get(t.to) ?? []).includes(p))) continue;
    const y = gen.get(t.from)! - 0.3;
    const a = joint(x.get(t.from)!, y);
    const b = joint(x.get(t.to)!, y);
    line(t.from, a, 'sibling');
    line(a, b, 'sibling');
    line(b, t.to, 'sibling');
  }
  // Grandparent ties without the parent in between, and other ties: a direct line.
  for (const t of valid) {
    if (t.kind === 'other') line(t.from, t.to, 'other');
    const [elder, younger] = t.kind === 'grandparent' ? [t.from, t.to] : [t.to, t.from];
    const through = (parents.get(younger) ?? []).some((p) => (parents.get(p) ?? []).includes(elder));
    if ((t.kind === 'grandparent' || t.kind === 'grandchild') && !through) line(elder, younger, 'skip');
  }
  return { people: people.map((p) => ({ id: p.id, x: x.get(p.id)!, y: gen.get(p.id)! })), joints, lines };
}
