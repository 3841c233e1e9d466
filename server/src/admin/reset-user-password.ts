import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import { assertStrongPassword, hashPassword } from '../platform/auth/password.js';
import { revokeAllSessions } from '../platform/auth/session.repo.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';
import { getUser } from './user.repo.js';

/** パスワード再設定 by an administrator: new password, lockout cleared, every session of that user ended. */
export async function resetUserPassword(ctx: Ctx, input: { userId: string; newPassword: string }): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'update', { kind: 'user_account', municipalityId: mid, id: input.userId });
    const user = await getUser(tx.db, mid, input.userId);
    if (!user) throw new AppError('not_found');
    if (user.roles.includes('system_admin') && !tx.actor.roles.includes('system_admin')) {
      throw new AppError('forbidden', undefined, 'システム管理者のパスワードを再設定できるのはシステム管理者だけです。');
    }
    assertStrongPassword(input.newPassword, user.loginName);
    const passwordHash = await hashPassword(input.newPassword);
    await tx.db
      .updateTable('app_user')
      .set((eb) => ({
        password_hash: passwordHash,
        failed_attempts: 0,
        locked_until: null,
        password_changed_at: tx.now,
        updated_at: tx.now,
        version: eb('version', '+', 1),
      }))
      .where('municipality_id', '=', mid)
      .where('user_id', '=', input.userId)
      .execute();
    await revokeAllSessions(tx.db, mid, input.userId, tx.now);
    await audit(tx, { action: 'user.password_reset', targetType: 'user_account', targetId: input.userId, basis });
  });
}
