/** The targets of issue 7 beside the figures: met or not met. */
import type { DbKind } from './args.js';
import type { OperationFigures } from './measure.js';
import type { MixedFigures } from './mixed.js';
import type { OperationName } from './operations.js';

export interface TargetCheck {
  target: string;
  value: string;
  met: boolean;
}

export interface TargetReport {
  /** The targets are set for PostgreSQL at 1,000,000 persons and PGlite at 100,000. */
  targetScale: string;
  atTargetScale: boolean;
  checks: TargetCheck[];
}

const SEARCHES: OperationName[] = ['search.kanji', 'search.kana', 'search.variantKanji', 'search.birthDate'];

function worst(ops: Partial<Record<OperationName, OperationFigures>>, names: OperationName[], value: (f: OperationFigures) => number | null) {
  let name: OperationName | null = null;
  let max = Number.NEGATIVE_INFINITY;
  for (const n of names) {
    const v = ops[n] ? value(ops[n]) : null;
    if (v !== null && v > max) [name, max] = [n, v];
  }
  return { name, value: max };
}

function atMost(target: string, figure: { name?: string | null; value: number }, limit: number, unit: string): TargetCheck {
  const label = figure.name ? ` (${figure.name})` : '';
  return { target, value: `${figure.value} ${unit}${label}`, met: Number.isFinite(figure.value) && figure.value <= limit };
}

export function checkTargets(
  kind: DbKind,
  persons: number,
  ops: Partial<Record<OperationName, OperationFigures>>,
  mixed: MixedFigures[],
  serverPeakRssMb: number,
): TargetReport {
  const p95 = (n: OperationName) => ({ value: ops[n]?.api.p95Ms ?? Number.NaN });
  if (kind === 'pglite') {
    return {
      targetScale: 'PGlite, 100,000 persons',
      atTargetScale: persons >= 100_000,
      checks: [atMost('search p95 ≤ 100 ms', worst(ops, SEARCHES, (f) => f.api.p95Ms), 100, 'ms')],
    };
  }
  const checks = [
    atMost('search p95 ≤ 50 ms', worst(ops, SEARCHES, (f) => f.api.p95Ms), 50, 'ms'),
    atMost('household page p95 ≤ 30 ms', p95('household'), 30, 'ms'),
    atMost('case timeline p95 ≤ 30 ms', p95('timeline'), 30, 'ms'),
    atMost('intake save p95 ≤ 40 ms', p95('intake'), 40, 'ms'),
    atMost('one 年度 of indicators p95 ≤ 300 ms', p95('dashboard'), 300, 'ms'),
    atMost(
      'API ÷ SQL floor ≤ 2 for reads (median)',
      worst(
        ops,
        (Object.keys(ops) as OperationName[]).filter((n) => ops[n]?.read),
        (f) => f.ratioMedian,
      ),
      2,
      '×',
    ),
  ];
  const at200 = mixed.find((m) => m.connections === 200);
  checks.push(
    at200
      ? {
          target: 'mixed load, 200 connections: ≥ 800 req/s at p95 ≤ 100 ms, 0 errors',
          value: `${at200.requestsPerSecond} req/s, p95 ${at200.p95Ms} ms, ${at200.errors} errors`,
          met: at200.requestsPerSecond >= 800 && at200.p95Ms <= 100 && at200.errors === 0,
        }
      : { target: 'mixed load, 200 connections: ≥ 800 req/s at p95 ≤ 100 ms, 0 errors', value: 'not run (--connections without 200)', met: false },
  );
  checks.push(atMost('server RSS ≤ 600 MB', { value: serverPeakRssMb }, 600, 'MB'));
  return { targetScale: 'PostgreSQL, 1,000,000 persons', atTargetScale: persons >= 1_000_000, checks };
}
