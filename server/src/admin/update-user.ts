import type { Role } from '../platform/access/actor.js';
import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import { revokeAllSessions } from '../platform/auth/session.repo.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { assertAgenciesExist, assertAgencyNeeded, assertMayAssignRoles } from './user-rules.js';
import { getUser, replaceUserAgencies, type UserItem } from './user.repo.js';

export interface UpdateUserInput {
  userId: string;
  version: number;
  displayName?: string | undefined;
  roles?: Role[] | undefined;
  agencyIds?: string[] | undefined;
  status?: 'active' | 'disabled' | undefined;
}

/**
 * 利用者の更新 with optimistic concurrency: the caller sends the version it read; if someone saved
 * in between, nothing is written and `conflict` is returned. Disabling signs the user out everywhere.
 */
export async function updateUser(ctx: Ctx, input: UpdateUserInput): Promise<UserItem> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', { kind: 'user_account', municipalityId: mid, id: input.userId });
    const current = await getUser(tx.db, mid, input.userId);
    if (!current) throw new AppError('not_found');
    const agencyIds = input.agencyIds ?? current.agencyIds;
    if (input.roles) assertMayAssignRoles(tx, input.roles, current.roles);
    if (current.roles.includes('system_admin') && !tx.actor.roles.includes('system_admin')) {
      throw new AppError('forbidden', undefined, 'システム管理者の利用者を変更できるのはシステム管理者だけです。');
    }
    if (input.userId === tx.actor.userId && input.status === 'disabled') {
      throw new AppError('invalid', undefined, '自分自身を停止することはできません。');
    }
    assertAgencyNeeded(agencyIds);
    if (input.agencyIds) await assertAgenciesExist(tx, input.agencyIds);

    const updated = await tx.db
      .updateTable('app_user')
      .set((eb) => ({
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.roles !== undefined ? { roles: input.roles } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        updated_at: tx.now,
        version: eb('version', '+', 1),
      }))
      .where('municipality_id', '=', mid)
      .where('user_id', '=', input.userId)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict');
    const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join() === [...b].sort().join();
    const changed = [
      input.displayName !== undefined && input.displayName !== current.displayName ? 'displayName' : null,
      input.roles && !sameSet(input.roles, current.roles) ? 'roles' : null,
      input.agencyIds && !sameSet(input.agencyIds, current.agencyIds) ? 'agencyIds' : null,
      input.status !== undefined && input.status !== current.status ? 'status' : null,
    ].filter((c): c is string => c !== null);
    if (changed.includes('agencyIds')) await replaceUserAgencies(tx.db, mid, input.userId, input.agencyIds!);
    // A changed role set or a disabled account takes effect now: the user's sessions end.
    if (changed.includes('roles') || changed.includes('agencyIds') || input.status === 'disabled') {
      await revokeAllSessions(tx.db, mid, input.userId, tx.now);
    }
    await audit(tx, {
      action: 'user.update',
      targetType: 'user_account',
      targetId: input.userId,
      basis,
      details: { changed, ...(input.roles ? { roles: input.roles } : {}), ...(input.status ? { status: input.status } : {}) },
    });
    return (await getUser(tx.db, mid, input.userId))!;
  });
}
