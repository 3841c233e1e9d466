import type { Ctx } from '../context.js';
import { AppError } from '../http/errors.js';
import { describeBasis } from './describe.js';
import { can } from './policy.js';
import type { Action, BreakGlass, RecordFacts, RecordKind } from './policy.types.js';

/** Kinds whose existence is not secret (staff administration); refusals say 403 instead of 404. */
const OPEN_KINDS: ReadonlySet<RecordKind> = new Set(['user_account', 'agency', 'audit_log', 'municipal_config', 'aggregate']);

/**
 * The one gate every use case passes before touching a record: asks the policy, returns the basis
 * label to write in the audit event, or throws. Personal records the actor may not see are
 * `not_found` so their existence does not leak; the refusal itself is audited by inTransaction.
 */
export function authorize(
  ctx: Ctx,
  action: Action,
  record: RecordFacts,
  options: { breakGlass?: BreakGlass; auditAction?: string } = {},
): string {
  const decision = can(ctx.actor, action, record, { breakGlass: options.breakGlass, now: ctx.now });
  if (decision.allowed) return describeBasis(decision.basis);
  // Refusing a list or a creation reveals no record; refusing a read or change of one must not confirm it exists.
  const revealsNothing = OPEN_KINDS.has(record.kind) || action === 'list' || action === 'create';
  throw new AppError(revealsNothing ? 'forbidden' : 'not_found', undefined, undefined, {
    municipalityId: ctx.actor.municipalityId,
    actorUserId: ctx.actor.userId,
    actorLogin: ctx.actor.loginName,
    action: options.auditAction ?? `${record.kind}.${action}`,
    targetType: record.kind,
    targetId: record.id ?? null,
    basis: decision.reason,
  });
}
