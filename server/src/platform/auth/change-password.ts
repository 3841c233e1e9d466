import { audit } from '../audit/record-audit.js';
import type { Ctx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../http/errors.js';
import { findUserById } from './auth-user.repo.js';
import { assertStrongPassword, hashPassword, verifyPassword } from './password.js';
import { createSession, revokeAllSessions, type SessionPolicy } from './session.repo.js';

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/**
 * パスワード変更: needs the current password; signs the user out everywhere (every session revoked)
 * and returns a fresh session for the device that made the change.
 */
export async function changePassword(ctx: Ctx, policy: SessionPolicy, input: ChangePasswordInput) {
  assertStrongPassword(input.newPassword, ctx.actor.loginName);
  const newHash = await hashPassword(input.newPassword);
  return inTransaction(ctx, async (tx) => {
    const user = await findUserById(tx.db, tx.actor.municipalityId, tx.actor.userId);
    if (!user || !(await verifyPassword(user.password_hash, input.currentPassword))) {
      throw new AppError('invalid_credentials', undefined, '現在のパスワードが正しくありません。');
    }
    await tx.db
      .updateTable('app_user')
      .set((eb) => ({
        password_hash: newHash,
        password_changed_at: tx.now,
        updated_at: tx.now,
        version: eb('version', '+', 1),
      }))
      .where('municipality_id', '=', tx.actor.municipalityId)
      .where('user_id', '=', tx.actor.userId)
      .execute();
    await revokeAllSessions(tx.db, tx.actor.municipalityId, tx.actor.userId, tx.now);
    const session = await createSession(tx.db, {
      municipalityId: tx.actor.municipalityId,
      userId: tx.actor.userId,
      stage: 'active',
      now: tx.now,
      meta: tx.meta,
      policy,
    });
    await audit(tx, { action: 'auth.password_changed', targetType: 'user_account', targetId: tx.actor.userId });
    return session;
  });
}
