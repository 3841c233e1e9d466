import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let houkatsu: Client;
let jiritsu: Client;
let kodomo: Client;
let coordinator: Client;
const agencyOf: Record<string, string> = {};
type Member = { id: string; agencyId: string | null; name: string; role: string; version: number; until: string | null };
type Episode = { id: string; status: string; version: number; handoverLeadAgencyId: string | null };

let personId: string;
let caseId: string;

beforeAll(async () => {
  t = await startTestApp();
  houkatsu = await t.signIn('houkatsu1');
  jiritsu = await t.signIn('jiritsu');
  kodomo = await t.signIn('kodomo');
  coordinator = await t.signIn('coordinator');
  for (const [login, c] of [['houkatsu1', houkatsu], ['jiritsu', jiritsu], ['kodomo', kodomo], ['coordinator', coordinator]] as const) {
    agencyOf[login] = json<{ agencies: Array<{ id: string }> }>(await c.get('/api/v1/me')).agencies[0]!.id;
  }
  personId = json<{ id: string }>(await houkatsu.post('/api/v1/persons', { familyName: '協働', givenName: '花子', familyKana: 'きょうどう' })).id;
  const householdId = json<{ id: string }>(await houkatsu.post('/api/v1/households', { label: '協働さん世帯', members: [{ personId }] })).id;
  caseId = json<{ id: string }>(await houkatsu.post('/api/v1/cases', { householdId })).id;
});
afterAll(async () => {
  await t?.close();
});

const found = async (c: Client) => json<{ items: Array<{ id: string }> }>(await c.get(`/api/v1/persons?q=${encodeURIComponent('きょうどう')}`)).items.map((i) => i.id);
const today = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

describe('支援チーム', () => {
  let kodomoMember: Member;

  it('the lead adds an agency with role and contact person; the team member then works on the case', async () => {
    expect((await kodomo.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    expect(await found(kodomo)).toEqual([]);
    const res = await houkatsu.post(`/api/v1/cases/${caseId}/team`, { agencyId: agencyOf.kodomo, role: '子育て支援', contactPerson: '子安', contactPhone: '0120-000-000' });
    expect(res.statusCode, res.body).toBe(201);
    kodomoMember = json<Member>(res);
    expect(kodomoMember).toMatchObject({ agencyId: agencyOf.kodomo, role: '子育て支援' });
    expect((await kodomo.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    expect(await found(kodomo)).toEqual([personId]);
    const note = await kodomo.post(`/api/v1/cases/${caseId}/progress-notes`, { occurredOn: today(), kind: 'visit', subject: '家庭訪問', body: '子どもの様子を確認' });
    expect(note.statusCode, note.body).toBe(201);
    expect(json<{ items: unknown[] }>(await houkatsu.get(`/api/v1/cases/${caseId}/progress-notes`)).items).toHaveLength(1);
    const again = await houkatsu.post(`/api/v1/cases/${caseId}/team`, { agencyId: agencyOf.kodomo, role: '重複' });
    expect(again.statusCode).toBe(409);
    const resource = await houkatsu.post(`/api/v1/cases/${caseId}/team`, { resourceName: '子ども食堂ひまわり', role: '居場所・食事' });
    expect(resource.statusCode, resource.body).toBe(201);
  });

  it('a team member cannot reshape the team, and an outsider cannot even see it', async () => {
    expect((await kodomo.post(`/api/v1/cases/${caseId}/team`, { agencyId: agencyOf.jiritsu, role: '家計' })).statusCode).toBe(403);
    expect((await jiritsu.get(`/api/v1/cases/${caseId}/team`)).statusCode).toBe(404);
    expect((await jiritsu.post(`/api/v1/cases/${caseId}/team`, { agencyId: agencyOf.jiritsu, role: '家計' })).statusCode).toBe(404);
    const team = json<{ members: Member[] }>(await kodomo.get(`/api/v1/cases/${caseId}/team`));
    expect(team.members.map((m) => m.name)).toEqual(expect.arrayContaining(['子ども食堂ひまわり']));
  });

  it('leaving the team ends the access; the history is kept', async () => {
    const left = await houkatsu.post(`/api/v1/team-members/${kodomoMember.id}/leave`, { version: kodomoMember.version });
    expect(left.statusCode, left.body).toBe(200);
    expect(json<Member>(left).until).not.toBeNull();
    expect((await kodomo.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    expect(await found(kodomo)).toEqual([]);
    expect((await houkatsu.post(`/api/v1/team-members/${kodomoMember.id}/leave`, { version: kodomoMember.version })).statusCode).toBe(409);
    const history = json<{ members: Member[] }>(await houkatsu.get(`/api/v1/cases/${caseId}/team?past=true`));
    expect(history.members.find((m) => m.id === kodomoMember.id)?.until).not.toBeNull();
  });
});

describe('多機関協働事業者の関与', () => {
  let episode: Episode;

  it('the lead asks; only the coordinator answers; one open request per case', async () => {
    expect((await kodomo.post(`/api/v1/cases/${caseId}/coordination`, { reason: '横から' })).statusCode).toBe(404);
    const res = await houkatsu.post(`/api/v1/cases/${caseId}/coordination`, { reason: '8050と家計の問題が重なり、複数機関の調整が必要' });
    expect(res.statusCode, res.body).toBe(201);
    episode = json<Episode>(res);
    expect(episode.status).toBe('requested');
    expect((await houkatsu.post(`/api/v1/cases/${caseId}/coordination`, { reason: '二重' })).statusCode).toBe(409);
    const inbox = json<{ items: Episode[] }>(await coordinator.get('/api/v1/coordination'));
    expect(inbox.items.map((i) => i.id)).toContain(episode.id);
    expect(json<{ items: Episode[] }>(await jiritsu.get('/api/v1/coordination')).items).toEqual([]);
    expect((await jiritsu.post(`/api/v1/coordination/${episode.id}/accept`, { version: episode.version })).statusCode).toBe(404);
    expect((await coordinator.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('関与開始 puts the coordinator on the team; it may then build the team', async () => {
    const res = await coordinator.post(`/api/v1/coordination/${episode.id}/accept`, { version: episode.version });
    expect(res.statusCode, res.body).toBe(200);
    episode = json<Episode>(res);
    expect(episode.status).toBe('active');
    expect((await coordinator.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    const added = await coordinator.post(`/api/v1/cases/${caseId}/team`, { agencyId: agencyOf.jiritsu, role: '家計改善・就労' });
    expect(added.statusCode, added.body).toBe(201);
    expect((await jiritsu.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
  });

  it('関与終結 names the next lead, who must accept; the coordinator leaves the team, the case stays open', async () => {
    const res = await coordinator.post(`/api/v1/coordination/${episode.id}/end`, { version: episode.version, summary: '役割分担が定まった', leadAgencyId: agencyOf.jiritsu });
    expect(res.statusCode, res.body).toBe(200);
    episode = json<Episode>(res);
    expect(episode).toMatchObject({ status: 'ended', handoverLeadAgencyId: agencyOf.jiritsu });
    expect((await coordinator.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(404);
    const kase = json<{ status: string; leadAgencyId: string; pendingTransfer: { id: string } | null }>(await houkatsu.get(`/api/v1/cases/${caseId}`));
    expect(kase).toMatchObject({ status: 'open', leadAgencyId: agencyOf.houkatsu1 });
    expect(kase.pendingTransfer).not.toBeNull();
    expect((await jiritsu.post(`/api/v1/case-transfers/${kase.pendingTransfer!.id}/accept`)).statusCode).toBe(200);
    expect(json<{ leadAgencyId: string }>(await jiritsu.get(`/api/v1/cases/${caseId}`)).leadAgencyId).toBe(agencyOf.jiritsu);
    const events = await t.database.db.selectFrom('audit_event').select('action').where('target_id', '=', caseId).execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['coordination.request', 'coordination.start', 'coordination.end', 'case.team_added', 'case.team_left']));
  });
});
