import { recordAudit } from '../audit/record-audit.js';
import type { AnonCtx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../http/errors.js';
import { findUserById, recordFailedAttempt } from './auth-user.repo.js';
import { lockUntilAfterFailure } from './lockout.js';
import type { SessionInfo } from './session-info.js';
import { setSessionStage } from './session.repo.js';
import { matchTotp } from './totp.js';

/**
 * Second sign-in step: the 6-digit code from the user's authenticator app. A code is accepted once
 * (replay of the same time step is refused); wrong codes count towards the same lockout as passwords.
 */
export async function verifyTotp(ctx: AnonCtx, session: SessionInfo, code: string): Promise<void> {
  if (session.stage !== 'totp_pending') throw new AppError('invalid');
  const result = await inTransaction(ctx, async (tx) => {
    const user = await findUserById(tx.db, session.municipalityId, session.userId);
    if (!user?.totp_secret) return 'totp_invalid' as const;
    if (user.locked_until && user.locked_until > tx.now) return 'account_locked' as const;
    const step = matchTotp(user.totp_secret, code, tx.now);
    const replay = step !== null && user.totp_last_step !== null && step <= Number(user.totp_last_step);
    const audit = (outcome: 'success' | 'failure', reason?: string) =>
      recordAudit(tx.db, tx.meta, tx.now, {
        municipalityId: session.municipalityId,
        actorUserId: session.userId,
        actorLogin: session.loginName,
        action: 'auth.sign_in',
        outcome,
        details: { factor: 'totp', ...(reason ? { reason } : {}) },
      });
    if (step === null || replay) {
      const attempts = user.failed_attempts + 1;
      const lockedUntil = lockUntilAfterFailure(attempts, tx.now);
      await recordFailedAttempt(tx.db, user.municipality_id, user.user_id, attempts, lockedUntil);
      await audit('failure', replay ? 'totp_replay' : 'totp_mismatch');
      return lockedUntil ? ('account_locked' as const) : ('totp_invalid' as const);
    }
    await tx.db
      .updateTable('app_user')
      .set({ totp_last_step: step, failed_attempts: 0, locked_until: null })
      .where('municipality_id', '=', user.municipality_id)
      .where('user_id', '=', user.user_id)
      .execute();
    await setSessionStage(tx.db, session.municipalityId, session.sessionId, 'active');
    await audit('success');
    return 'ok' as const;
  });
  if (result !== 'ok') throw new AppError(result);
}
