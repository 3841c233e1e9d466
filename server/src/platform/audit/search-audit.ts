import { authorize } from '../access/authorize.js';
import type { Ctx } from '../context.js';
import type { AuditOutcome } from '../db/schema.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../http/errors.js';
import { audit } from './record-audit.js';

export interface AuditSearch {
  actor?: string | undefined;
  action?: string | undefined;
  targetId?: string | undefined;
  outcome?: AuditOutcome | undefined;
  /** YYYY-MM-DD, inclusive, Japan time. */
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit?: number | undefined;
}

function decodeCursor(cursor: string): { at: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = new Date(at ?? '');
  if (!id || Number.isNaN(date.getTime())) throw new AppError('invalid', { fields: [{ path: 'cursor', message: '不正なカーソルです。' }] });
  return { at: date, id };
}

/** 監査ログの検索 (auditors only). Newest first, keyset-paginated; the search itself is audited. */
export async function searchAudit(ctx: Ctx, q: AuditSearch) {
  return inTransaction(ctx, async (tx) => {
    const basis = authorize(tx, 'list', { kind: 'audit_log', municipalityId: tx.actor.municipalityId });
    const limit = q.limit ?? 50;
    let query = tx.db
      .selectFrom('audit_event')
      .select(['event_id', 'occurred_at', 'actor_login', 'action', 'outcome', 'target_type', 'target_id', 'basis', 'client_addr', 'request_id'])
      .where('municipality_id', '=', tx.actor.municipalityId);
    if (q.actor) query = query.where((eb) => eb(eb.fn('lower', ['actor_login']), '=', q.actor!.toLowerCase()));
    if (q.action) query = query.where('action', 'like', `${q.action.replace(/[\\%_]/g, '\\$&')}%`);
    if (q.targetId) query = query.where('target_id', '=', q.targetId);
    if (q.outcome) query = query.where('outcome', '=', q.outcome);
    if (q.from) query = query.where('occurred_at', '>=', new Date(`${q.from}T00:00:00+09:00`));
    if (q.to) query = query.where('occurred_at', '<', new Date(new Date(`${q.to}T00:00:00+09:00`).getTime() + 86_400_000));
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      query = query.where((eb) => eb.or([eb('occurred_at', '<', c.at), eb.and([eb('occurred_at', '=', c.at), eb('event_id', '<', c.id)])]));
    }
    const rows = await query.orderBy('occurred_at', 'desc').orderBy('event_id', 'desc').limit(limit + 1).execute();
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    await audit(tx, { action: 'audit.search', targetType: 'audit_log', basis, details: { filters: { ...q, cursor: undefined }, returned: page.length } });
    return {
      items: page.map((r) => ({
        id: r.event_id,
        occurredAt: new Date(r.occurred_at).toISOString(),
        actorLogin: r.actor_login,
        action: r.action,
        outcome: r.outcome,
        targetType: r.target_type,
        targetId: r.target_id,
        basis: r.basis,
        clientAddr: r.client_addr,
        requestId: r.request_id,
      })),
      nextCursor:
        rows.length > limit && last ? Buffer.from(`${new Date(last.occurred_at).toISOString()}|${last.event_id}`).toString('base64url') : null,
    };
  });
}
