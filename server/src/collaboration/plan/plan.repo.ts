/** SQL for 支援プラン: plans, their versions (content + action rows), evaluations, and access facts. */
import type { RecordFacts } from '../../platform/access/index.js';
import type { DbHandle } from '../../platform/db/database.js';
import { caseFacts } from '../../consultation/case.repo.js';
import { teamAgencies } from '../collaboration-facts.js';
import { PlanContent } from './plan-content.js';

export async function findPlan(db: DbHandle, municipalityId: string, planId: string) {
  return db
    .selectFrom('support_plan as p')
    .innerJoin('support_case as c', (j) => j.onRef('c.municipality_id', '=', 'p.municipality_id').onRef('c.case_id', '=', 'p.case_id'))
    .innerJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'c.municipality_id').onRef('h.household_id', '=', 'c.household_id'))
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'c.municipality_id').onRef('a.agency_id', '=', 'c.lead_agency_id'))
    .selectAll('p')
    .select(['c.status as case_status', 'c.lead_agency_id', 'h.label as household_label', 'a.name as lead_agency_name'])
    .where('p.municipality_id', '=', municipalityId)
    .where('p.plan_id', '=', planId)
    .executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

/** A plan is read and changed like its case (lead, 支援チーム; meeting members read). */
export async function planCaseFacts(db: DbHandle, municipalityId: string, caseId: string, planId?: string): Promise<RecordFacts> {
  const f = await caseFacts(db, municipalityId, caseId);
  return f ? { ...f, kind: 'plan', ...(planId ? { id: planId } : {}) } : { kind: 'plan', municipalityId, ...(planId ? { id: planId } : {}) };
}

/** The plan and its facts; an unknown plan gets facts that grant nothing (→ not_found). */
export async function planFacts(db: DbHandle, municipalityId: string, planId: string): Promise<{ plan: PlanRow | undefined; facts: RecordFacts }> {
  const plan = await findPlan(db, municipalityId, planId);
  if (!plan) return { plan, facts: { kind: 'plan', municipalityId, id: planId } };
  return { plan, facts: await planCaseFacts(db, municipalityId, plan.case_id, planId) };
}

/** Agencies an action may name: the case's lead and its current 支援チーム agencies. */
export async function allowedActionAgencies(db: DbHandle, municipalityId: string, caseId: string, leadAgencyId: string): Promise<string[]> {
  return [...new Set([leadAgencyId, ...(await teamAgencies(db, municipalityId, [caseId]))])];
}

export async function listVersions(db: DbHandle, municipalityId: string, planId: string) {
  return db
    .selectFrom('support_plan_version as v')
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'v.municipality_id').onRef('u.user_id', '=', 'v.created_by_user_id'))
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'v.municipality_id').onRef('a.agency_id', '=', 'v.created_by_agency_id'))
    .leftJoin('meeting as m', (j) => j.onRef('m.municipality_id', '=', 'v.municipality_id').onRef('m.meeting_id', '=', 'v.approved_meeting_id'))
    .select(['v.version_no', 'v.created_at', 'v.change_note', 'v.approved_on', 'v.approved_meeting_id', 'v.next_review_on', 'u.display_name', 'a.name as agency_name', 'm.title as meeting_title', 'm.scheduled_at as meeting_at'])
    .where('v.municipality_id', '=', municipalityId)
    .where('v.plan_id', '=', planId)
    .orderBy('v.version_no')
    .execute();
}
export type VersionRow = Awaited<ReturnType<typeof listVersions>>[number];

/** One version's content, with the actions' 完了 and agency names from the action rows. */
export async function loadVersionContent(db: DbHandle, municipalityId: string, planId: string, versionNo: number) {
  const row = await db
    .selectFrom('support_plan_version')
    .select(['content'])
    .where('municipality_id', '=', municipalityId)
    .where('plan_id', '=', planId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
  if (!row) return null;
  const content = PlanContent.parse(typeof row.content === 'string' ? JSON.parse(row.content) : row.content);
  const actions = await db
    .selectFrom('support_plan_action as x')
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'x.municipality_id').onRef('a.agency_id', '=', 'x.agency_id'))
    .select(['x.action_no', 'x.done_on', 'a.name'])
    .where('x.municipality_id', '=', municipalityId)
    .where('x.plan_id', '=', planId)
    .where('x.version_no', '=', versionNo)
    .orderBy('x.action_no')
    .execute();
  // The action rows hold 完了 (set after the version was written); the stored content never changes.
  const merged: PlanContent = { ...content, actions: content.actions.map((a, i) => ({ ...a, doneOn: actions[i] ? actions[i].done_on : a.doneOn })) };
  return { content: merged, actionRows: actions };
}

/** Writes a version and one support_plan_action row per action (action_no = position + 1). */
export async function insertVersion(
  db: DbHandle,
  v: { municipalityId: string; planId: string; versionNo: number; content: PlanContent; changeNote: string | null; userId: string; agencyId: string; at: Date },
) {
  await db
    .insertInto('support_plan_version')
    .values({
      municipality_id: v.municipalityId,
      plan_id: v.planId,
      version_no: v.versionNo,
      content: JSON.stringify(v.content),
      next_review_on: v.content.nextReviewOn,
      change_note: v.changeNote,
      created_by_user_id: v.userId,
      created_by_agency_id: v.agencyId,
      created_at: v.at,
    })
    .execute();
  if (v.content.actions.length === 0) return;
  await db
    .insertInto('support_plan_action')
    .values(
      v.content.actions.map((a, i) => ({
        municipality_id: v.municipalityId,
        plan_id: v.planId,
        version_no: v.versionNo,
        action_no: i + 1,
        agency_id: a.agencyId,
        owner_name: a.ownerName,
        description: a.description,
        due_on: a.dueOn,
        done_on: a.doneOn,
      })),
    )
    .execute();
}

export async function listEvaluations(db: DbHandle, municipalityId: string, planId: string) {
  return db
    .selectFrom('support_plan_evaluation as e')
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'e.municipality_id').onRef('u.user_id', '=', 'e.created_by_user_id'))
    .leftJoin('meeting as m', (j) => j.onRef('m.municipality_id', '=', 'e.municipality_id').onRef('m.meeting_id', '=', 'e.meeting_id'))
    .select(['e.evaluation_id', 'e.version_no', 'e.evaluated_on', 'e.goals', 'e.summary', 'e.meeting_id', 'e.created_at', 'u.display_name', 'm.title as meeting_title'])
    .where('e.municipality_id', '=', municipalityId)
    .where('e.plan_id', '=', planId)
    .orderBy('e.evaluated_on', 'desc')
    .orderBy('e.created_at', 'desc')
    .execute();
}

/** The plan that re-plans this one (再プラン), if any. */
export async function replacedBy(db: DbHandle, municipalityId: string, planId: string): Promise<string | null> {
  const row = await db.selectFrom('support_plan').select('plan_id').where('municipality_id', '=', municipalityId).where('replaces_plan_id', '=', planId).executeTakeFirst();
  return row?.plan_id ?? null;
}

/** The actor's agency that acts on the case: lead or 支援チーム, else their first agency. */
export function actingAgencyFor(actorAgencyIds: readonly string[], facts: RecordFacts): string {
  const related = [...(facts.ownerAgencyIds ?? []), ...(facts.teamAgencyIds ?? [])];
  return actorAgencyIds.find((id) => related.includes(id)) ?? actorAgencyIds[0] ?? '';
}
