/**
 * 見直し・期日 (reminders) of 支援プラン in force, for the actor's agencies, up to 14 days ahead;
 * anything before today (Japan date) is overdue.
 *
 * - scope 'mine' (ホーム): what the actor's agencies themselves must do — reviews of plans of cases
 *   they lead (the lead holds the 見直し) and undone actions assigned to them.
 * - scope 'agency' (機関別の一覧): everything due on the cases they lead or are on the 支援チーム of —
 *   every review and every agency's undone actions — grouped by the agency responsible.
 * Both only reach cases where the actor's agency is lead or a current team member, i.e. plans the
 * actor may open (the SQL twin of the plan policy's own-agency / 支援チーム branches).
 */
import { sql } from 'kysely';
import { authorize } from '../../platform/access/authorize.js';
import { audit } from '../../platform/audit/record-audit.js';
import type { Ctx } from '../../platform/context.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { isoDayInJapan } from '../../consultation/japanese/japanese-date.js';
import { addDays } from './plan-content.js';

export const REMINDER_DAYS = 14;
export type ReminderScope = 'mine' | 'agency';

export interface ReminderItem {
  kind: 'review' | 'action';
  planId: string;
  caseId: string;
  householdLabel: string;
  versionNo: number;
  actionNo: number | null;
  agencyId: string;
  agencyName: string;
  ownerName: string | null;
  description: string | null;
  dueOn: string;
  overdue: boolean;
}

export async function listReminders(ctx: Ctx, scope: ReminderScope) {
  return inTransaction(ctx, async (tx) => {
    const mid = tx.actor.municipalityId;
    const agencies = [...tx.actor.agencyIds];
    const basis = authorize(tx, 'list', { kind: 'plan', municipalityId: mid, ownerAgencyIds: agencies }, { auditAction: 'plan.reminders' });
    const today = isoDayInJapan(tx.now);
    const horizon = addDays(today, REMINDER_DAYS);
    const items: ReminderItem[] = [];
    if (agencies.length > 0) {
      const base = tx.db
        .selectFrom('support_plan as p')
        .innerJoin('support_plan_version as v', (j) =>
          j.onRef('v.municipality_id', '=', 'p.municipality_id').onRef('v.plan_id', '=', 'p.plan_id').onRef('v.version_no', '=', 'p.current_version'),
        )
        .innerJoin('support_case as c', (j) => j.onRef('c.municipality_id', '=', 'p.municipality_id').onRef('c.case_id', '=', 'p.case_id'))
        .innerJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'c.municipality_id').onRef('h.household_id', '=', 'c.household_id'))
        .where('p.municipality_id', '=', mid)
        .where('p.status', '=', 'active')
        .where('c.status', '=', 'open')
        .where((eb) =>
          eb.or([
            eb('c.lead_agency_id', 'in', agencies),
            eb.exists(
              eb
                .selectFrom('support_team_member as t')
                .select(sql`1`.as('one'))
                .whereRef('t.municipality_id', '=', 'c.municipality_id')
                .whereRef('t.case_id', '=', 'c.case_id')
                .where('t.left_on', 'is', null)
                .where('t.agency_id', 'in', agencies),
            ),
          ]),
        );
      let reviews = base
        .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'c.municipality_id').onRef('a.agency_id', '=', 'c.lead_agency_id'))
        .select(['p.plan_id', 'p.case_id', 'h.label', 'v.version_no', 'v.next_review_on', 'a.agency_id', 'a.name'])
        .where('v.next_review_on', '<=', horizon);
      if (scope === 'mine') reviews = reviews.where('c.lead_agency_id', 'in', agencies);
      for (const r of await reviews.execute()) {
        const dueOn = r.next_review_on!;
        items.push({ kind: 'review', planId: r.plan_id, caseId: r.case_id, householdLabel: r.label, versionNo: r.version_no, actionNo: null, agencyId: r.agency_id, agencyName: r.name, ownerName: null, description: null, dueOn, overdue: dueOn < today });
      }
      let actions = base
        .innerJoin('support_plan_action as x', (j) =>
          j.onRef('x.municipality_id', '=', 'v.municipality_id').onRef('x.plan_id', '=', 'v.plan_id').onRef('x.version_no', '=', 'v.version_no'),
        )
        .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'x.municipality_id').onRef('a.agency_id', '=', 'x.agency_id'))
        .select(['p.plan_id', 'p.case_id', 'h.label', 'v.version_no', 'x.action_no', 'x.owner_name', 'x.description', 'x.due_on', 'a.agency_id', 'a.name'])
        .where('x.done_on', 'is', null)
        .where('x.due_on', '<=', horizon);
      if (scope === 'mine') actions = actions.where('x.agency_id', 'in', agencies);
      for (const r of await actions.execute()) {
        const dueOn = r.due_on!;
        items.push({ kind: 'action', planId: r.plan_id, caseId: r.case_id, householdLabel: r.label, versionNo: r.version_no, actionNo: r.action_no, agencyId: r.agency_id, agencyName: r.name, ownerName: r.owner_name, description: r.description, dueOn, overdue: dueOn < today });
      }
    }
    items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.agencyName.localeCompare(b.agencyName, 'ja') || a.planId.localeCompare(b.planId) || (a.actionNo ?? 0) - (b.actionNo ?? 0));
    const counts = {
      total: items.length,
      overdue: items.filter((i) => i.overdue).length,
      reviews: items.filter((i) => i.kind === 'review').length,
      actions: items.filter((i) => i.kind === 'action').length,
    };
    await audit(tx, { action: 'plan.reminders', targetType: 'plan', basis, details: { scope, returned: items.length } });
    return { today, horizon, scope, counts, items };
  });
}
