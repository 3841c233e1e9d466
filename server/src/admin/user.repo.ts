import { sql } from 'kysely';
import type { DbHandle } from '../platform/db/database.js';

export interface UserItem {
  id: string;
  loginName: string;
  displayName: string;
  roles: string[];
  agencyIds: string[];
  status: 'active' | 'disabled';
  totpEnabled: boolean;
  lockedUntil: string | null;
  version: number;
}

function baseQuery(db: DbHandle, municipalityId: string) {
  return db
    .selectFrom('app_user as u')
    .select([
      'u.user_id',
      'u.login_name',
      'u.display_name',
      'u.roles',
      'u.status',
      'u.totp_enabled',
      'u.locked_until',
      'u.version',
      sql<string[]>`array(select ua.agency_id::text from user_agency ua
        where ua.municipality_id = u.municipality_id and ua.user_id = u.user_id order by ua.agency_id)`.as('agency_ids'),
    ])
    .where('u.municipality_id', '=', municipalityId);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

function toItem(r: Row): UserItem {
  return {
    id: r.user_id,
    loginName: r.login_name,
    displayName: r.display_name,
    roles: r.roles,
    agencyIds: r.agency_ids,
    status: r.status,
    totpEnabled: r.totp_enabled,
    lockedUntil: r.locked_until ? new Date(r.locked_until).toISOString() : null,
    version: r.version,
  };
}

export async function listUsers(db: DbHandle, municipalityId: string): Promise<UserItem[]> {
  const rows = await baseQuery(db, municipalityId).orderBy('u.login_name').execute();
  return rows.map(toItem);
}

export async function getUser(db: DbHandle, municipalityId: string, userId: string): Promise<UserItem | null> {
  const row = await baseQuery(db, municipalityId).where('u.user_id', '=', userId).executeTakeFirst();
  return row ? toItem(row) : null;
}

export async function loginNameTaken(db: DbHandle, loginName: string): Promise<boolean> {
  const row = await db
    .selectFrom('app_user')
    .select('user_id')
    .where((eb) => eb(eb.fn('lower', ['login_name']), '=', loginName.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

/** Agency ids that do not exist (or are closed) in the municipality. */
export async function unknownAgencies(db: DbHandle, municipalityId: string, agencyIds: readonly string[]) {
  if (agencyIds.length === 0) return [];
  const rows = await db
    .selectFrom('agency')
    .select('agency_id')
    .where('municipality_id', '=', municipalityId)
    .where('agency_id', 'in', [...agencyIds])
    .where('status', '=', 'active')
    .execute();
  const found = new Set(rows.map((r) => r.agency_id));
  return agencyIds.filter((id) => !found.has(id));
}

export async function replaceUserAgencies(db: DbHandle, municipalityId: string, userId: string, agencyIds: readonly string[]) {
  await db.deleteFrom('user_agency').where('municipality_id', '=', municipalityId).where('user_id', '=', userId).execute();
  if (agencyIds.length > 0) {
    await db
      .insertInto('user_agency')
      .values([...new Set(agencyIds)].map((agency_id) => ({ municipality_id: municipalityId, user_id: userId, agency_id })))
      .execute();
  }
}
