import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../platform/db/ids.js';
import { type Client, json, startTestApp, type TestApp } from '../../../test/test-app.js';

let t: TestApp;
const c: Record<string, Client> = {};
const agencyOf: Record<string, string> = {};
const userOf: Record<string, string> = {};
const typeId: Record<string, string> = {};

type Meeting = {
  id: string;
  status: string;
  version: number;
  myRole: string;
  acknowledgedByMe: boolean;
  members: Array<{ agencyId: string }>;
  agendaItems: Array<{ id: string; caseId: string; basis: string; legalBasis: string | null; consentId: string | null; householdLabel: string | null; hiddenReason: string | null; version: number }>;
};
type Material = { householdLabel: string; accessBasis: string; members: Array<{ name: string; concerns: string[] }>; infoRequests: Array<{ id: string; answer: string | null }>; minutes: string | null };
type ErrorBody = { error: { code: string; message: string; details?: { fields?: Array<{ path: string; message: string }> } } };

async function household(client: Client, family: string, kana: string, consent: 'given' | 'refused' | 'unknown') {
  const person = json<{ id: string }>(await client.post('/api/v1/persons', { familyName: family, givenName: '一郎', familyKana: kana, concerns: { categories: ['withdrawal'], tags: ['8050'] } })).id;
  const householdId = json<{ id: string }>(await client.post('/api/v1/households', { label: `${family}さん世帯`, members: [{ personId: person }] })).id;
  const consultation = json<{ id: string; version: number }>(
    await client.post('/api/v1/consultations', { route: 'visit', visitor: { kind: 'self' }, personId: person, categories: ['withdrawal'], summary: 'ひきこもりの相談', consentStatus: consent }),
  );
  const caseId = json<{ id: string }>(await client.post('/api/v1/cases', { householdId })).id;
  return { person, householdId, caseId, consultation };
}

async function audits(action: string, targetId: string) {
  return t.database.db.selectFrom('audit_event').select(['outcome', 'basis', 'actor_login', 'purpose']).where('action', '=', action).where('target_id', '=', targetId).orderBy('occurred_at').execute();
}

beforeAll(async () => {
  t = await startTestApp();
  for (const login of ['admin', 'coordinator', 'houkatsu1', 'jiritsu', 'soudan1', 'kodomo', 'auditor']) {
    c[login] = await t.signIn(login);
    const me = json<{ user: { id: string }; agencies: Array<{ id: string }> }>(await c[login]!.get('/api/v1/me'));
    agencyOf[login] = me.agencies[0]!.id;
    userOf[login] = me.user.id;
  }
  const types = json<{ items: Array<{ id: string; code: string }> }>(await c.houkatsu1!.get('/api/v1/meeting-types'));
  for (const ty of types.items) typeId[ty.code] = ty.id;
});
afterAll(async () => {
  await t?.close();
});

describe('meeting types as configuration', () => {
  it('ships 支援会議, 重層的支援会議 and a generic type; staff read them, only the 市町村管理者 changes them', async () => {
    const types = json<{ items: Array<{ code: string; legalBasis: string; consentRequired: boolean; closedToPublic: boolean; memberAgencyIds: string[] }> }>(await c.jiritsu!.get('/api/v1/meeting-types'));
    const byCode = Object.fromEntries(types.items.map((ty) => [ty.code, ty]));
    expect(byCode.shien_kaigi).toMatchObject({ legalBasis: '社会福祉法第106条の6', consentRequired: false, closedToPublic: true });
    expect(byCode.shien_kaigi!.memberAgencyIds).toContain(agencyOf.kodomo);
    expect(byCode.jusou_shien_kaigi).toMatchObject({ consentRequired: true, closedToPublic: true });
    expect(byCode.generic).toMatchObject({ consentRequired: true });
    expect((await c.auditor!.get('/api/v1/meeting-types')).statusCode).toBe(403);

    const copy = { code: 'youhogo', name: '要保護児童対策地域協議会', legalBasis: '児童福祉法第25条の2' };
    expect((await c.houkatsu1!.post(`/api/v1/meeting-types/${typeId.generic}/copy`, copy)).statusCode).toBe(403);
    const made = await c.admin!.post(`/api/v1/meeting-types/${typeId.generic}/copy`, copy);
    expect(made.statusCode, made.body).toBe(201);
    expect(json(made)).toMatchObject({ ...copy, copiedFromCode: 'generic', consentRequired: true });
    expect((await c.admin!.post(`/api/v1/meeting-types/${typeId.generic}/copy`, copy)).statusCode).toBe(409);
  });
});

describe('支援会議（社会福祉法106条の6）on a household without consent', () => {
  let meeting: Meeting;
  let itemId: string;
  let hh: Awaited<ReturnType<typeof household>>;

  it('only the municipality or the coordinator convenes it', async () => {
    hh = await household(c.houkatsu1!, '秘守', 'ひしゅ', 'refused');
    const body = { meetingTypeId: typeId.shien_kaigi, title: '第3回 支援会議', scheduledAt: '2026-12-01T10:00:00+09:00', place: '市役所 会議室A', memberAgencyIds: [agencyOf.jiritsu, agencyOf.houkatsu1] };
    expect((await c.houkatsu1!.post('/api/v1/meetings', body)).statusCode).toBe(403);
    const res = await c.admin!.post('/api/v1/meetings', body);
    expect(res.statusCode, res.body).toBe(201);
    meeting = json<Meeting>(res);
    expect(meeting.myRole).toBe('convener');
    expect(meeting.members.map((m) => m.agencyId).sort()).toEqual([agencyOf.admin, agencyOf.jiritsu, agencyOf.houkatsu1].sort());
  });

  it('the lead puts the case on the agenda on the statutory basis; others may not', async () => {
    expect((await c.jiritsu!.post(`/api/v1/meetings/${meeting.id}/agenda`, { caseId: hh.caseId })).statusCode).toBe(404);
    const res = await c.houkatsu1!.post(`/api/v1/meetings/${meeting.id}/agenda`, { caseId: hh.caseId });
    expect(res.statusCode, res.body).toBe(201);
    const item = json<Meeting>(res).agendaItems[0]!;
    expect(item).toMatchObject({ caseId: hh.caseId, basis: 'statutory', legalBasis: '社会福祉法第106条の6', consentId: null });
    itemId = item.id;
    expect((await audits('meeting.agenda_add', itemId))[0]).toMatchObject({ outcome: 'success', basis: expect.stringContaining('106条の6') });
    expect((await c.houkatsu1!.post(`/api/v1/meetings/${meeting.id}/agenda`, { caseId: hh.caseId })).statusCode).toBe(409);
  });

  it('a member of another agency sees nothing of the case before 守秘義務の確認', async () => {
    const seen = json<Meeting>(await c.jiritsu!.get(`/api/v1/meetings/${meeting.id}`));
    expect(seen).toMatchObject({ myRole: 'member', acknowledgedByMe: false });
    expect(seen.agendaItems[0]).toMatchObject({ householdLabel: null, hiddenReason: 'confidentiality_not_acknowledged' });
    expect((await c.jiritsu!.get(`/api/v1/agenda-items/${itemId}/material`)).statusCode).toBe(404);
    expect((await c.jiritsu!.get(`/api/v1/cases/${hh.caseId}`)).statusCode).toBe(404);
    expect(await audits('meeting.material_read', itemId)).toEqual([expect.objectContaining({ outcome: 'denied', basis: 'confidentiality_not_acknowledged', actor_login: 'jiritsu' })]);
  });

  it('after confirming, the member reads the material; each view is audited with 106条の6', async () => {
    expect((await c.jiritsu!.post(`/api/v1/meetings/${meeting.id}/acknowledge`, {})).statusCode).toBe(400);
    const ack = await c.jiritsu!.post(`/api/v1/meetings/${meeting.id}/acknowledge`, { confirmed: true });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(json<Meeting>(ack)).toMatchObject({ acknowledgedByMe: true });
    expect(json<Meeting>(ack).agendaItems[0]).toMatchObject({ householdLabel: '秘守さん世帯', hiddenReason: null });
    expect((await audits('meeting.confidentiality_acknowledged', meeting.id)).map((a) => a.actor_login)).toEqual(['jiritsu']);

    for (let i = 0; i < 2; i++) {
      const res = await c.jiritsu!.get(`/api/v1/agenda-items/${itemId}/material`);
      expect(res.statusCode, res.body).toBe(200);
      const material = json<Material>(res);
      expect(material.householdLabel).toBe('秘守さん世帯');
      expect(material.members[0]).toMatchObject({ name: '秘守 一郎', concerns: expect.arrayContaining(['ひきこもり・不登校', '8050']) });
      expect(material.accessBasis).toContain('106条の6');
    }
    const reads = (await audits('meeting.material_read', itemId)).filter((a) => a.outcome === 'success');
    expect(reads).toHaveLength(2);
    for (const r of reads) expect(r).toMatchObject({ basis: expect.stringContaining('106条の6'), purpose: expect.any(String) });
    // The meeting also lets the member read the case itself, for reading only.
    expect((await c.jiritsu!.get(`/api/v1/cases/${hh.caseId}`)).statusCode).toBe(200);
  });

  it('a non-member agency gets 404 on the meeting and its material, and does not see it listed', async () => {
    for (const login of ['kodomo', 'soudan1']) {
      expect((await c[login]!.get(`/api/v1/meetings/${meeting.id}`)).statusCode).toBe(404);
      expect((await c[login]!.get(`/api/v1/agenda-items/${itemId}/material`)).statusCode).toBe(404);
      expect((await c[login]!.post(`/api/v1/meetings/${meeting.id}/acknowledge`, { confirmed: true })).statusCode).toBe(404);
      const list = json<{ items: Array<{ id: string }> }>(await c[login]!.get('/api/v1/meetings?status=all'));
      expect(list.items.map((m) => m.id)).not.toContain(meeting.id);
    }
    expect((await c.auditor!.get(`/api/v1/meetings/${meeting.id}`)).statusCode).toBe(404);
    const listed = json<{ items: Array<{ id: string; title: string }> }>(await c.jiritsu!.get('/api/v1/meetings'));
    expect(listed.items.find((m) => m.id === meeting.id)).toEqual(expect.objectContaining({ title: '第3回 支援会議', agendaCount: 1 }));
    expect(JSON.stringify(listed)).not.toContain('秘守');
  });

  it('information requested from a member agency is answered by that agency only', async () => {
    const asked = await c.admin!.post(`/api/v1/agenda-items/${itemId}/info-requests`, { toAgencyId: agencyOf.jiritsu, question: '家計の状況を教えてください' });
    expect(asked.statusCode, asked.body).toBe(201);
    const requestId = json<{ items: Array<{ id: string }> }>(asked).items[0]!.id;
    expect((await c.kodomo!.post(`/api/v1/agenda-items/${itemId}/info-requests`, { toAgencyId: agencyOf.jiritsu, question: '?' })).statusCode).toBe(404);
    expect((await c.houkatsu1!.post(`/api/v1/info-requests/${requestId}/answer`, { answer: '横から' })).statusCode).toBe(403);
    expect((await c.kodomo!.post(`/api/v1/info-requests/${requestId}/answer`, { answer: '横から' })).statusCode).toBe(404);
    const answered = await c.jiritsu!.post(`/api/v1/info-requests/${requestId}/answer`, { answer: '滞納が3か月あります' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(json<{ items: Array<{ answer: string }> }>(answered).items[0]!.answer).toBe('滞納が3か月あります');
    expect((await c.jiritsu!.post(`/api/v1/info-requests/${requestId}/answer`, { answer: 'もう一度' })).statusCode).toBe(409);
  });

  it('the convener holds the meeting: attendance, minutes, decision, with versions', async () => {
    meeting = json<Meeting>(await c.admin!.get(`/api/v1/meetings/${meeting.id}`));
    expect((await c.jiritsu!.post(`/api/v1/meetings/${meeting.id}/open`, { version: meeting.version })).statusCode).toBe(403);
    const item = meeting.agendaItems[0]!;
    expect((await c.admin!.post(`/api/v1/agenda-items/${itemId}/minutes`, { minutes: '早い', version: item.version })).statusCode).toBe(409);
    meeting = json<Meeting>(await c.admin!.post(`/api/v1/meetings/${meeting.id}/open`, { version: meeting.version }));
    expect(meeting.status).toBe('open');
    expect((await c.admin!.post(`/api/v1/meetings/${meeting.id}/open`, { version: meeting.version })).statusCode).toBe(409);
    const att = await c.admin!.post(`/api/v1/meetings/${meeting.id}/attendance`, { version: meeting.version, attendance: [{ agencyId: agencyOf.jiritsu, attended: true }, { agencyId: agencyOf.houkatsu1, attended: false }] });
    expect(att.statusCode, att.body).toBe(200);
    meeting = json<Meeting>(att);
    expect((await c.admin!.post(`/api/v1/meetings/${meeting.id}/attendance`, { version: meeting.version, attendance: [{ agencyId: agencyOf.kodomo, attended: true }] })).statusCode).toBe(400);
    const minutes = await c.admin!.post(`/api/v1/agenda-items/${itemId}/minutes`, { minutes: '見守りを強化する', version: item.version });
    expect(minutes.statusCode, minutes.body).toBe(200);
    const v = json<{ version: number }>(minutes).version;
    expect((await c.admin!.post(`/api/v1/agenda-items/${itemId}/decision`, { decision: 'resource_gap', note: '夜間の見守り先がない', version: item.version })).statusCode).toBe(409);
    expect((await c.admin!.post(`/api/v1/agenda-items/${itemId}/decision`, { decision: 'plan_approved', planId: newId(), planVersion: 1, version: v })).statusCode).toBe(400);
    expect((await c.jiritsu!.post(`/api/v1/agenda-items/${itemId}/decision`, { decision: 'resource_gap', version: v })).statusCode).toBe(403);
    const decided = await c.admin!.post(`/api/v1/agenda-items/${itemId}/decision`, { decision: 'resource_gap', note: '夜間の見守り先がない', version: v });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(json<Material>(await c.jiritsu!.get(`/api/v1/agenda-items/${itemId}/material`)).minutes).toBe('見守りを強化する');
  });

  it('after the meeting closes, the member’s access ends — unless its agency is on the 支援チーム', async () => {
    meeting = json<Meeting>(await c.admin!.post(`/api/v1/meetings/${meeting.id}/close`, { version: meeting.version }));
    expect(meeting.status).toBe('closed');
    expect((await c.jiritsu!.get(`/api/v1/cases/${hh.caseId}`)).statusCode).toBe(404);
    expect((await c.jiritsu!.get(`/api/v1/agenda-items/${itemId}/material`)).statusCode).toBe(404);
    expect(json<Meeting>(await c.jiritsu!.get(`/api/v1/meetings/${meeting.id}`)).agendaItems[0]).toMatchObject({ householdLabel: null, hiddenReason: 'meeting_closed' });
    expect((await audits('meeting.material_read', itemId)).at(-1)).toMatchObject({ outcome: 'denied', basis: 'meeting_closed' });
    // The convener keeps its own record of the meeting.
    expect((await c.admin!.get(`/api/v1/agenda-items/${itemId}/material`)).statusCode).toBe(200);
    expect((await audits('meeting.material_read', itemId)).at(-1)).toMatchObject({ outcome: 'success', basis: expect.stringContaining('106条の6') });

    await t.database.db
      .insertInto('support_team_member')
      .values({ municipality_id: t.municipalityId, team_member_id: newId(), case_id: hh.caseId, member_kind: 'agency', agency_id: agencyOf.jiritsu, role: '家計改善支援', joined_on: '2026-12-01', added_by_user_id: userOf.houkatsu1! })
      .execute();
    expect((await c.jiritsu!.get(`/api/v1/cases/${hh.caseId}`)).statusCode).toBe(200);
    expect((await c.kodomo!.get(`/api/v1/cases/${hh.caseId}`)).statusCode).toBe(404);
    // The agenda picker lists the 支援チーム's cases as well as the lead's own.
    const ids = async (query: string) => json<{ items: Array<{ id: string }> }>(await c.jiritsu!.get(`/api/v1/cases?status=open&limit=200${query}`)).items.map((i) => i.id);
    expect(await ids('&involvement=team')).toContain(hh.caseId);
    expect(await ids('')).not.toContain(hh.caseId);
  });
});

describe('重層的支援会議: only cases with consent covering every member agency', () => {
  let meeting: Meeting;

  it('is convened by the 多機関協働事業者', async () => {
    const body = { meetingTypeId: typeId.jusou_shien_kaigi, title: '重層的支援会議 12月', scheduledAt: '2026-12-10T14:00:00+09:00', memberAgencyIds: [agencyOf.houkatsu1, agencyOf.jiritsu] };
    expect((await c.admin!.post('/api/v1/meetings', body)).statusCode).toBe(403);
    const res = await c.coordinator!.post('/api/v1/meetings', body);
    expect(res.statusCode, res.body).toBe(201);
    meeting = json<Meeting>(res);
  });

  it('refuses a case without consent, explaining why, and records the refusal', async () => {
    const hh = await household(c.houkatsu1!, '無同', 'むどう', 'unknown');
    const res = await c.houkatsu1!.post(`/api/v1/meetings/${meeting.id}/agenda`, { caseId: hh.caseId });
    expect(res.statusCode).toBe(422);
    const err = json<ErrorBody>(res).error;
    expect(err.code).toBe('consent_required');
    expect(err.details?.fields?.[0]).toEqual({
      path: 'caseId',
      message: '本人同意がない（または同意の範囲に会議の参加機関が含まれない）ため、重層的支援会議の議題にできません。支援会議（社会福祉法第106条の6）で扱うか、同意を記録してください。',
    });
    expect(await audits('meeting.agenda_add', meeting.id)).toEqual([expect.objectContaining({ outcome: 'denied', basis: 'consent_missing' })]);
  });

  it('refuses a consent whose scope leaves out a member agency, accepts one covering all; plan approval stamps the plan', async () => {
    const hh = await household(c.houkatsu1!, '同意', 'どうい', 'unknown');
    const narrow = await c.houkatsu1!.post(`/api/v1/consultations/${hh.consultation.id}/consent`, { status: 'given', agencyScope: [agencyOf.houkatsu1, agencyOf.jiritsu], version: hh.consultation.version });
    expect(narrow.statusCode, narrow.body).toBe(200);
    expect((await c.houkatsu1!.post(`/api/v1/meetings/${meeting.id}/agenda`, { caseId: hh.caseId })).statusCode).toBe(422);

    const scope = [agencyOf.houkatsu1, agencyOf.jiritsu, agencyOf.coordinator];
    const wide = await c.houkatsu1!.post(`/api/v1/consultations/${hh.consultation.id}/consent`, { status: 'given', agencyScope: scope, version: json<{ version: number }>(narrow).version });
    expect(wide.statusCode, wide.body).toBe(200);
    const added = await c.houkatsu1!.post(`/api/v1/meetings/${meeting.id}/agenda`, { caseId: hh.caseId });
    expect(added.statusCode, added.body).toBe(201);
    const item = json<Meeting>(added).agendaItems[0]!;
    expect(item).toMatchObject({ basis: 'consent', consentId: expect.any(String), legalBasis: null });
    // Consent-based: the member reads the material without a confidentiality confirmation.
    const material = await c.jiritsu!.get(`/api/v1/agenda-items/${item.id}/material`);
    expect(material.statusCode, material.body).toBe(200);
    expect(json<Material>(material).accessBasis).toContain('重層的支援体制整備事業実施要綱');

    const planId = newId();
    const mid = t.municipalityId;
    await t.database.db.insertInto('support_plan').values({ municipality_id: mid, plan_id: planId, case_id: hh.caseId, created_by_user_id: userOf.houkatsu1!, created_at: new Date(), updated_at: new Date() }).execute();
    await t.database.db
      .insertInto('support_plan_version')
      .values({ municipality_id: mid, plan_id: planId, version_no: 1, content: JSON.stringify({ goals: [] }), created_by_user_id: userOf.houkatsu1!, created_by_agency_id: agencyOf.houkatsu1!, created_at: new Date() })
      .execute();
    meeting = json<Meeting>(await c.coordinator!.post(`/api/v1/meetings/${meeting.id}/open`, { version: meeting.version }));
    const decided = await c.coordinator!.post(`/api/v1/agenda-items/${item.id}/decision`, { decision: 'plan_approved', planId, planVersion: 1, version: item.version });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(json(decided)).toMatchObject({ decision: 'plan_approved', planId, planVersion: 1 });
    const version = await t.database.db.selectFrom('support_plan_version').select(['approved_meeting_id', 'approved_on']).where('plan_id', '=', planId).executeTakeFirstOrThrow();
    expect(version.approved_meeting_id).toBe(meeting.id);
    expect(version.approved_on).not.toBeNull();
    // The material names the case's 実施中の支援プラン, which the decision form proposes.
    expect(json<Material & { activePlan: unknown }>(await c.coordinator!.get(`/api/v1/agenda-items/${item.id}/material`)).activePlan).toEqual({ planId, currentVersion: 1 });

    // An approval is set once: a second meeting cannot overwrite it.
    const second = json<Meeting>(await c.coordinator!.post('/api/v1/meetings', { meetingTypeId: typeId.jusou_shien_kaigi, title: '重層的支援会議 1月', scheduledAt: '2027-01-14T14:00:00+09:00', memberAgencyIds: [agencyOf.houkatsu1, agencyOf.jiritsu] }));
    const secondItem = json<Meeting>(await c.houkatsu1!.post(`/api/v1/meetings/${second.id}/agenda`, { caseId: hh.caseId })).agendaItems[0]!;
    await c.coordinator!.post(`/api/v1/meetings/${second.id}/open`, { version: second.version });
    const again = await c.coordinator!.post(`/api/v1/agenda-items/${secondItem.id}/decision`, { decision: 'plan_approved', planId, planVersion: 1, version: secondItem.version });
    expect(again.statusCode).toBe(400);
    expect(json<ErrorBody>(again).error.details?.fields?.[0]?.message).toContain('すでに別の会議で承認されています');
    const unchanged = await t.database.db.selectFrom('support_plan_version').select('approved_meeting_id').where('plan_id', '=', planId).executeTakeFirstOrThrow();
    expect(unchanged.approved_meeting_id).toBe(meeting.id);

    // Withdrawn consent: the material is no longer shared.
    const latest = json<{ version: number }>(await c.houkatsu1!.get(`/api/v1/consultations/${hh.consultation.id}`));
    expect((await c.houkatsu1!.post(`/api/v1/consultations/${hh.consultation.id}/consent`, { status: 'withdrawn', version: latest.version })).statusCode).toBe(200);
    expect((await c.jiritsu!.get(`/api/v1/agenda-items/${item.id}/material`)).statusCode).toBe(404);
  });
});
