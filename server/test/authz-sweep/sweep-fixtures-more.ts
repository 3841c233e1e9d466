/**
 * The sweep's meeting and 参加支援 placement records. The meeting (支援会議, convened by the
 * municipal office, houkatsu1's agency its only member) has a case of its own on the agenda, so the
 * convener's access through the meeting does not reach the main fixtures; an 情報提供の依頼 on that
 * item is addressed to houkatsu1's agency. The placement and its 定着支援 follow-up hang off the
 * main fixture's participation need.
 */
import { expect } from 'vitest';
import { insertArea, insertServices } from '../../src/participation/participation.fixtures.js';
import { type Client, json, type TestApp } from '../test-app.js';

/** Markers of the meeting's own case (its convener may read that case, never the main fixtures). */
export const MEETING_MARKERS = ['会議秘匿', 'MEETMARK'] as const;

export interface MoreFixtures {
  meeting: string;
  agendaItem: string;
  infoRequest: string;
  placement: string;
  followup: string;
}

/** A directory service (not personal data, so no marker in its name). */
const SERVICE = '掃査テスト就労体験';

const today = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

function ok(res: { statusCode: number; body: string }, what: string) {
  expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(300);
  return json<{ id: string }>(res as never);
}

export async function createMoreFixtures(t: TestApp, owner: Client, admin: Client, needId: string): Promise<MoreFixtures> {
  const db = t.database.db;
  const mid = t.municipalityId;
  const ownAgency = json<{ agencies: Array<{ id: string }> }>(await owner.get('/api/v1/me')).agencies[0]!.id;
  const person = ok(await owner.post('/api/v1/persons', { familyName: '会議秘匿', givenName: '一郎', familyKana: 'かいぎ' }), 'meeting person');
  const household = ok(await owner.post('/api/v1/households', { label: '会議秘匿さん世帯MEETMARK', members: [{ personId: person.id }] }), 'meeting household');
  const kase = ok(await owner.post('/api/v1/cases', { householdId: household.id }), 'meeting case');
  const types = json<{ items: Array<{ id: string; code: string }> }>(await admin.get('/api/v1/meeting-types')).items;
  const typeId = types.find((x) => x.code === 'shien_kaigi')!.id;
  const meeting = ok(
    await admin.post('/api/v1/meetings', { meetingTypeId: typeId, title: '会議秘匿 支援会議 MEETMARK', scheduledAt: new Date(Date.now() + 86_400_000).toISOString(), place: '会議秘匿 会議室', memberAgencyIds: [ownAgency] }),
    'meeting',
  );
  ok(await owner.post(`/api/v1/meetings/${meeting.id}/agenda`, { caseId: kase.id, purpose: '会議秘匿の検討 MEETMARK' }), 'agenda item');
  const item = await db.selectFrom('meeting_agenda_item').select('agenda_item_id').where('municipality_id', '=', mid).where('meeting_id', '=', meeting.id).executeTakeFirstOrThrow();
  ok(await admin.post(`/api/v1/agenda-items/${item.agenda_item_id}/info-requests`, { toAgencyId: ownAgency, question: '会議秘匿の状況 MEETMARK' }), 'info request');
  const info = await db.selectFrom('meeting_info_request').select('info_request_id').where('municipality_id', '=', mid).where('agenda_item_id', '=', item.agenda_item_id).executeTakeFirstOrThrow();

  const area = await insertArea(db, mid, 'authz-sweep', '掃査テスト圏域');
  const services = await insertServices(db, mid, area, '掃査テスト法人', [{ name: SERVICE, codes: ['work_experience'], capacity: 3 }]);
  ok(await owner.post(`/api/v1/participation/needs/${needId}/placements`, { targetKind: 'service', targetId: services[SERVICE], startOn: today() }), 'placement');
  const placement = await db.selectFrom('participation_placement').select('placement_id').where('municipality_id', '=', mid).where('need_id', '=', needId).executeTakeFirstOrThrow();
  ok(await owner.post(`/api/v1/participation/placements/${placement.placement_id}/followups`, { label: '掃引秘匿の定着確認', dueOn: today() }), 'follow-up');
  const followup = await db
    .selectFrom('participation_followup')
    .select('followup_id')
    .where('municipality_id', '=', mid)
    .where('placement_id', '=', placement.placement_id)
    .where('label', '=', '掃引秘匿の定着確認')
    .executeTakeFirstOrThrow();
  return { meeting: meeting.id, agendaItem: item.agenda_item_id, infoRequest: info.info_request_id, placement: placement.placement_id, followup: followup.followup_id };
}
