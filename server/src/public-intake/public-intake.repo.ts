/** SQL of 住民のオンライン相談: the municipal setting (with its system user) and submissions. */
import { randomBytes } from 'node:crypto';
import type { DbHandle } from '../platform/db/database.js';
import { newId } from '../platform/db/ids.js';
import { hashPassword } from '../platform/auth/password.js';
import { recordAudit } from '../platform/audit/record-audit.js';
import type { RequestMeta } from '../platform/context.js';

/** Agencies whose staff take consultations; the first active one is the fallback receiver. */
export const CONSULTATION_AGENCY_KINDS = ['chiiki_houkatsu', 'kikan_soudan', 'soudan_shien', 'kodomo_katei', 'riyousha_shien', 'jiritsu_soudan', 'shakyo_tajikan'] as const;
/** Agencies whose users never see personal records (民生委員, the prefecture): never a receiver. */
export const NON_RECEIVING_AGENCY_KINDS = ['minsei_council', 'prefecture_office'] as const;

/** Sign-in name of the system user: ':' is not allowed in staff names, so it can never clash. */
export function systemLoginName(municipalityCode: string): string {
  return `public-intake:${municipalityCode}`;
}
export const SYSTEM_DISPLAY_NAME = 'オンライン相談（住民の送信）';
/** Audit actor of what the system does on its own, and of what a member of the public sends. */
export const SYSTEM_ACTOR = '(system)';
export const PUBLIC_ACTOR = '(public)';
const ENSURE_META: RequestMeta = { requestId: 'ensure-defaults', clientAddr: null, userAgent: null };

export interface PublicIntakeSetting {
  enabled: boolean;
  /** A closed agency receives nothing: the form is closed until an administrator picks another. */
  designatedAgencyActive: boolean;
  designatedAgencyId: string;
  designatedAgencyName: string;
  systemUserId: string;
  version: number;
}

export async function loadSetting(db: DbHandle, mid: string): Promise<PublicIntakeSetting | undefined> {
  const row = await db
    .selectFrom('public_intake_setting as s')
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 's.municipality_id').onRef('a.agency_id', '=', 's.designated_agency_id'))
    .select(['s.enabled', 's.designated_agency_id', 'a.name', 'a.status', 's.system_user_id', 's.version'])
    .where('s.municipality_id', '=', mid)
    .executeTakeFirst();
  if (!row) return undefined;
  return { enabled: row.enabled, designatedAgencyActive: row.status === 'active', designatedAgencyId: row.designated_agency_id, designatedAgencyName: row.name, systemUserId: row.system_user_id, version: row.version };
}

/** The municipality's 重層事業担当課 (municipal_office), else its first consultation agency. */
export async function defaultDesignatedAgency(db: DbHandle, mid: string): Promise<string | undefined> {
  for (const kinds of [['municipal_office'], CONSULTATION_AGENCY_KINDS]) {
    const row = await db
      .selectFrom('agency')
      .select('agency_id')
      .where('municipality_id', '=', mid)
      .where('status', '=', 'active')
      .where('kind', 'in', [...kinds])
      .orderBy('created_at')
      .orderBy('agency_id')
      .limit(1)
      .executeTakeFirst();
    if (row) return row.agency_id;
  }
  return undefined;
}

/**
 * Gives the municipality its online-consultation setting if it has none: the default receiving
 * agency and a system user (disabled, no role, no agency, a password nobody knows) to record as the
 * receiver of each consultation and recorder of its consent. Safe to run concurrently and again.
 * Undefined when the municipality has no agency that could receive.
 */
export async function ensurePublicIntakeSetting(db: DbHandle, mid: string, now: Date, meta: RequestMeta = ENSURE_META): Promise<PublicIntakeSetting | undefined> {
  const existing = await loadSetting(db, mid);
  if (existing) return existing;
  const agencyId = await defaultDesignatedAgency(db, mid);
  const municipality = await db.selectFrom('municipality').select('code').where('municipality_id', '=', mid).executeTakeFirst();
  if (!agencyId || !municipality) return undefined;
  const loginName = systemLoginName(municipality.code);
  await db
    .insertInto('app_user')
    .values({
      municipality_id: mid,
      user_id: newId(),
      login_name: loginName,
      display_name: SYSTEM_DISPLAY_NAME,
      password_hash: await hashPassword(randomBytes(32).toString('base64url')),
      roles: [],
      status: 'disabled',
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const user = await db.selectFrom('app_user').select('user_id').where('municipality_id', '=', mid).where('login_name', '=', loginName).executeTakeFirstOrThrow();
  const inserted = await db
    .insertInto('public_intake_setting')
    .values({ municipality_id: mid, designated_agency_id: agencyId, system_user_id: user.user_id, created_at: now, updated_at: now })
    .onConflict((oc) => oc.doNothing())
    .returning('municipality_id')
    .executeTakeFirst();
  if (inserted) {
    await recordAudit(db, meta, now, {
      municipalityId: mid,
      actorLogin: SYSTEM_ACTOR,
      action: 'public_intake_setting.create',
      outcome: 'success',
      targetType: 'municipal_config',
      targetId: mid,
      basis: '初期設定',
      details: { designatedAgencyId: agencyId, systemUserId: user.user_id },
    });
  }
  return loadSetting(db, mid);
}

/** Agencies an administrator may choose as receiver: active, and not 民生委員 or the prefecture. */
export async function receivingAgencyCandidates(db: DbHandle, mid: string) {
  return db
    .selectFrom('agency')
    .select(['agency_id', 'name', 'kind'])
    .where('municipality_id', '=', mid)
    .where('status', '=', 'active')
    .where('kind', 'not in', [...NON_RECEIVING_AGENCY_KINDS])
    .orderBy('name')
    .execute();
}

export async function formNonceUsed(db: DbHandle, mid: string, nonce: string): Promise<boolean> {
  const row = await db.selectFrom('public_submission').select('submission_id').where('municipality_id', '=', mid).where('form_nonce', '=', nonce).executeTakeFirst();
  return row !== undefined;
}

/** Accepted submissions from one client hash (the hash changes every day, so: today's). */
export async function submissionsFromClient(db: DbHandle, mid: string, clientHash: string): Promise<number> {
  const row = await db
    .selectFrom('public_submission')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('municipality_id', '=', mid)
    .where('client_hash', '=', clientHash)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
