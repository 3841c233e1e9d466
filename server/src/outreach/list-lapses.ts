import { authorize } from '../platform/access/authorize.js';
import { audit } from '../platform/audit/record-audit.js';
import type { Ctx } from '../platform/context.js';
import { inTransaction } from '../platform/db/transaction.js';
import { loadCadences } from './cadence.repo.js';

export interface LapseItem {
  kind: 'lead' | 'case';
  id: string;
  label: string;
  workerName: string;
  intervalDays: number;
  lastContactOn: string;
  dueOn: string;
  daysOverdue: number;
}

/**
 * 連絡が途絶えている人: people in ongoing support (open lead or open case) whose contact cadence
 * has lapsed, oldest lapse first. `mine`: the alerts of the signed-in worker (ホーム);
 * `agency`: every lapse of the actor's agencies.
 */
export async function listLapses(ctx: Ctx, scope: 'mine' | 'agency'): Promise<{ items: LapseItem[]; watched: number }> {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const basis = authorize(tx, 'list', { kind: 'outreach_lead', municipalityId: mid, ownerAgencyIds: [...tx.actor.agencyIds] }, { auditAction: 'contact_cadence.lapses' });
    const rows = await loadCadences(tx.db, mid, { agencyIds: tx.actor.agencyIds, ...(scope === 'mine' ? { workerUserId: tx.actor.userId } : {}) }, tx.now);
    const items = rows
      .filter((r) => r.lapsed)
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.label.localeCompare(b.label, 'ja'))
      .map((r) => ({
        kind: r.leadId ? ('lead' as const) : ('case' as const),
        id: (r.leadId ?? r.caseId)!,
        label: r.label,
        workerName: r.workerName,
        intervalDays: r.intervalDays,
        lastContactOn: r.lastContactOn,
        dueOn: r.dueOn,
        daysOverdue: r.daysOverdue,
      }));
    await audit(tx, { action: 'contact_cadence.lapses', targetType: 'outreach_lead', basis, details: { scope, count: items.length } });
    return { items, watched: rows.length };
  });
}
