import { audit } from '../platform/audit/record-audit.js';
import { findUserById, rolesRequireTotp } from '../platform/auth/auth-user.repo.js';
import { verifyPassword } from '../platform/auth/password.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { AppError } from '../platform/http/errors.js';

/** 二要素認証を解除: needs the current password, and is refused while the user's role requires TOTP. */
export async function disableTotp(ctx: Ctx, currentPassword: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const user = await findUserById(tx.db, tx.actor.municipalityId, tx.actor.userId);
    if (!user || !(await verifyPassword(user.password_hash, currentPassword))) {
      throw new AppError('invalid_credentials', undefined, '現在のパスワードが正しくありません。');
    }
    if (await rolesRequireTotp(tx.db, tx.actor.municipalityId, tx.actor.roles)) {
      throw new AppError('forbidden', undefined, 'あなたの役割では二要素認証が必須のため、解除できません。');
    }
    await tx.db
      .updateTable('app_user')
      .set((eb) => ({
        totp_enabled: false,
        totp_secret: null,
        totp_pending_secret: null,
        updated_at: tx.now,
        version: eb('version', '+', 1),
      }))
      .where('municipality_id', '=', tx.actor.municipalityId)
      .where('user_id', '=', tx.actor.userId)
      .execute();
    await audit(tx, { action: 'auth.totp_disabled', targetType: 'user_account', targetId: tx.actor.userId });
  });
}
