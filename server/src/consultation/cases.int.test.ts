import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let houkatsu: Client;
let jiritsu: Client;
let kodomo: Client;
let agencyOf: Record<string, string>;
type CaseView = { id: string; version: number; status: string; leadAgencyId: string; leadHistory: Array<{ agencyId: string; from: string; to: string | null }>; pendingTransfer: { id: string } | null };
type Inbox = { items: Array<{ transferId: string; caseId: string; householdLabel: string }> };

beforeAll(async () => {
  t = await startTestApp();
  houkatsu = await t.signIn('houkatsu1');
  jiritsu = await t.signIn('jiritsu');
  kodomo = await t.signIn('kodomo');
  agencyOf = {};
  for (const [login, c] of [['houkatsu1', houkatsu], ['jiritsu', jiritsu], ['kodomo', kodomo]] as const) {
    agencyOf[login] = json<{ agencies: Array<{ id: string }> }>(await c.get('/api/v1/me')).agencies[0]!.id;
  }
});
afterAll(async () => {
  await t?.close();
});

describe('case and lead (主担当)', () => {
  let householdId: string;
  let sonId: string;
  let kase: CaseView;

  it('opens one case per household, led by the worker’s agency', async () => {
    sonId = json<{ id: string }>(await houkatsu.post('/api/v1/persons', { familyName: '主担', givenName: '息子', familyKana: 'しゅたん' })).id;
    householdId = json<{ id: string }>(await houkatsu.post('/api/v1/households', { label: '主担さん世帯', members: [{ personId: sonId }] })).id;
    const res = await houkatsu.post('/api/v1/cases', { householdId, note: '8050の疑い' });
    expect(res.statusCode, res.body).toBe(201);
    kase = json<CaseView>(res);
    expect(kase.leadAgencyId).toBe(agencyOf.houkatsu1);
    expect(kase.leadHistory).toHaveLength(1);
    const again = await houkatsu.post('/api/v1/cases', { householdId });
    expect(again.statusCode).toBe(409);
    expect((await jiritsu.post('/api/v1/cases', { householdId })).statusCode).toBe(404);
    expect((await jiritsu.get(`/api/v1/cases/${kase.id}`)).statusCode).toBe(404);
  });

  it('transfers the lead only when the receiver accepts; others can neither see nor accept it', async () => {
    const asked = await houkatsu.post(`/api/v1/cases/${kase.id}/transfer`, { toAgencyId: agencyOf.jiritsu, reason: '就労と家計の支援が中心になるため', version: kase.version });
    expect(asked.statusCode, asked.body).toBe(200);
    kase = json<CaseView>(asked);
    expect(kase.leadAgencyId).toBe(agencyOf.houkatsu1);
    expect(kase.pendingTransfer).not.toBeNull();
    expect((await jiritsu.post(`/api/v1/cases/${kase.id}/transfer`, { toAgencyId: agencyOf.kodomo, reason: '横取り', version: kase.version })).statusCode).toBe(404);

    const inbox = json<Inbox>(await jiritsu.get('/api/v1/case-transfers/inbox'));
    expect(inbox.items.map((i) => i.caseId)).toEqual([kase.id]);
    expect(json<Inbox>(await kodomo.get('/api/v1/case-transfers/inbox')).items).toEqual([]);
    const transferId = inbox.items[0]!.transferId;
    expect((await kodomo.post(`/api/v1/case-transfers/${transferId}/accept`)).statusCode).toBe(404);
    // Before accepting, the receiver does not yet see the household's people.
    expect(json<{ items: unknown[] }>(await jiritsu.get(`/api/v1/persons?q=${encodeURIComponent('しゅたん')}`)).items).toEqual([]);

    const accepted = await jiritsu.post(`/api/v1/case-transfers/${transferId}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    kase = json<CaseView>(accepted);
    expect(kase.leadAgencyId).toBe(agencyOf.jiritsu);
    expect(kase.pendingTransfer).toBeNull();
    expect(kase.leadHistory.map((p) => p.agencyId)).toEqual([agencyOf.houkatsu1, agencyOf.jiritsu]);
    expect(kase.leadHistory[0]!.to).toBe(kase.leadHistory[1]!.from);
    expect(kase.leadHistory[1]!.to).toBeNull();

    // The new lead now sees the household and its people; the old lead no longer sees the case.
    expect(json<{ items: Array<{ id: string }> }>(await jiritsu.get(`/api/v1/persons?q=${encodeURIComponent('しゅたん')}`)).items.map((i) => i.id)).toEqual([sonId]);
    expect((await jiritsu.get(`/api/v1/households/${householdId}`)).statusCode).toBe(200);
    expect((await houkatsu.get(`/api/v1/cases/${kase.id}`)).statusCode).toBe(404);
    expect((await jiritsu.post(`/api/v1/case-transfers/${transferId}/accept`)).statusCode).toBe(404);
  });

  it('keeps the lead when the receiver declines, and lets the sender cancel', async () => {
    kase = json<CaseView>(await jiritsu.post(`/api/v1/cases/${kase.id}/transfer`, { toAgencyId: agencyOf.kodomo, reason: '子育て支援が必要', version: kase.version }));
    const transferId = json<Inbox>(await kodomo.get('/api/v1/case-transfers/inbox')).items[0]!.transferId;
    expect((await kodomo.post(`/api/v1/case-transfers/${transferId}/decline`, { reason: '対象外' })).statusCode).toBe(204);
    kase = json<CaseView>(await jiritsu.get(`/api/v1/cases/${kase.id}`));
    expect(kase.leadAgencyId).toBe(agencyOf.jiritsu);
    expect(kase.pendingTransfer).toBeNull();

    kase = json<CaseView>(await jiritsu.post(`/api/v1/cases/${kase.id}/transfer`, { toAgencyId: agencyOf.kodomo, reason: '再依頼', version: kase.version }));
    kase = json<CaseView>(await jiritsu.post(`/api/v1/cases/${kase.id}/transfer/cancel`, { version: kase.version }));
    expect(kase.pendingTransfer).toBeNull();
    expect(json<Inbox>(await kodomo.get('/api/v1/case-transfers/inbox')).items).toEqual([]);
  });

  it('closes with a reason and reopens, refusing stale versions', async () => {
    const noReason = await jiritsu.post(`/api/v1/cases/${kase.id}/close`, { reason: ' ', version: kase.version });
    expect(noReason.statusCode).toBe(400);
    const closed = json<CaseView & { closeReason: string }>(await jiritsu.post(`/api/v1/cases/${kase.id}/close`, { reason: '就労が安定したため', version: kase.version }));
    expect(closed.status).toBe('closed');
    expect((await jiritsu.post(`/api/v1/cases/${kase.id}/reopen`, { version: kase.version })).statusCode).toBe(409);
    // While closed, a new case may be opened for the household — then the old one cannot reopen.
    const fresh = await houkatsu.post('/api/v1/cases', { householdId });
    expect(fresh.statusCode).toBe(201);
    expect((await jiritsu.post(`/api/v1/cases/${kase.id}/reopen`, { version: closed.version })).statusCode).toBe(409);
    const freshCase = json<CaseView>(fresh);
    await houkatsu.post(`/api/v1/cases/${freshCase.id}/close`, { reason: '重複のため', version: freshCase.version });
    const reopened = json<CaseView>(await jiritsu.post(`/api/v1/cases/${kase.id}/reopen`, { version: closed.version }));
    expect(reopened.status).toBe('open');
    expect(reopened.leadAgencyId).toBe(agencyOf.jiritsu);
  });

  it('never leaves an open case without exactly one current lead period matching its lead', async () => {
    const cases = await t.database.db.selectFrom('support_case').selectAll().where('status', '=', 'open').execute();
    for (const c of cases) {
      const current = await t.database.db.selectFrom('case_lead_period').selectAll().where('case_id', '=', c.case_id).where('ended_at', 'is', null).execute();
      expect(current.map((p) => p.agency_id)).toEqual([c.lead_agency_id]);
    }
  });
});
