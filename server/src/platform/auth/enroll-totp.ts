import { recordAudit } from '../audit/record-audit.js';
import type { AnonCtx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../http/errors.js';
import { findUserById } from './auth-user.repo.js';
import type { SessionInfo } from './session-info.js';
import { setSessionStage } from './session.repo.js';
import { matchTotp, newTotpSecret, totpEnrollment } from './totp.js';

function assertMayEnroll(session: SessionInfo) {
  if (session.stage !== 'active' && session.stage !== 'enrollment_pending') throw new AppError('unauthenticated');
}

/** 二要素認証の設定 step 1: a new secret kept as pending until a code proves the app has it. */
export async function startTotpEnrollment(ctx: AnonCtx, session: SessionInfo) {
  assertMayEnroll(session);
  const secret = newTotpSecret();
  await inTransaction(ctx, async (tx) => {
    // Replacing a working factor needs the password first (二要素認証を解除), not just a session.
    const user = await findUserById(tx.db, session.municipalityId, session.userId);
    if (user?.totp_enabled) throw new AppError('invalid', undefined, '二要素認証はすでに設定されています。');
    await tx.db
      .updateTable('app_user')
      .set({ totp_pending_secret: secret })
      .where('municipality_id', '=', session.municipalityId)
      .where('user_id', '=', session.userId)
      .execute();
  });
  return totpEnrollment(secret, session.loginName);
}

/** Step 2: the first code confirms the secret; the factor is enabled and the session becomes active. */
export async function confirmTotpEnrollment(ctx: AnonCtx, session: SessionInfo, code: string): Promise<void> {
  assertMayEnroll(session);
  await inTransaction(ctx, async (tx) => {
    const user = await findUserById(tx.db, session.municipalityId, session.userId);
    const pending = user?.totp_pending_secret;
    const step = pending ? matchTotp(pending, code, tx.now) : null;
    if (!user || !pending || step === null) throw new AppError('totp_invalid');
    await tx.db
      .updateTable('app_user')
      .set((eb) => ({
        totp_secret: pending,
        totp_pending_secret: null,
        totp_enabled: true,
        totp_last_step: step,
        updated_at: tx.now,
        version: eb('version', '+', 1),
      }))
      .where('municipality_id', '=', session.municipalityId)
      .where('user_id', '=', session.userId)
      .execute();
    if (session.stage !== 'active') await setSessionStage(tx.db, session.municipalityId, session.sessionId, 'active');
    await recordAudit(tx.db, tx.meta, tx.now, {
      municipalityId: session.municipalityId,
      actorUserId: session.userId,
      actorLogin: session.loginName,
      action: 'auth.totp_enrolled',
      outcome: 'success',
      targetType: 'user_account',
      targetId: session.userId,
    });
  });
}
