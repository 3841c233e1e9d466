import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let houkatsu: Client;
let jiritsu: Client;
let kodomo: Client;
const agencyOf: Record<string, string> = {};
type Ecomap = { householdId: string; householdLabel: string; agencies: Array<{ agencyId: string; name: string; kind: string; roles: string[]; since: string | null; active: boolean }>; resources: unknown[] };
type Household = {
  id: string;
  members: Array<{ personId: string; concerns: { categories: string[]; tags: string[] } }>;
  relationships: Array<{ id: string; personId: string; relatedPersonId: string; kind: string; livingTogether: boolean }>;
};

beforeAll(async () => {
  t = await startTestApp();
  houkatsu = await t.signIn('houkatsu1');
  jiritsu = await t.signIn('jiritsu');
  kodomo = await t.signIn('kodomo');
  for (const [login, c] of [['houkatsu1', houkatsu], ['jiritsu', jiritsu], ['kodomo', kodomo]] as const) {
    agencyOf[login] = json<{ agencies: Array<{ id: string }> }>(await c.get('/api/v1/me')).agencies[0]!.id;
  }
});
afterAll(async () => {
  await t?.close();
});

const rolesOf = (map: Ecomap, agencyId: string) => map.agencies.find((a) => a.agencyId === agencyId);

describe('genogram data and ecomap (家族図・エコマップ)', () => {
  let householdId: string;
  let motherId: string;
  let sonId: string;
  let caseId: string;

  it('returns each member’s concerns and the 続柄 recorded between members', async () => {
    motherId = json<{ id: string }>(
      await houkatsu.post('/api/v1/persons', { familyName: '家系', givenName: '母', familyKana: 'かけい', sex: 'female', birthDate: '1945-01-02', concerns: { categories: ['care'], tags: ['8050'] } }),
    ).id;
    sonId = json<{ id: string }>(await houkatsu.post('/api/v1/persons', { familyName: '家系', givenName: '息子', familyKana: 'かけい', sex: 'male', birthDate: '1975-05-06' })).id;
    const other = json<{ id: string }>(await houkatsu.post('/api/v1/persons', { familyName: '他人', givenName: '太郎' })).id;
    householdId = json<{ id: string }>(await houkatsu.post('/api/v1/households', { label: '家系さん世帯', members: [{ personId: motherId, roleInHousehold: 'head' }, { personId: sonId }] })).id;

    const added = await houkatsu.post(`/api/v1/households/${householdId}/relationships`, { personId: motherId, relatedPersonId: sonId, kind: 'parent' });
    expect(added.statusCode, added.body).toBe(200);
    const view = json<Household>(added);
    expect(view.relationships).toEqual([{ id: expect.any(String), personId: motherId, relatedPersonId: sonId, kind: 'parent', livingTogether: true }]);
    expect(view.members.find((m) => m.personId === motherId)!.concerns).toEqual({ categories: ['care'], tags: ['8050'] });

    expect((await houkatsu.post(`/api/v1/households/${householdId}/relationships`, { personId: sonId, relatedPersonId: motherId, kind: 'child' })).statusCode).toBe(409);
    expect((await houkatsu.post(`/api/v1/households/${householdId}/relationships`, { personId: other, relatedPersonId: sonId, kind: 'sibling' })).statusCode).toBe(400);
    expect((await kodomo.post(`/api/v1/households/${householdId}/relationships`, { personId: sonId, relatedPersonId: motherId, kind: 'child' })).statusCode).toBe(404);

    const again = json<Household>(await houkatsu.get(`/api/v1/households/${householdId}`));
    expect(again.relationships.map((r) => r.kind)).toEqual(['parent']);
  });

  it('lets a relationship entered by mistake be removed', async () => {
    const before = json<Household>(await houkatsu.get(`/api/v1/households/${householdId}`));
    const removed = await houkatsu.request('DELETE', `/api/v1/households/${householdId}/relationships/${before.relationships[0]!.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(json<Household>(removed).relationships).toEqual([]);
    const back = await houkatsu.post(`/api/v1/households/${householdId}/relationships`, { personId: motherId, relatedPersonId: sonId, kind: 'parent' });
    expect(json<Household>(back).relationships).toHaveLength(1);
  });

  it('shows the registering agency, the lead and the agencies that took consultations', async () => {
    const opened = await houkatsu.post('/api/v1/cases', { householdId, note: '8050' });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = json<{ id: string }>(opened).id;
    const taken = await houkatsu.post('/api/v1/consultations', { route: 'visit', visitor: { kind: 'self' }, personId: sonId, categories: ['withdrawal'], summary: '外出できない' });
    expect(taken.statusCode, taken.body).toBe(201);

    const res = await houkatsu.get(`/api/v1/households/${householdId}/ecomap`);
    expect(res.statusCode, res.body).toBe(200);
    const map = json<Ecomap>(res);
    expect(map.householdLabel).toBe('家系さん世帯');
    expect(map.resources).toEqual([]);
    expect(map.agencies).toHaveLength(1);
    expect(rolesOf(map, agencyOf.houkatsu1!)).toMatchObject({ roles: ['lead', 'registered', 'consultation'], active: true, kind: 'chiiki_houkatsu' });
    expect(rolesOf(map, agencyOf.houkatsu1!)!.since).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('shows the agency an open つなぐ went to, and drops it once the referral is cancelled', async () => {
    const soudan = await t.signIn('soudan1');
    const soudanAgency = json<{ agencies: Array<{ id: string }> }>(await soudan.get('/api/v1/me')).agencies[0]!.id;
    const sent = await houkatsu.post('/api/v1/referrals', { toAgencyId: soudanAgency, personId: sonId, reason: '障害福祉サービスの相談', urgency: 'normal', basis: 'legal', legalBasis: 'appi_69_2', attachments: [], send: true });
    expect(sent.statusCode, sent.body).toBe(201);
    const map = json<Ecomap>(await houkatsu.get(`/api/v1/households/${householdId}/ecomap`));
    expect(rolesOf(map, soudanAgency)).toMatchObject({ roles: ['referral'], active: true });
    const ref = json<{ id: string; version: number }>(sent);
    expect((await houkatsu.post(`/api/v1/referrals/${ref.id}/cancel`, { version: ref.version, note: '本人と相談のうえ見送り' })).statusCode).toBe(200);
    expect(rolesOf(json<Ecomap>(await houkatsu.get(`/api/v1/households/${householdId}/ecomap`)), soudanAgency)).toBeUndefined();
  });

  it('after a lead transfer shows the new lead and the former lead', async () => {
    const kase = json<{ version: number }>(await houkatsu.get(`/api/v1/cases/${caseId}`));
    const asked = await houkatsu.post(`/api/v1/cases/${caseId}/transfer`, { toAgencyId: agencyOf.jiritsu, reason: '家計の支援が中心になるため', version: kase.version });
    expect(asked.statusCode, asked.body).toBe(200);
    const transferId = json<{ items: Array<{ transferId: string }> }>(await jiritsu.get('/api/v1/case-transfers/inbox')).items[0]!.transferId;
    expect((await jiritsu.post(`/api/v1/case-transfers/${transferId}/accept`)).statusCode).toBe(200);

    for (const c of [houkatsu, jiritsu]) {
      const map = json<Ecomap>(await c.get(`/api/v1/households/${householdId}/ecomap`));
      expect(rolesOf(map, agencyOf.jiritsu!)).toMatchObject({ roles: ['lead'], active: true });
      expect(rolesOf(map, agencyOf.houkatsu1!)).toMatchObject({ roles: ['registered', 'consultation', 'former_lead'], active: true });
      expect(map.agencies.map((a) => a.roles[0])).toEqual(['lead', 'registered']);
    }
  });

  it('is not found for a worker of an unrelated agency, and each read is audited with its basis', async () => {
    expect((await kodomo.get(`/api/v1/households/${householdId}/ecomap`)).statusCode).toBe(404);
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['actor_login', 'outcome', 'basis'])
      .where('action', '=', 'household.ecomap.read')
      .where('target_id', '=', householdId)
      .orderBy('occurred_at')
      .execute();
    expect(events.filter((e) => e.outcome === 'success').map((e) => e.actor_login)).toEqual(['houkatsu1', 'houkatsu1', 'houkatsu1', 'houkatsu1', 'jiritsu']);
    expect(events.every((e) => e.outcome !== 'success' || (e.basis ?? '').length > 0)).toBe(true);
    expect(events.filter((e) => e.outcome === 'denied').map((e) => e.actor_login)).toEqual(['kodomo']);
  });
});
