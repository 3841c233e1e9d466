/**
 * Issue 7, must 5: the authorisation sweep. For every operation of /api/openapi.json (built at run
 * time; see sweep-plan.ts for the allow-list) and every role, users who must not see デモ市's
 * unshared records — users of デモ町 of every role, and users of デモ市 whom the real policy grants
 * nothing on the record — are refused with 403/404, get no data (no fixture marker, no fixture id in
 * the answer), learn nothing about existence (a fresh random id gives the same status and error
 * code), and every refusal is in the audit trail (a `denied` event of that actor for that request).
 *
 * "Audited" for a record of another municipality: the actor's municipality holds no such record, so
 * the use case asks the policy with facts that grant nothing, and the refusal is a `denied` event in
 * the actor's own municipality naming the id asked for — exactly as for an id that exists nowhere,
 * so the trail itself reveals no existence either.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMunicipalityDefaults } from '../../src/admin/ensure-municipality-defaults.js';
import { type Actor, ROLES, type Role } from '../../src/platform/access/index.js';
import { findLiveSession } from '../../src/platform/auth/session.repo.js';
import { newId } from '../../src/platform/db/ids.js';
import { seedSecondMunicipality } from '../../src/seed/seed-second-municipality.js';
import { operationsOf, type Operation } from '../fuzz/fuzz-cases.js';
import { type Client, json, startTestApp, type TestApp, testDbKind } from '../test-app.js';
import { grantedActions } from './sweep-expectations.js';
import { addTownUsers, createFixtures, type Fixtures, MARKERS, transferIdOf } from './sweep-fixtures.js';
import { createMoreFixtures, MEETING_MARKERS } from './sweep-fixtures-more.js';
import { ALLOW_LIST, classify, opKey, type TargetKind } from './sweep-plan.js';
import { buildRequest, type Refs, type SweepRequest } from './sweep-requests.js';

/** Users of デモ市 other than the records' owner (houkatsu1): every role, several agencies. */
const HOME_LOGINS = ['admin', 'coordinator', 'soudan1', 'kodomo', 'jiritsu', 'outreach', 'minsei1', 'auditor', 'pref', 'sysadmin'];

interface SweepActor {
  login: string;
  client: Client;
  actor: Actor;
}

let t: TestApp;
let ops: Operation[];
let fixtures: Fixtures;
const actors: SweepActor[] = [];
/** Per actor, the fixture ids the policy grants it nothing on (the records it is swept against). */
const deniedTargets = new Map<string, Map<TargetKind, string[]>>();
const stats = { pairs: 0, requests: 0, byStatus: new Map<number, number>(), skipped: [] as string[] };

const idsOf = (kind: TargetKind): string[] => {
  const v = fixtures[kind];
  return Array.isArray(v) ? v : [v];
};
const allFixtureIds = () => Object.values(fixtures).flat();

async function send(client: Client, req: SweepRequest) {
  stats.requests++;
  const res = await client.request(req.method as 'GET', req.url, req.body);
  stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
  const code = res.statusCode >= 400 && res.body.startsWith('{') ? (json<{ error?: { code?: string } }>(res).error?.code ?? '') : '';
  return { status: res.statusCode, code, body: res.body, requestId: String(res.headers['x-request-id'] ?? '') };
}

/**
 * What in the answer gives the records away: a marker, or a fixture id (other than one the request
 * itself named). The audit log is the exception for ids: it records the sweep's own refused attempts
 * by target id in the actor's municipality (ids only, no personal data; the audit_log policy).
 */
function leaks(body: string, req: SweepRequest, op: Operation, markers: readonly string[] = [...MARKERS, ...MEETING_MARKERS], ids = allFixtureIds()): string[] {
  const sent = `${req.url} ${JSON.stringify(req.body ?? '')}`;
  const leakedIds = op.path === '/api/v1/audit/events' ? [] : ids.filter((id) => body.includes(id) && !sent.includes(id));
  return [...markers.filter((m) => body.includes(m)), ...leakedIds];
}

/** Kinds of the meeting's own case: an actor that reaches only these is still list-swept for the main fixtures. */
const MEETING_KINDS: readonly TargetKind[] = ['meeting', 'agendaItem', 'infoRequest'];

async function deniedEvent(requestId: string, userId: string) {
  return t.database.db.selectFrom('audit_event').select(['action', 'target_id']).where('request_id', '=', requestId).where('actor_user_id', '=', userId).where('outcome', '=', 'denied').executeTakeFirst();
}

/**
 * One (operation, actor, record) pair: the real request and the same request with a fresh random id
 * where the record's id was. Returns what is wrong, if anything.
 */
async function sweepPair(a: SweepActor, op: Operation, what: string, real: SweepRequest, fake: SweepRequest): Promise<string[]> {
  stats.pairs++;
  const r = await send(a.client, real);
  const f = await send(a.client, fake);
  const problems: string[] = [];
  if (r.status !== 403 && r.status !== 404) problems.push(`status ${r.status} ${r.code} (expected 403/404): ${r.body.slice(0, 200)}`);
  const leaked = leaks(r.body, real, op);
  if (leaked.length > 0) problems.push(`answer contains ${leaked.join(', ')}`);
  if (r.status !== f.status || r.code !== f.code) problems.push(`existence leak: existing → ${r.status} ${r.code}, random id → ${f.status} ${f.code}`);
  if (r.status === 403 || r.status === 404) {
    if (!(await deniedEvent(r.requestId, a.actor.userId))) problems.push(`refusal not audited (${r.status} ${r.code})`);
  }
  return problems.map((p) => `${what} as ${a.login}: ${p}`);
}

const sweptKinds = (a: SweepActor) => deniedTargets.get(a.login)!;

beforeAll(async () => {
  t = await startTestApp();
  await seedSecondMunicipality(t.database.db, { seed: 7, now: new Date() });
  await ensureMunicipalityDefaults(t.database.db);
  const townLogins = await addTownUsers(t);
  const owner = await t.signIn('houkatsu1');
  const base = await createFixtures(owner);
  const more = await createMoreFixtures(t, owner, await t.signIn('admin'), base.need);
  fixtures = { ...base, ...more, transfer: await transferIdOf(t, base.case) };
  ops = operationsOf(json(await t.app.inject({ method: 'GET', url: '/api/openapi.json' })) as never);
  const policy = { idleMinutes: t.config.sessionIdleMinutes, absoluteHours: t.config.sessionAbsoluteHours };
  for (const login of [...HOME_LOGINS, ...townLogins]) {
    const client = await t.signIn(login);
    const row = await findLiveSession(t.database.db, client.cookie!.split('=').slice(1).join('='), new Date(), policy);
    if (!row) throw new Error(`no session for ${login}`);
    const actor: Actor = { userId: row.user_id, municipalityId: row.municipality_id, prefectureCode: row.prefecture_code, loginName: row.login_name, roles: row.roles as Role[], agencyIds: row.agency_ids };
    actors.push({ login, client, actor });
    const denied = new Map<TargetKind, string[]>();
    for (const kind of Object.keys(fixtures) as TargetKind[]) {
      const ids: string[] = [];
      for (const id of idsOf(kind)) {
        const granted = await grantedActions(t.database.db, t.municipalityId, actor, kind, id, new Date());
        if (granted.length === 0) ids.push(id);
        else stats.skipped.push(`${login} may ${granted.join('/')} ${kind}`);
      }
      denied.set(kind, ids);
    }
    deniedTargets.set(login, denied);
  }
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('authorisation sweep: other municipality, unrelated agency, no consent', () => {
  it('covers every operation (swept or allow-listed) and every role in both municipalities', async () => {
    const unclassified = ops.filter((op) => classify(op).how === 'unclassified').map(opKey);
    expect(unclassified, 'operations neither swept nor on the allow-list of sweep-plan.ts').toEqual([]);
    const stale = Object.keys(ALLOW_LIST).filter((k) => !ops.some((op) => opKey(op) === k));
    expect(stale, 'allow-list entries naming no operation').toEqual([]);
    const rolesOf = (home: boolean) => new Set(actors.filter((a) => (a.actor.municipalityId === t.municipalityId) === home).flatMap((a) => a.actor.roles));
    expect([...rolesOf(true)].sort()).toEqual([...ROLES].sort());
    expect([...rolesOf(false)].sort()).toEqual([...ROLES].sort());
    // Positive control: the fixtures are real and reachable, so the refusals below are the policy's.
    // The owner reads each of them through every swept GET (a 支援会議's material needs 守秘義務の確認 first).
    const owner = await t.signIn('houkatsu1');
    expect((await owner.get(`/api/v1/persons/${fixtures.person}`)).body).toContain(MARKERS[0]);
    const unreadable: string[] = [];
    for (const op of ops) {
      const plan = classify(op);
      if (plan.how !== 'record' || op.method !== 'GET' || op.path === '/api/v1/agenda-items/{id}/material') continue;
      const res = await owner.request('GET', buildRequest(op, idsOf(plan.kind)[0], {}).url);
      if (res.statusCode !== 200) unreadable.push(`${opKey(op)} → ${res.statusCode}`);
    }
    expect(unreadable).toEqual([]);
  });

  it(
    'refuses every operation on a protected record: 403/404, no data, no existence leak, audited',
    async () => {
      const problems: string[] = [];
      for (const op of ops) {
        const plan = classify(op);
        if (plan.how !== 'record') continue;
        for (const a of actors) {
          for (const id of sweptKinds(a).get(plan.kind)!) {
            const refs: Refs = { person: fixtures.person, household: fixtures.household, consultation: fixtures.consultation[0]!, case: fixtures.case };
            problems.push(...(await sweepPair(a, op, `${opKey(op)} [${plan.kind}]`, buildRequest(op, id, refs), buildRequest(op, newId(), refs))));
          }
        }
      }
      expect(problems.slice(0, 40), `${problems.length} problems`).toEqual([]);
    },
    600_000,
  );

  it(
    'refuses every operation that names a protected record in its query or body',
    async () => {
      const problems: string[] = [];
      for (const op of ops) {
        const plan = classify(op);
        if (plan.how !== 'reference') continue;
        for (const a of actors) {
          const kinds = sweptKinds(a);
          if (!plan.kinds.every((k) => kinds.get(k)!.length > 0)) continue;
          const real: Refs = Object.fromEntries(plan.kinds.map((k) => [k, kinds.get(k)![0]!]));
          const fake: Refs = Object.fromEntries(plan.kinds.map((k) => [k, newId()]));
          const reqReal = buildRequest(op, undefined, real);
          const reqFake = buildRequest(op, undefined, fake);
          if (op.method === 'GET') {
            // A filtered list may answer 200 with nothing in it; it must give nothing away either way.
            stats.pairs++;
            const r = await send(a.client, reqReal);
            const f = await send(a.client, reqFake);
            const leaked = leaks(r.body, reqReal, op);
            if (leaked.length > 0) problems.push(`${opKey(op)} as ${a.login}: answer contains ${leaked.join(', ')}`);
            if (r.status !== f.status || r.code !== f.code) problems.push(`${opKey(op)} as ${a.login}: existence leak ${r.status} ${r.code} vs ${f.status} ${f.code}`);
          } else {
            problems.push(...(await sweepPair(a, op, opKey(op), reqReal, reqFake)));
          }
        }
      }
      expect(problems.slice(0, 40), `${problems.length} problems`).toEqual([]);
    },
    600_000,
  );

  it(
    'lists and searches of refused actors contain none of the records',
    async () => {
      const problems: string[] = [];
      for (const op of ops) {
        if (classify(op).how !== 'list') continue;
        for (const a of actors) {
          const reached = [...sweptKinds(a).entries()].filter(([k, ids]) => ids.length < idsOf(k).length).map(([k]) => k);
          if (reached.some((k) => !MEETING_KINDS.includes(k))) continue;
          const markers = reached.length === 0 ? [...MARKERS, ...MEETING_MARKERS] : [...MARKERS];
          const ids = (Object.keys(fixtures) as TargetKind[]).filter((k) => !MEETING_KINDS.includes(k) || reached.length === 0).flatMap(idsOf);
          stats.pairs++;
          const req = buildRequest(op, undefined, {});
          const r = await send(a.client, req);
          const leaked = leaks(r.body, req, op, markers, ids);
          if (leaked.length > 0) problems.push(`${opKey(op)} as ${a.login} → ${r.status}: answer contains ${leaked.join(', ')}`);
          if (r.status >= 500) problems.push(`${opKey(op)} as ${a.login} → ${r.status}`);
        }
      }
      expect(problems.slice(0, 40), `${problems.length} problems`).toEqual([]);
      const kinds = ops.map(classify);
      const count = (how: string) => kinds.filter((k) => k.how === how).length;
      const histogram = [...stats.byStatus.entries()].sort(([x], [y]) => x - y).map(([s, n]) => `${s}:${n}`);
      console.log(
        `authz sweep (${testDbKind()}): ${ops.length} operations (${count('record')} on a record, ${count('reference')} by reference, ${count('list')} lists, ${count('allowed')} allow-listed), ` +
          `${actors.length} actors, ${stats.pairs} (operation, actor, record) pairs, ${stats.requests} requests, statuses ${histogram.join(' ')}; ` +
          `not swept where the policy grants access: ${stats.skipped.join('; ') || 'none'}`,
      );
    },
    600_000,
  );
});
