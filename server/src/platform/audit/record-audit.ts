import type { DbHandle } from '../db/database.js';
import { newId } from '../db/ids.js';
import type { AuditOutcome } from '../db/schema.js';
import type { Ctx, RequestMeta } from '../context.js';

export interface AuditInput {
  municipalityId: string;
  actorUserId?: string | null;
  actorLogin?: string | null;
  /** Dotted verb, e.g. 'auth.sign_in', 'user.create', 'person.read'. */
  action: string;
  outcome: AuditOutcome;
  targetType?: string | null;
  targetId?: string | null;
  /** Why access was allowed (legal basis, e.g. '本人同意 #…', '支援会議（社会福祉法106条の6）') or the denial reason. */
  basis?: string | null;
  purpose?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Appends one audit event. Call it with the transaction handle of the change it records, so the
 * event commits or rolls back with it. Never put personal data (names, notes) in details.
 */
export async function recordAudit(db: DbHandle, meta: RequestMeta, now: Date, input: AuditInput): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      municipality_id: input.municipalityId,
      event_id: newId(),
      occurred_at: now,
      actor_user_id: input.actorUserId ?? null,
      actor_login: input.actorLogin ?? null,
      action: input.action,
      outcome: input.outcome,
      target_type: input.targetType ?? null,
      target_id: input.targetId ?? null,
      basis: input.basis ?? null,
      purpose: input.purpose ?? null,
      request_id: meta.requestId,
      client_addr: meta.clientAddr,
      details: JSON.stringify(input.details ?? {}),
    })
    .execute();
}

/** The acting user's audit event, inside the use case's transaction. */
export function audit(
  ctx: Ctx,
  input: Omit<AuditInput, 'municipalityId' | 'actorUserId' | 'actorLogin' | 'outcome'> & {
    outcome?: AuditOutcome;
  },
): Promise<void> {
  return recordAudit(ctx.db, ctx.meta, ctx.now, {
    ...input,
    outcome: input.outcome ?? 'success',
    municipalityId: ctx.actor.municipalityId,
    actorUserId: ctx.actor.userId,
    actorLogin: ctx.actor.loginName,
  });
}
