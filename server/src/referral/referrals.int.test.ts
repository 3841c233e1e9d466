import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, json, startTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let houkatsu: Client;
let jiritsu: Client;
let kodomo: Client;
const agencyOf: Record<string, string> = {};

type View = { id: string; status: string; version: number; side: string; allowedActions: string[]; caseId: string | null; consentId: string | null; consentOverride: unknown; overdue: boolean; dueBy: string | null; attachments: Array<{ kind: string; id: string }>; history: Array<{ to: string }>; needMet: boolean | null; rejectReason: string | null };
type List = { items: Array<{ id: string; status: string; overdue: boolean; workingDaysWaiting: number | null }> };
const ids = (res: { body: string }) => (JSON.parse(res.body) as { items: Array<{ id: string }> }).items.map((i) => i.id);

let motherId: string;
let sonId: string;
let householdId: string;
let consultationId: string;
let consultationVersion: number;
let caseId: string;

beforeAll(async () => {
  t = await startTestApp();
  houkatsu = await t.signIn('houkatsu1');
  jiritsu = await t.signIn('jiritsu');
  kodomo = await t.signIn('kodomo');
  for (const [login, c] of [['houkatsu1', houkatsu], ['jiritsu', jiritsu], ['kodomo', kodomo]] as const) {
    agencyOf[login] = json<{ agencies: Array<{ id: string }> }>(await c.get('/api/v1/me')).agencies[0]!.id;
  }
  motherId = json<{ id: string }>(await houkatsu.post('/api/v1/persons', { familyName: '繋木', givenName: '母', familyKana: 'つなぎき' })).id;
  sonId = json<{ id: string }>(await houkatsu.post('/api/v1/persons', { familyName: '繋木', givenName: '息子', familyKana: 'つなぎき' })).id;
  householdId = json<{ id: string }>(await houkatsu.post('/api/v1/households', { label: '繋木さん世帯', members: [{ personId: motherId }, { personId: sonId }] })).id;
  const c = json<{ id: string; version: number }>(
    await houkatsu.post('/api/v1/consultations', { route: 'visit', visitor: { kind: 'other', relationship: '母' }, personId: sonId, categories: ['job_search', 'withdrawal'], primaryCategory: 'withdrawal', summary: '息子が10年ひきこもり', consentStatus: 'given' }),
  );
  consultationId = c.id;
  consultationVersion = c.version;
  caseId = json<{ id: string }>(await houkatsu.post('/api/v1/cases', { householdId })).id;
});
afterAll(async () => {
  await t?.close();
});

const referBody = (extra: Record<string, unknown> = {}) => ({
  toAgencyId: agencyOf.jiritsu,
  personId: sonId,
  consultationId,
  reason: '就労に向けた支援をお願いしたい',
  urgency: 'normal',
  basis: 'consent',
  attachments: [{ kind: 'consultation', id: consultationId }],
  send: false,
  ...extra,
});

describe('つなぐ (closed-loop referral)', () => {
  let ref: View;

  it('a draft is the sender’s alone; the receiver and outsiders cannot see it', async () => {
    const res = await houkatsu.post('/api/v1/referrals', referBody());
    expect(res.statusCode, res.body).toBe(201);
    ref = json<View>(res);
    expect(ref).toMatchObject({ status: 'draft', side: 'sender', caseId, allowedActions: ['edit', 'send', 'cancel'] });
    expect((await jiritsu.get(`/api/v1/referrals/${ref.id}`)).statusCode).toBe(404);
    expect(ids(await jiritsu.get('/api/v1/referrals?box=inbox'))).not.toContain(ref.id);
    expect((await kodomo.get(`/api/v1/referrals/${ref.id}`)).statusCode).toBe(404);
  });

  it('sending needs the consent in force; the receiver then sees the person, the attached record and the case — nobody else does', async () => {
    expect((await jiritsu.get(`/api/v1/persons/${sonId}`)).statusCode).toBe(404);
    const sent = await houkatsu.post(`/api/v1/referrals/${ref.id}/send`, { version: ref.version });
    expect(sent.statusCode, sent.body).toBe(200);
    ref = json<View>(sent);
    expect(ref.status).toBe('requested');
    expect(ref.consentId).not.toBeNull();
    expect(ref.dueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const inbox = json<List>(await jiritsu.get('/api/v1/referrals?box=inbox'));
    expect(inbox.items.map((i) => i.id)).toContain(ref.id);
    const seen = json<View>(await jiritsu.get(`/api/v1/referrals/${ref.id}`));
    expect(seen).toMatchObject({ side: 'receiver', allowedActions: ['accept', 'reject'] });
    expect((await jiritsu.get(`/api/v1/persons/${sonId}`)).statusCode).toBe(200);
    expect((await jiritsu.get(`/api/v1/consultations/${consultationId}`)).statusCode).toBe(200);
    expect((await jiritsu.get(`/api/v1/cases/${caseId}`)).statusCode).toBe(200);
    // Only the referred person: the mother stays invisible, also in search.
    expect((await jiritsu.get(`/api/v1/persons/${motherId}`)).statusCode).toBe(404);
    expect(ids(await jiritsu.get(`/api/v1/persons?q=${encodeURIComponent('つなぎき')}`))).toEqual([sonId]);
    // An unrelated agency sees nothing at all.
    expect((await kodomo.get(`/api/v1/referrals/${ref.id}`)).statusCode).toBe(404);
    expect((await kodomo.get(`/api/v1/persons/${sonId}`)).statusCode).toBe(404);
    expect(ids(await kodomo.get(`/api/v1/persons?q=${encodeURIComponent('つなぎき')}`))).toEqual([]);
    expect(ids(await kodomo.get('/api/v1/referrals?box=inbox&status=all'))).not.toContain(ref.id);
  });

  it('each side may take only its own steps, and a stale version is a conflict', async () => {
    expect((await jiritsu.post(`/api/v1/referrals/${ref.id}/cancel`, { version: ref.version, note: '横から' })).statusCode).toBe(403);
    expect((await houkatsu.post(`/api/v1/referrals/${ref.id}/accept`, { version: ref.version })).statusCode).toBe(403);
    expect((await kodomo.post(`/api/v1/referrals/${ref.id}/accept`, { version: ref.version })).statusCode).toBe(404);
    expect((await jiritsu.post(`/api/v1/referrals/${ref.id}/accept`, { version: ref.version - 1 })).statusCode).toBe(409);
    const visit = { occurredOn: new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10), kind: 'visit', subject: '自宅訪問', body: '本人と面会できた', personId: sonId };
    // Before accepting, the receiver cannot write on the case.
    expect((await jiritsu.post(`/api/v1/cases/${caseId}/progress-notes`, visit)).statusCode).toBe(404);
    const accepted = await jiritsu.post(`/api/v1/referrals/${ref.id}/accept`, { version: ref.version, note: '担当: 自立' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    ref = json<View>(accepted);
    expect(ref.status).toBe('accepted');
    expect((await jiritsu.post(`/api/v1/referrals/${ref.id}/accept`, { version: ref.version })).statusCode).toBe(409);
    ref = json<View>(await jiritsu.post(`/api/v1/referrals/${ref.id}/progress`, { version: ref.version, to: 'in_progress' }));
    expect(ref.status).toBe('in_progress');
    // Once accepted, the receiver records a visit under the referral; the lead sees it, outsiders do not.
    const note = await jiritsu.post(`/api/v1/cases/${caseId}/progress-notes`, visit);
    expect(note.statusCode, note.body).toBe(201);
    const noteId = json<{ id: string }>(note).id;
    const row = await t.database.db.selectFrom('progress_note').select(['referral_id', 'author_agency_id']).where('progress_note_id', '=', noteId).executeTakeFirstOrThrow();
    expect(row).toEqual({ referral_id: ref.id, author_agency_id: agencyOf.jiritsu });
    const leadSees = json<{ items: Array<{ id: string; authorAgencyName: string }> }>(await houkatsu.get(`/api/v1/cases/${caseId}/progress-notes`));
    expect(leadSees.items.map((i) => i.id)).toContain(noteId);
    expect((await kodomo.get(`/api/v1/cases/${caseId}/progress-notes`)).statusCode).toBe(404);
    const leadNote = json<{ id: string }>(await houkatsu.post(`/api/v1/cases/${caseId}/progress-notes`, { ...visit, subject: '母と面談', body: '介護の相談', personId: motherId }));
    // The receiver lists the case's notes but sees only its own (nothing of the lead's note on the mother).
    const receiverSees = json<{ items: Array<{ id: string }> }>(await jiritsu.get(`/api/v1/cases/${caseId}/progress-notes`)).items.map((i) => i.id);
    expect(receiverSees).toEqual([noteId]);
    expect(receiverSees).not.toContain(leadNote.id);
    // ケースの経過: the lead sees both agencies' notes and the referral steps; the receiver only its own part.
    type Timeline = { items: Array<{ id: string; kind: string; title: string; detail: string | null }> };
    const leadTimeline = json<Timeline>(await houkatsu.get(`/api/v1/cases/${caseId}/timeline`));
    expect(leadTimeline.items.filter((i) => i.kind === 'progress_note').map((i) => i.id).sort()).toEqual([`note:${leadNote.id}`, `note:${noteId}`].sort());
    expect(leadTimeline.items.filter((i) => i.kind === 'referral').length).toBe(3);
    expect(leadTimeline.items.map((i) => i.kind)).toEqual(expect.arrayContaining(['case_opened', 'consultation']));
    const receiverTimeline = json<Timeline>(await jiritsu.get(`/api/v1/cases/${caseId}/timeline`));
    expect(receiverTimeline.items.filter((i) => i.kind === 'progress_note').map((i) => i.id)).toEqual([`note:${noteId}`]);
    expect(receiverTimeline.items.some((i) => i.kind === 'consultation')).toBe(false);
    expect((await kodomo.get(`/api/v1/cases/${caseId}/timeline`)).statusCode).toBe(404);
    const noAnswer = await jiritsu.post(`/api/v1/referrals/${ref.id}/progress`, { version: ref.version, to: 'completed', note: '就労体験につながった' });
    expect(noAnswer.statusCode).toBe(400);
    const outbox = json<List>(await houkatsu.get('/api/v1/referrals?box=outbox'));
    expect(outbox.items.find((i) => i.id === ref.id)?.status).toBe('in_progress');
  });

  it('withdrawing the consent ends what the referral shares, but not the referral record', async () => {
    const withdrawn = await houkatsu.post(`/api/v1/consultations/${consultationId}/consent`, { status: 'withdrawn', version: consultationVersion });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await jiritsu.get(`/api/v1/persons/${sonId}`)).statusCode).toBe(404);
    expect((await jiritsu.get(`/api/v1/consultations/${consultationId}`)).statusCode).toBe(404);
    expect(ids(await jiritsu.get(`/api/v1/persons?q=${encodeURIComponent('つなぎき')}`))).toEqual([]);
    expect((await jiritsu.get(`/api/v1/referrals/${ref.id}`)).statusCode).toBe(200);
    // Consent again: sharing resumes.
    const again = json<{ version: number }>(withdrawn);
    expect((await houkatsu.post(`/api/v1/consultations/${consultationId}/consent`, { status: 'given', version: again.version })).statusCode).toBe(200);
    expect((await jiritsu.get(`/api/v1/persons/${sonId}`)).statusCode).toBe(200);
  });

  it('closes the loop: completed with whether the need was met, in the history', async () => {
    const done = await jiritsu.post(`/api/v1/referrals/${ref.id}/progress`, { version: ref.version, to: 'completed', note: '就労体験につながった', needMet: true });
    expect(done.statusCode, done.body).toBe(200);
    ref = json<View>(done);
    expect(ref).toMatchObject({ status: 'completed', needMet: true, allowedActions: [] });
    expect(ref.history.map((h) => h.to)).toEqual(['draft', 'requested', 'accepted', 'in_progress', 'completed']);
    // The loop is closed: the receiver no longer sees the person.
    expect((await jiritsu.get(`/api/v1/persons/${sonId}`)).statusCode).toBe(404);
    const events = await t.database.db.selectFrom('audit_event').select('action').where('target_id', '=', ref.id).execute();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['referral.create', 'referral.send', 'referral.accept', 'referral.start', 'referral.complete', 'referral.read']));
  });
});

describe('consent gating, legal basis and rejection', () => {
  let strangerId: string;
  beforeAll(async () => {
    strangerId = json<{ id: string }>(await houkatsu.post('/api/v1/persons', { familyName: '同意', givenName: 'なし', familyKana: 'どうい' })).id;
  });

  it('refuses to send on consent without one, unless a reason is given (recorded and audited)', async () => {
    const body = { ...referBody({ personId: strangerId, consultationId: null, attachments: [], send: true }) };
    const refused = await houkatsu.post('/api/v1/referrals', body);
    expect(refused.statusCode).toBe(422);
    expect(JSON.parse(refused.body).error.code).toBe('consent_required');
    expect(await t.database.db.selectFrom('referral').select('referral_id').where('person_id', '=', strangerId).execute()).toEqual([]);
    const overridden = await houkatsu.post('/api/v1/referrals', { ...body, consentOverrideReason: '生命の危険があり緊急に支援が必要' });
    expect(overridden.statusCode, overridden.body).toBe(201);
    const view = json<View>(overridden);
    expect(view.consentOverride).toMatchObject({ reason: '生命の危険があり緊急に支援が必要' });
    const audit = await t.database.db.selectFrom('audit_event').select(['action', 'basis']).where('target_id', '=', view.id).where('action', '=', 'referral.consent_override').execute();
    expect(audit).toHaveLength(1);
  });

  it('a legal basis must be named; the receiver rejects with a reason the sender sees', async () => {
    const missing = await houkatsu.post('/api/v1/referrals', referBody({ personId: strangerId, consultationId: null, attachments: [], basis: 'legal', send: true }));
    expect(missing.statusCode).toBe(400);
    const sent = json<View>(await houkatsu.post('/api/v1/referrals', referBody({ personId: strangerId, consultationId: null, attachments: [], basis: 'legal', legalBasis: 'support_meeting_106_6', send: true })));
    expect(sent.status).toBe('requested');
    const rejected = await jiritsu.post(`/api/v1/referrals/${sent.id}/reject`, { version: sent.version, reasonCode: 'no_capacity', note: '今月は受入枠がない' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const seen = json<View>(await houkatsu.get(`/api/v1/referrals/${sent.id}`));
    expect(seen).toMatchObject({ status: 'rejected', rejectReason: 'no_capacity', allowedActions: [] });
  });

  it('attachments must be the sender’s own records about the subject', async () => {
    const other = json<{ id: string }>(await kodomo.post('/api/v1/consultations', { route: 'phone', visitor: { kind: 'self' }, summary: '子育ての相談' }));
    const res = await houkatsu.post('/api/v1/referrals', referBody({ personId: strangerId, consultationId: null, attachments: [{ kind: 'consultation', id: other.id }] }));
    expect(res.statusCode).toBe(404);
    const notAbout = await houkatsu.post('/api/v1/referrals', referBody({ personId: strangerId, consultationId: null }));
    expect(notAbout.statusCode).toBe(400);
  });

  it('flags a referral left unanswered past the configured working days', async () => {
    const sent = json<View>(await houkatsu.post('/api/v1/referrals', referBody({ personId: strangerId, consultationId: null, attachments: [], basis: 'legal', legalBasis: 'appi_69_2', send: true })));
    expect(sent.overdue).toBe(false);
    await t.database.db.updateTable('referral').set({ requested_at: new Date(Date.now() - 20 * 86_400_000) }).where('referral_id', '=', sent.id).execute();
    const item = json<List>(await jiritsu.get('/api/v1/referrals?box=inbox')).items.find((i) => i.id === sent.id)!;
    expect(item.overdue).toBe(true);
    expect(item.workingDaysWaiting).toBeGreaterThanOrEqual(10);
    const admin = await t.signIn('admin');
    const settings = json<{ version: number }>(await admin.get('/api/v1/admin/referral-settings'));
    expect((await houkatsu.put('/api/v1/admin/referral-settings', { alertWorkingDays: 30, noContactDays: 30, version: settings.version })).statusCode).toBe(403);
    expect((await admin.put('/api/v1/admin/referral-settings', { alertWorkingDays: 30, noContactDays: 30, version: settings.version })).statusCode).toBe(200);
    expect(json<List>(await jiritsu.get('/api/v1/referrals?box=inbox')).items.find((i) => i.id === sent.id)!.overdue).toBe(false);
  });
});

describe('誰も担当していない相談', () => {
  it('lists a consultation with no owner to its receiving agency only, and drops it once a case owns it', async () => {
    const lonely = json<{ id: string }>(await houkatsu.post('/api/v1/persons', { familyName: '孤立', givenName: '太郎', familyKana: 'こりつ' })).id;
    const c = json<{ id: string }>(await houkatsu.post('/api/v1/consultations', { route: 'phone', visitor: { kind: 'self' }, personId: lonely, summary: '誰にも相談できない' }));
    type Unowned = { items: Array<{ consultationId: string; reasons: string[] }>; byAgency: Array<{ count: number }> | null };
    const mine = json<Unowned>(await houkatsu.get('/api/v1/unowned'));
    expect(mine.items.find((i) => i.consultationId === c.id)?.reasons).toContain('no_owner');
    expect(mine.byAgency).toBeNull();
    expect(json<Unowned>(await kodomo.get('/api/v1/unowned')).items.map((i) => i.consultationId)).not.toContain(c.id);
    const coordinator = json<Unowned>(await (await t.signIn('coordinator')).get('/api/v1/unowned'));
    expect(coordinator.byAgency?.reduce((s, a) => s + a.count, 0)).toBeGreaterThan(0);
    const house = json<{ id: string }>(await houkatsu.post('/api/v1/households', { label: '孤立さん世帯', members: [{ personId: lonely }] }));
    await houkatsu.post('/api/v1/cases', { householdId: house.id });
    const after = json<Unowned>(await houkatsu.get('/api/v1/unowned')).items.find((i) => i.consultationId === c.id);
    expect(after?.reasons ?? []).not.toContain('no_owner');
    expect(after?.reasons).toContain('no_next_step');
  });
});
