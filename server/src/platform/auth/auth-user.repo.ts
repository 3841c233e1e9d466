import type { DbHandle } from '../db/database.js';

/** The sign-in relevant columns of a user, found by sign-in name (case-insensitive). */
export function findUserForSignIn(db: DbHandle, loginName: string) {
  return db
    .selectFrom('app_user')
    .select([
      'municipality_id',
      'user_id',
      'login_name',
      'password_hash',
      'roles',
      'status',
      'totp_enabled',
      'totp_secret',
      'totp_pending_secret',
      'totp_last_step',
      'failed_attempts',
      'locked_until',
    ])
    .where((eb) => eb(eb.fn('lower', ['login_name']), '=', loginName.toLowerCase()))
    .executeTakeFirst();
}

export function findUserById(db: DbHandle, municipalityId: string, userId: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** True when any of the roles is configured to require a TOTP second factor. */
export async function rolesRequireTotp(db: DbHandle, municipalityId: string, roles: readonly string[]) {
  if (roles.length === 0) return false;
  const row = await db
    .selectFrom('role_setting')
    .select('role')
    .where('municipality_id', '=', municipalityId)
    .where('role', 'in', [...roles])
    .where('require_totp', '=', true)
    .executeTakeFirst();
  return row !== undefined;
}

export async function recordFailedAttempt(
  db: DbHandle,
  municipalityId: string,
  userId: string,
  failedAttempts: number,
  lockedUntil: Date | null,
) {
  await db
    .updateTable('app_user')
    .set({ failed_attempts: failedAttempts, ...(lockedUntil ? { locked_until: lockedUntil } : {}) })
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .execute();
}

export async function clearFailedAttempts(db: DbHandle, municipalityId: string, userId: string) {
  await db
    .updateTable('app_user')
    .set({ failed_attempts: 0, locked_until: null })
    .where('municipality_id', '=', municipalityId)
    .where('user_id', '=', userId)
    .execute();
}
