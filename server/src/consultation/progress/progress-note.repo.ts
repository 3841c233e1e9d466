import { type ExpressionBuilder, sql } from 'kysely';
import type { Actor } from '../../platform/access/actor.js';
import { authorize } from '../../platform/access/authorize.js';
import type { Action, RecordFacts } from '../../platform/access/index.js';
import type { Ctx } from '../../platform/context.js';
import type { DbHandle } from '../../platform/db/database.js';
import type { Database, ProgressNoteKind } from '../../platform/db/schema.js';
import { AppError } from '../../platform/http/errors.js';
import { teamAgencies } from '../../collaboration/collaboration-facts.js';
import { referralFactsFor } from '../../referral/referral-facts.js';
import { SHARING_STATUSES } from '../../referral/referral-states.js';

/** 支援経過記録の種別: code → label (UI, CSV). */
export const PROGRESS_NOTE_KINDS = ['interview', 'phone', 'visit', 'accompany', 'email', 'meeting', 'coordination'] as const satisfies readonly ProgressNoteKind[];
export const KIND_LABELS: Record<ProgressNoteKind, string> = {
  interview: '面談',
  phone: '電話',
  visit: '訪問',
  accompany: '同行',
  email: 'メール',
  meeting: '会議',
  coordination: '連絡調整',
};

/**
 * Facts for the notes of a case as a whole ('create', 'list', 'export'): they belong to the case's
 * current lead (主担当); the receiver of an open referral on the case may list them and, once it
 * accepted, write notes (the policy's referral rule). Change noteVisibleTo together with these.
 */
export async function caseNoteFacts(db: DbHandle, municipalityId: string, caseId: string): Promise<RecordFacts | null> {
  const row = await db
    .selectFrom('support_case')
    .select('lead_agency_id')
    .where('municipality_id', '=', municipalityId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  const referrals = await referralFactsFor(db, municipalityId, { caseId });
  const teamAgencyIds = await teamAgencies(db, municipalityId, [caseId]);
  return { kind: 'progress_note', municipalityId, id: caseId, ownerAgencyIds: [row.lead_agency_id], teamAgencyIds, referrals };
}

/** Facts for one note ('read', 'update'): the case's current lead, the agency that wrote it, and referrals it is attached to. */
export async function progressNoteFacts(db: DbHandle, municipalityId: string, noteId: string): Promise<RecordFacts | null> {
  const row = await db
    .selectFrom('progress_note as n')
    .innerJoin('support_case as c', (j) => j.onRef('c.municipality_id', '=', 'n.municipality_id').onRef('c.case_id', '=', 'n.case_id'))
    .select(['c.lead_agency_id', 'c.case_id', 'n.author_agency_id'])
    .where('n.municipality_id', '=', municipalityId)
    .where('n.progress_note_id', '=', noteId)
    .executeTakeFirst();
  if (!row) return null;
  const referrals = await referralFactsFor(db, municipalityId, { attachment: { kind: 'progress_note', id: noteId } });
  const teamAgencyIds = await teamAgencies(db, municipalityId, [row.case_id]);
  return { kind: 'progress_note', municipalityId, id: noteId, ownerAgencyIds: [...new Set([row.lead_agency_id, row.author_agency_id])], teamAgencyIds, referrals };
}

/**
 * The list rule, SQL twin of the facts above: the case lead's and 支援チーム agencies see every note of the case;
 * any other agency that was allowed to list (a referral recipient) sees the notes its own agency
 * wrote and those the sender attached to an open referral to it. Change this and
 * caseNoteFacts/progressNoteFacts together.
 */
export function noteVisibleTo(actor: Actor, leadAgencyId: string, teamAgencyIds: readonly string[] = []) {
  const agencies = [...actor.agencyIds];
  return (eb: ExpressionBuilder<Database & { n: Database['progress_note'] }, 'n'>) => {
    if (agencies.includes(leadAgencyId) || agencies.some((a) => teamAgencyIds.includes(a))) return eb.lit(true);
    if (agencies.length === 0) return eb.lit(false);
    return eb.or([
      eb('n.author_agency_id', 'in', agencies),
      eb.exists(
        eb
          .selectFrom('referral_attachment as ra')
          .innerJoin('referral as r', (j) => j.onRef('r.municipality_id', '=', 'ra.municipality_id').onRef('r.referral_id', '=', 'ra.referral_id'))
          .select(sql`1`.as('one'))
          .whereRef('ra.municipality_id', '=', 'n.municipality_id')
          .where('ra.record_kind', '=', 'progress_note')
          .whereRef('ra.record_id', '=', 'n.progress_note_id')
          .where('r.to_agency_id', 'in', agencies)
          .where('r.status', 'in', [...SHARING_STATUSES]),
      ),
    ]);
  };
}

/**
 * authorize() for the notes of one case. The case id is in the URL, so refusing must not confirm
 * the case exists: a refusal is not_found (the denial record, audited after rollback, is kept).
 */
export function authorizeCaseNotes(ctx: Ctx, action: Extract<Action, 'create' | 'list' | 'export'>, caseId: string, facts: RecordFacts | null, auditAction?: string): string {
  try {
    return authorize(ctx, action, facts ?? { kind: 'progress_note', municipalityId: ctx.actor.municipalityId, id: caseId }, auditAction ? { auditAction } : {});
  } catch (err) {
    if (err instanceof AppError && err.code === 'forbidden' && err.denial) throw new AppError('not_found', undefined, undefined, err.denial);
    throw err;
  }
}

/** The case a note list hangs from: household label, lead, status. */
export async function loadCaseHeader(db: DbHandle, municipalityId: string, caseId: string) {
  return db
    .selectFrom('support_case as c')
    .innerJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'c.municipality_id').onRef('h.household_id', '=', 'c.household_id'))
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'c.municipality_id').onRef('a.agency_id', '=', 'c.lead_agency_id'))
    .select(['c.case_id', 'c.household_id', 'c.status', 'c.lead_agency_id', 'h.label as household_label', 'a.name as lead_agency_name'])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.case_id', '=', caseId)
    .executeTakeFirst();
}
export type CaseHeader = NonNullable<Awaited<ReturnType<typeof loadCaseHeader>>>;

function selectNotes(db: DbHandle, municipalityId: string) {
  return db
    .selectFrom('progress_note as n')
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'n.municipality_id').onRef('a.agency_id', '=', 'n.author_agency_id'))
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'n.municipality_id').onRef('u.user_id', '=', 'n.author_user_id'))
    .leftJoin('person as p', (j) => j.onRef('p.municipality_id', '=', 'n.municipality_id').onRef('p.person_id', '=', 'n.person_id'))
    .selectAll('n')
    .select(['a.name as author_agency_name', 'u.display_name as author_name', 'p.family_name', 'p.given_name'])
    .where('n.municipality_id', '=', municipalityId);
}

/** 経過一覧: the notes of a case the actor may see, oldest first (date, time — untimed last —, entry). */
export async function loadTimeline(db: DbHandle, actor: Actor, kase: CaseHeader) {
  const team = await teamAgencies(db, actor.municipalityId, [kase.case_id]);
  return selectNotes(db, actor.municipalityId)
    .where('n.case_id', '=', kase.case_id)
    .where(noteVisibleTo(actor, kase.lead_agency_id, team))
    .orderBy('n.occurred_on')
    .orderBy(sql`n.occurred_time asc nulls last`)
    .orderBy('n.created_at')
    .orderBy('n.progress_note_id')
    .execute();
}

export async function loadNote(db: DbHandle, municipalityId: string, noteId: string) {
  return selectNotes(db, municipalityId).where('n.progress_note_id', '=', noteId).executeTakeFirst();
}
export type NoteRow = NonNullable<Awaited<ReturnType<typeof loadNote>>>;

/** Presenter for one note; `editable` = written by one of the actor's agencies. */
export function toNoteView(row: NoteRow, actor: Actor) {
  return {
    id: row.progress_note_id,
    caseId: row.case_id,
    occurredOn: row.occurred_on,
    occurredTime: row.occurred_time,
    kind: row.kind,
    kindLabel: KIND_LABELS[row.kind],
    subject: row.subject,
    body: row.body,
    personId: row.person_id,
    personName: row.family_name === null ? null : [row.family_name, row.given_name].filter(Boolean).join(' '),
    nextAction: row.next_action,
    nextActionDue: row.next_action_due,
    authorAgencyId: row.author_agency_id,
    authorAgencyName: row.author_agency_name,
    authorName: row.author_name,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
    editable: actor.agencyIds.includes(row.author_agency_id),
  };
}
export type NoteView = ReturnType<typeof toNoteView>;

/** Whether the person is a current member (not left) of the household. */
export async function isCurrentMember(db: DbHandle, municipalityId: string, householdId: string, personId: string): Promise<boolean> {
  const row = await db
    .selectFrom('household_membership')
    .select('membership_id')
    .where('municipality_id', '=', municipalityId)
    .where('household_id', '=', householdId)
    .where('person_id', '=', personId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
