import { recordAudit } from '../audit/record-audit.js';
import type { AnonCtx } from '../context.js';
import type { SessionStage } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../http/errors.js';
import { clearFailedAttempts, findUserForSignIn, recordFailedAttempt, rolesRequireTotp } from './auth-user.repo.js';
import { lockUntilAfterFailure } from './lockout.js';
import { dummyPasswordHash, verifyPassword } from './password.js';
import { createSession, type SessionPolicy } from './session.repo.js';

export interface SignInInput {
  loginName: string;
  password: string;
}

export interface SignInDeps {
  policy: SessionPolicy;
  /** Where failures for unknown sign-in names are audited (the deployment's home municipality). */
  homeMunicipalityId: string | null;
}

export type SignInResult = { token: string; stage: SessionStage };

/**
 * ログイン: password check with lockout and backoff, then a session at the stage the account needs
 * (TOTP code pending, TOTP enrolment pending because the role requires it, or active).
 * Failures are committed (counter, audit event) before the error is thrown.
 */
export async function signIn(ctx: AnonCtx, deps: SignInDeps, input: SignInInput): Promise<SignInResult> {
  const outcome = await inTransaction(ctx, async (tx) => {
    const user = await findUserForSignIn(tx.db, input.loginName);
    const fail = async (reason: string, code: 'invalid_credentials' | 'account_locked', municipalityId?: string) => {
      const mid = municipalityId ?? deps.homeMunicipalityId;
      if (mid) {
        await recordAudit(tx.db, tx.meta, tx.now, {
          municipalityId: mid,
          actorUserId: user?.user_id ?? null,
          actorLogin: input.loginName.slice(0, 100),
          action: 'auth.sign_in',
          outcome: 'failure',
          details: { reason },
        });
      }
      return { error: code } as const;
    };

    if (!user) {
      await verifyPassword(await dummyPasswordHash(), input.password);
      return fail('unknown_login_name', 'invalid_credentials');
    }
    if (user.locked_until && user.locked_until > tx.now) {
      return fail('locked', 'account_locked', user.municipality_id);
    }
    const passwordOk = await verifyPassword(user.password_hash, input.password);
    if (!passwordOk) {
      const attempts = user.failed_attempts + 1;
      const lockedUntil = lockUntilAfterFailure(attempts, tx.now);
      await recordFailedAttempt(tx.db, user.municipality_id, user.user_id, attempts, lockedUntil);
      return fail(lockedUntil ? 'bad_password_locked' : 'bad_password', lockedUntil ? 'account_locked' : 'invalid_credentials', user.municipality_id);
    }
    if (user.status !== 'active') return fail('disabled', 'invalid_credentials', user.municipality_id);

    await clearFailedAttempts(tx.db, user.municipality_id, user.user_id);
    let stage: SessionStage = 'active';
    if (user.totp_enabled) stage = 'totp_pending';
    else if (await rolesRequireTotp(tx.db, user.municipality_id, user.roles)) stage = 'enrollment_pending';

    const { token } = await createSession(tx.db, {
      municipalityId: user.municipality_id,
      userId: user.user_id,
      stage,
      now: tx.now,
      meta: tx.meta,
      policy: deps.policy,
    });
    await recordAudit(tx.db, tx.meta, tx.now, {
      municipalityId: user.municipality_id,
      actorUserId: user.user_id,
      actorLogin: user.login_name,
      action: stage === 'active' ? 'auth.sign_in' : 'auth.password_verified',
      outcome: 'success',
      details: { stage },
    });
    return { token, stage };
  });
  if ('error' in outcome) throw new AppError(outcome.error);
  return outcome;
}
