import { randomBytes } from 'node:crypto';
import type { Role } from '../platform/access/actor.js';
import { ensureDefaultQuestionSet } from '../consultation/assessment/default-question-set.js';
import { seedAreas } from './seed-areas.js';
import { seedResources } from './seed-resources.js';
import { seedCommunity } from './seed-community.js';
import { seedOutreach } from './seed-outreach.js';
import { seedParticipation } from './seed-participation.js';
import { seedFunding } from './seed-funding.js';
import { seedTargets } from './seed-targets.js';
import { seedCollaboration } from './seed-collaboration.js';
import { ensureDefaultMeetingTypes } from '../collaboration/meeting/default-meeting-types.js';
import { recordAudit } from '../platform/audit/record-audit.js';
import { hashPassword } from '../platform/auth/password.js';
import type { Db } from '../platform/db/database.js';
import { AppError } from '../platform/http/errors.js';
import { DEMO_AGENCIES, DEMO_MUNICIPALITY, DEMO_USERS, GIVEN_NAMES, SURNAMES } from './demo-catalogue.js';
import { generateCasework } from './generate-casework.js';
import { generatePersons } from './generate-persons.js';
import { SeededRandom } from './random.js';

/** Persons known to デモ市's agencies (population 80,000). */
export const DEMO_PERSONS = 3_000;

export interface SeedOptions {
  seed: number;
  /** Demo password for every demo account; a random one is made when absent. */
  password?: string | undefined;
  production: boolean;
  /** Extra generated caseworkers per consultation agency. */
  staffPerAgency?: number;
  volunteers?: number;
  /** Persons on record (generated households); the demo default is a few thousand. */
  persons?: number;
}

export interface SeedResult {
  municipalityId: string;
  password: string;
  agencies: number;
  users: number;
  persons: number;
}

/** Fixed clock for generated ids, so the same seed gives the same ids. */
const SEED_EPOCH = Date.UTC(2026, 3, 1);
const CONSULTATION_KINDS = new Set(['chiiki_houkatsu', 'kikan_soudan', 'soudan_shien', 'kodomo_katei', 'jiritsu_soudan']);

/**
 * Builds the demo municipality デモ市 deterministically from `seed`: every agency kind, staff with
 * every role (the fixed sign-in names of README) and 民生委員 accounts. Refused in production.
 * and households of persons known to the agencies (8050, ダブルケア, ごみ屋敷 … patterns).
 */
export async function seedDemo(db: Db, options: SeedOptions): Promise<SeedResult> {
  if (options.production) throw new AppError('production_forbidden', undefined, 'NODE_ENV=production ではデモアカウントを作成できません。');
  const rnd = new SeededRandom(options.seed);
  const password = options.password ?? randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password);
  const now = new Date();

  return db.transaction().execute(async (trx) => {
    const municipalityId = rnd.uuid(SEED_EPOCH);
    await trx
      .insertInto('municipality')
      .values({
        municipality_id: municipalityId,
        code: DEMO_MUNICIPALITY.code,
        name: DEMO_MUNICIPALITY.name,
        prefecture_code: DEMO_MUNICIPALITY.prefectureCode,
        prefecture_name: DEMO_MUNICIPALITY.prefectureName,
        population: DEMO_MUNICIPALITY.population,
      })
      .execute();

    const agencyIds = new Map<string, string>();
    for (const a of DEMO_AGENCIES) agencyIds.set(a.key, rnd.uuid(SEED_EPOCH));
    await trx
      .insertInto('agency')
      .values(DEMO_AGENCIES.map((a) => ({ municipality_id: municipalityId, agency_id: agencyIds.get(a.key)!, kind: a.kind, name: a.name, area: a.area })))
      .execute();

    const users: Array<{ loginName: string; displayName: string; roles: Role[]; agencyIds: string[] }> = DEMO_USERS.map((u) => ({
      loginName: u.loginName,
      displayName: u.displayName,
      roles: u.roles,
      agencyIds: u.agencyKeys.map((k) => agencyIds.get(k)!),
    }));
    const personName = () => `${rnd.pick(SURNAMES)} ${rnd.pick(GIVEN_NAMES)}`;
    for (const a of DEMO_AGENCIES.filter((x) => CONSULTATION_KINDS.has(x.kind))) {
      for (let i = 1; i <= (options.staffPerAgency ?? 2); i++) {
        users.push({ loginName: `staff-${a.key}-${i}`, displayName: personName(), roles: ['caseworker'], agencyIds: [agencyIds.get(a.key)!] });
      }
    }
    for (let i = 2; i <= (options.volunteers ?? 20); i++) {
      users.push({ loginName: `minsei${i}`, displayName: personName(), roles: ['community_volunteer'], agencyIds: [agencyIds.get('minsei')!] });
    }

    const rows = users.map((u) => ({ ...u, userId: rnd.uuid(SEED_EPOCH) }));
    await trx
      .insertInto('app_user')
      .values(rows.map((u) => ({ municipality_id: municipalityId, user_id: u.userId, login_name: u.loginName, display_name: u.displayName, password_hash: passwordHash, roles: u.roles, is_demo: true })))
      .execute();
    const memberships = rows.flatMap((u) => u.agencyIds.map((agency_id) => ({ municipality_id: municipalityId, user_id: u.userId, agency_id })));
    if (memberships.length > 0) await trx.insertInto('user_agency').values(memberships).execute();

    // The worker who takes each generated consultation: the first staff member of the agency.
    const staffByAgency = new Map<string, string>();
    for (const u of rows) for (const a of u.agencyIds) if (u.roles.includes('caseworker') && !staffByAgency.has(a)) staffByAgency.set(a, u.userId);
    const persons = await generatePersons(trx, {
      municipalityId,
      staffByAgency,
      count: options.persons ?? DEMO_PERSONS,
      rnd,
      epochMs: SEED_EPOCH,
      agencies: {
        elderly: ['houkatsu1', 'houkatsu2', 'houkatsu3'].map((k) => agencyIds.get(k)!),
        disability: ['soudan1', 'soudan2', 'kikan'].map((k) => agencyIds.get(k)!),
        children: agencyIds.get('kodomo')!,
        poverty: agencyIds.get('jiritsu')!,
      },
    });

    // Cases, 支援経過記録 and つなぐ in every state on those households.
    await generateCasework(trx, {
      municipalityId,
      rnd,
      epochMs: SEED_EPOCH,
      staffByAgency,
      referralTargets: ['houkatsu1', 'houkatsu2', 'soudan1', 'kodomo', 'jiritsu', 'kikan'].map((k) => agencyIds.get(k)!),
    });

    // An anonymous concern from a 民生委員, not yet tied to anyone: the "nobody owns this yet" case.
    const houkatsu1 = rows.find((u) => u.loginName === 'houkatsu1')!;
    const anonymousId = rnd.uuid(SEED_EPOCH);
    await trx
      .insertInto('consultation')
      .values({
        municipality_id: municipalityId,
        consultation_id: anonymousId,
        received_on: new Date(now.getTime() - 3 * 86_400_000).toISOString().slice(0, 10),
        receiving_agency_id: houkatsu1.agencyIds[0]!,
        received_by_user_id: houkatsu1.userId,
        route: 'phone',
        visitor_kind: 'other',
        visitor_relationship: '民生委員',
        anonymous: true,
        categories: ['withdrawal', 'care'],
        primary_category: 'withdrawal',
        summary: '東町の一軒家。80代の母親と50代の息子。息子を何年も見かけず、母親も最近姿を見ない。',
      })
      .execute();
    await trx
      .insertInto('consent')
      .values({ municipality_id: municipalityId, consent_id: rnd.uuid(SEED_EPOCH), consultation_id: anonymousId, status: 'unknown', recorded_by_user_id: houkatsu1.userId, recorded_at: now })
      .execute();

    // The standard インテーク・アセスメントシート as version 1, published by the demo 市町村管理者.
    const admin = rows.find((u) => u.loginName === 'admin')!;
    await ensureDefaultQuestionSet(trx, municipalityId, admin.userId, { id: rnd.uuid(SEED_EPOCH), now });
    // 支援会議 and 重層的支援会議 with the main agencies as members; the generic type to copy.
    const mainAgencies = ['office', 'houkatsu1', 'jiritsu', 'soudan1', 'kodomo', 'shakyo'].map((k) => agencyIds.get(k)!);
    await ensureDefaultMeetingTypes(trx, municipalityId, { memberAgencyIds: { shien_kaigi: mainAgencies, jusou_shien_kaigi: mainAgencies }, now, makeId: () => rnd.uuid(SEED_EPOCH) });
    // 多機関協働: involvements, 支援チーム, 支援プラン and meetings on some of the cases above.
    const userIdOf = new Map(rows.map((u) => [u.loginName, u.userId]));
    await seedCollaboration(trx, { municipalityId, rnd, epochMs: SEED_EPOCH, agency: (k) => agencyIds.get(k)!, user: (l) => userIdOf.get(l)! });
    // 日常生活圏域 (areas): the directory, 気づきの連絡 routing and 拠点 refer to them.
    const areaIds = await seedAreas(trx, municipalityId, agencyIds, () => rnd.uuid(SEED_EPOCH));
    await seedResources(trx, { municipalityId, areaIds, now, makeId: () => rnd.uuid(SEED_EPOCH) });
    await seedCommunity(trx, { municipalityId, areaIds, agencyIds, userIds: new Map(rows.map((u) => [u.loginName, u.userId])), now, makeId: () => rnd.uuid(SEED_EPOCH) });
    await seedOutreach(trx, { municipalityId, areaIds, agencyIds, users: rows, now, makeId: () => rnd.uuid(SEED_EPOCH) });
    await seedParticipation(trx, { municipalityId, areaIds, agencyIds, userIds: new Map(rows.map((u) => [u.loginName, u.userId])), now, makeId: () => rnd.uuid(SEED_EPOCH) });
    await seedFunding(trx, { municipalityId, agencyIds, userIds: new Map(rows.map((u) => [u.loginName, u.userId])), now, makeId: () => rnd.uuid(SEED_EPOCH) });
    await seedTargets(trx, { municipalityId, adminUserId: admin.userId, now, makeId: () => rnd.uuid(SEED_EPOCH) });

    await recordAudit(trx, { requestId: 'seed', clientAddr: null, userAgent: null }, now, {
      municipalityId,
      action: 'system.demo_seeded',
      outcome: 'success',
      targetType: 'municipality',
      targetId: municipalityId,
      details: { seed: options.seed, agencies: DEMO_AGENCIES.length, users: rows.length, persons },
    });
    return { municipalityId, password, agencies: DEMO_AGENCIES.length, users: rows.length, persons };
  });
}
