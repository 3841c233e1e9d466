import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { createFixtureMunicipality } from './analytics.fixtures.js';
import { resolveScope } from './analytics-scope.js';
import { CaseworkFixture } from './casework.fixtures.js';
import { collaborationCounts } from './collaboration-indicators.js';

/**
 * Plan counts read the plan and its case only for an agency filter; without one they count versions and
 * evaluations alone. Both ways must agree, in a municipality of its own (2024 年度):
 * - agency a leads k1: plan P1 made 2024-05-01 (v1), approved 2024-06-01, evaluated 2024-09-01 and
 *   2025-04-02 (next 年度); and k3: plan P2 made 2024-03-30 (previous 年度), approved 2024-04-01;
 * - agency b leads k2: plan P3 made 2024-07-01, approved 2025-04-01 (next 年度), evaluated 2024-08-01.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
}, 60_000);
afterAll(async () => {
  await t?.close();
});

describe('plan counts with and without an agency filter', () => {
  it('count the same plans, versions and evaluations', async () => {
    const db = t.database.db;
    const base = await createFixtureMunicipality(db, { a: null, b: null });
    const [a, b] = [base.agency.a!, base.agency.b!];
    const f = new CaseworkFixture(db, base);
    const k1 = await f.supportCase(await f.household(a, [await f.person(a)]), a, '2024-04-10');
    const k2 = await f.supportCase(await f.household(b, [await f.person(b)]), b, '2024-04-10');
    const p1 = await f.plan(k1, a, '2024-05-01', { approvedOn: '2024-06-01' });
    await f.evaluation(p1, '2024-09-01');
    await f.evaluation(p1, '2025-04-02');
    const k3 = await f.supportCase(await f.household(a, [await f.person(a)]), a, '2024-03-01');
    await f.plan(k3, a, '2024-03-30', { approvedOn: '2024-04-01' });
    const p3 = await f.plan(k2, b, '2024-07-01', { approvedOn: '2025-04-01' });
    await f.evaluation(p3, '2024-08-01');

    const year = { from: '2024-04-01', to: '2025-03-31' };
    const counts = async (agencyId?: string) => {
      const c = await collaborationCounts(db, await resolveScope(db, base.municipalityId, agencyId ? { agencyId } : {}), year);
      return { plansCreated: c.plansCreated, plansApproved: c.plansApproved, evaluations: c.evaluations };
    };
    expect(await counts()).toEqual({ plansCreated: 2, plansApproved: 2, evaluations: 2 });
    expect(await counts(a)).toEqual({ plansCreated: 1, plansApproved: 2, evaluations: 1 });
    expect(await counts(b)).toEqual({ plansCreated: 1, plansApproved: 0, evaluations: 1 });
  });
});
