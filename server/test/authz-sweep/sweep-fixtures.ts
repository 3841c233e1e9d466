/**
 * Records of デモ市 that the authorisation sweep aims at: created through the API by the owning
 * 相談支援員 (houkatsu1, 地域包括支援センター) with no consent to share, plus one consultation whose
 * consent was refused. Every text field carries a distinctive marker, so a response that leaks any of
 * them is caught by a plain substring check. Also gives デモ町 one user of every role it lacks, so the
 * "another municipality" dimension covers every role.
 */
import { expect } from 'vitest';
import { ROLES, type Role } from '../../src/platform/access/actor.js';
import { newId } from '../../src/platform/db/ids.js';
import { SECOND_MUNICIPALITY } from '../../src/seed/seed-second-municipality.js';
import { type Client, json, type TestApp } from '../test-app.js';
import type { MoreFixtures } from './sweep-fixtures-more.js';

/** Distinctive strings put into the fixtures; no refused response may contain any of them. */
export const MARKERS = ['掃引秘匿', 'スイープ', 'すいーぷ', 'SWEEPMARK'] as const;

/** The protected record kinds a path parameter can name, and the fixture id(s) of each. */
export interface Fixtures extends MoreFixtures {
  person: string;
  household: string;
  /** Two consultations: consent not given (unknown) and consent refused. */
  consultation: string[];
  case: string;
  progressNote: string;
  plan: string;
  referral: string;
  lead: string;
  need: string;
  teamMember: string;
  coordination: string;
  transfer: string;
}

export type BaseFixtures = Omit<Fixtures, keyof MoreFixtures | 'transfer'>;

async function created(res: Awaited<ReturnType<Client['post']>>, what: string): Promise<{ id: string; version: number }> {
  expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(300);
  return json<{ id: string; version: number }>(res);
}

const today = () => new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);

/** The sweep's records, all owned by houkatsu1's agency, none shared with anyone. */
export async function createFixtures(owner: Client): Promise<BaseFixtures> {
  const person = await created(
    await owner.post('/api/v1/persons', { familyName: '掃引秘匿', givenName: 'スイープ', familyKana: 'すいーぷ', givenKana: 'すいーぷ', birthDate: '1970-05-05', address: '掃引秘匿町SWEEPMARK 1-2-3', phones: ['090-0000-7777'], notes: 'SWEEPMARK 掃引秘匿の備考' }),
    'person',
  );
  const household = await created(await owner.post('/api/v1/households', { label: '掃引秘匿さん世帯SWEEPMARK', members: [{ personId: person.id }] }), 'household');
  const consultation = (consentStatus: string) =>
    owner.post('/api/v1/consultations', { route: 'visit', visitor: { kind: 'self' }, personId: person.id, categories: ['debt'], primaryCategory: 'debt', summary: '掃引秘匿の相談 SWEEPMARK', consentStatus });
  const unknownConsent = await created(await consultation('unknown'), 'consultation');
  const refusedConsent = await created(await consultation('refused'), 'consultation (consent refused)');
  const kase = await created(await owner.post('/api/v1/cases', { householdId: household.id }), 'case');
  const note = await created(
    await owner.post(`/api/v1/cases/${kase.id}/progress-notes`, { occurredOn: today(), kind: 'visit', subject: '掃引秘匿の訪問', body: 'SWEEPMARK 経過の本文', personId: person.id }),
    'progress note',
  );
  const me = json<{ agencies: Array<{ id: string }> }>(await owner.get('/api/v1/me'));
  const agencies = json<{ items: Array<{ id: string; name: string }> }>(await owner.get('/api/v1/agencies')).items;
  // Receivers no signed-in sweep actor belongs to (西部 and 南部 地域包括支援センター).
  const agencyNamed = (part: string) => agencies.find((a) => a.name.includes(part))!.id;
  const ownAgency = me.agencies[0]!.id;
  const plan = await created(
    await owner.post(`/api/v1/cases/${kase.id}/plans`, {
      content: {
        personWords: '掃引秘匿の言葉',
        wishes: 'SWEEPMARK の希望',
        longGoal: '掃引秘匿の長期目標',
        shortGoals: [{ text: 'スイープ短期目標' }],
        needs: 'SWEEPMARK',
        actions: [{ agencyId: ownAgency, ownerName: '掃引秘匿', description: 'SWEEPMARK 役割', dueOn: today() }],
        usesParticipation: false,
        usesOutreach: false,
        periodFrom: today(),
        periodTo: today(),
        nextReviewOn: today(),
        agreement: { agreedOn: today(), how: 'signature' },
      },
    }),
    'plan',
  );
  // A draft つなぐ to another agency: a draft shares nothing with its receiver.
  const receiver = agencyNamed('西部地域包括');
  const referral = await created(
    await owner.post('/api/v1/referrals', { toAgencyId: receiver, personId: person.id, consultationId: unknownConsent.id, reason: '掃引秘匿の依頼 SWEEPMARK', urgency: 'normal', basis: 'legal', legalBasis: 'support_meeting_106_6', attachments: [], send: false }),
    'referral',
  );
  const lead = await created(await owner.post('/api/v1/outreach/leads', { source: 'agency', personDescription: '掃引秘匿の方 SWEEPMARK', concern: 'スイープの心配ごと', personId: person.id }), 'outreach lead');
  const need = await created(await owner.post('/api/v1/participation/needs', { personId: person.id, caseId: kase.id, wishCodes: ['volunteer'], personWords: '掃引秘匿の希望 SWEEPMARK' }), 'participation need');
  // A named community resource on the 支援チーム (not an agency, so it grants no one access).
  const teamMember = await created(await owner.post(`/api/v1/cases/${kase.id}/team`, { resourceName: '掃引秘匿食堂SWEEPMARK', role: 'スイープ見守り', contactPerson: '掃引秘匿' }), 'team member');
  const coordination = await created(await owner.post(`/api/v1/cases/${kase.id}/coordination`, { reason: '掃引秘匿の調整 SWEEPMARK' }), 'coordination');
  const caseNow = json<{ version: number }>(await owner.get(`/api/v1/cases/${kase.id}`));
  const transferTo = agencyNamed('南部地域包括');
  await created(await owner.post(`/api/v1/cases/${kase.id}/transfer`, { version: caseNow.version, toAgencyId: transferTo, reason: '掃引秘匿の引継ぎ SWEEPMARK' }), 'lead transfer');
  return {
    person: person.id,
    household: household.id,
    consultation: [unknownConsent.id, refusedConsent.id],
    case: kase.id,
    progressNote: note.id,
    plan: plan.id,
    referral: referral.id,
    lead: lead.id,
    need: need.id,
    teamMember: teamMember.id,
    coordination: coordination.id,
  };
}

/** The pending lead transfer of the fixture case (its id is not in the case response). */
export async function transferIdOf(t: TestApp, caseId: string): Promise<string> {
  const row = await t.database.db.selectFrom('case_lead_transfer').select('transfer_id').where('case_id', '=', caseId).executeTakeFirstOrThrow();
  return row.transfer_id;
}

/**
 * デモ町 ships an administrator, a 相談支援員 and a 多機関協働事業者; the sweep adds one user of every
 * other role (sign-in `town-sweep-<role>`, demo password), attached to the town office.
 */
export async function addTownUsers(t: TestApp): Promise<string[]> {
  const db = t.database.db;
  const town = await db.selectFrom('municipality').select('municipality_id').where('code', '=', SECOND_MUNICIPALITY.code).executeTakeFirstOrThrow();
  const mid = town.municipality_id;
  const existing = await db.selectFrom('app_user').select(['login_name', 'roles', 'user_id']).where('municipality_id', '=', mid).where('is_demo', '=', true).execute();
  const covered = new Set(existing.flatMap((u) => u.roles));
  const hash = await db.selectFrom('app_user').select('password_hash').where('login_name', '=', 'town-admin').executeTakeFirstOrThrow();
  const office = await db.selectFrom('user_agency').select('agency_id').where('user_id', '=', existing.find((u) => u.login_name === 'town-admin')!.user_id).executeTakeFirstOrThrow();
  const added: string[] = [];
  for (const role of ROLES.filter((r: Role) => !covered.has(r))) {
    const userId = newId();
    const login = `town-sweep-${role}`;
    await db.insertInto('app_user').values({ municipality_id: mid, user_id: userId, login_name: login, display_name: `掃引 ${role}`, password_hash: hash.password_hash, roles: [role], is_demo: true }).execute();
    await db.insertInto('user_agency').values({ municipality_id: mid, user_id: userId, agency_id: office.agency_id }).execute();
    added.push(login);
  }
  return [...existing.map((u) => u.login_name), ...added];
}
