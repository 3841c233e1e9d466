import { recordAudit } from '../audit/record-audit.js';
import type { AnonCtx } from '../context.js';
import { inTransaction } from '../db/transaction.js';
import type { SessionInfo } from './session-info.js';
import { revokeSession } from './session.repo.js';

/** ログアウト: the session is revoked server-side (the cookie alone is worthless afterwards). */
export async function signOut(ctx: AnonCtx, session: SessionInfo): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await revokeSession(tx.db, session.municipalityId, session.sessionId, tx.now);
    await recordAudit(tx.db, tx.meta, tx.now, {
      municipalityId: session.municipalityId,
      actorUserId: session.userId,
      actorLogin: session.loginName,
      action: 'auth.sign_out',
      outcome: 'success',
    });
  });
}
