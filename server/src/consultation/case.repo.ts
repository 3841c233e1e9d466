import { sql } from 'kysely';
import type { RecordFacts } from '../platform/access/index.js';
import type { DbHandle } from '../platform/db/database.js';
import { caseIdList, meetingRowsSql, teamAgenciesSql, toMeetingFact } from '../collaboration/collaboration-facts.js';
import { referralRowsSql, toReferralFact } from '../referral/referral-facts.js';

/**
 * A case belongs to its current lead agency (主担当); its 支援チーム works on it; meetings with it on the
 * agenda and open referrals on it let their members / receiver read it. One statement.
 */
export async function caseFacts(db: DbHandle, municipalityId: string, caseId: string): Promise<RecordFacts | null> {
  return (await caseFactsAndRow(db, municipalityId, caseId))?.facts ?? null;
}

/** caseFacts with the case's key columns, for use cases that go on to read the case (one statement). */
export async function caseFactsAndRow(db: DbHandle, municipalityId: string, caseId: string) {
  const thisCase = caseIdList([caseId]);
  const row = await db
    .selectFrom('support_case as k')
    .select([
      'k.case_id',
      'k.household_id',
      'k.lead_agency_id',
      teamAgenciesSql(municipalityId, thisCase).as('team'),
      meetingRowsSql(municipalityId, thisCase).as('meetings'),
      referralRowsSql(municipalityId, sql<boolean>`r.case_id = k.case_id`).as('referrals'),
    ])
    .where('k.municipality_id', '=', municipalityId)
    .where('k.case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  const facts: RecordFacts = {
    kind: 'case',
    municipalityId,
    id: caseId,
    ownerAgencyIds: [row.lead_agency_id],
    teamAgencyIds: row.team,
    meetings: row.meetings.map(toMeetingFact),
    referrals: row.referrals.map(toReferralFact),
  };
  return { facts, kase: { case_id: row.case_id, household_id: row.household_id, lead_agency_id: row.lead_agency_id, team_agency_ids: row.team } };
}

export async function loadCase(db: DbHandle, municipalityId: string, caseId: string) {
  const row = await db
    .selectFrom('support_case as c')
    .innerJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'c.municipality_id').onRef('h.household_id', '=', 'c.household_id'))
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'c.municipality_id').onRef('a.agency_id', '=', 'c.lead_agency_id'))
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'c.municipality_id').onRef('u.user_id', '=', 'c.opened_by_user_id'))
    .selectAll('c')
    .select(['h.label as household_label', 'a.name as lead_agency_name', 'u.display_name as opened_by'])
    .where('c.municipality_id', '=', municipalityId)
    .where('c.case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) return null;
  const periods = await db
    .selectFrom('case_lead_period as p')
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'p.municipality_id').onRef('a.agency_id', '=', 'p.agency_id'))
    .select(['p.agency_id', 'a.name', 'p.started_at', 'p.ended_at'])
    .where('p.municipality_id', '=', municipalityId)
    .where('p.case_id', '=', caseId)
    .orderBy('p.started_at')
    .execute();
  const pending = await db
    .selectFrom('case_lead_transfer as t')
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 't.municipality_id').onRef('a.agency_id', '=', 't.to_agency_id'))
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 't.municipality_id').onRef('u.user_id', '=', 't.requested_by_user_id'))
    .select(['t.transfer_id', 't.to_agency_id', 'a.name', 't.reason', 't.requested_at', 'u.display_name'])
    .where('t.municipality_id', '=', municipalityId)
    .where('t.case_id', '=', caseId)
    .where('t.status', '=', 'requested')
    .executeTakeFirst();
  return { row, periods, pending };
}

export type LoadedCase = NonNullable<Awaited<ReturnType<typeof loadCase>>>;

/** Presenter for a case. */
export function toCaseView({ row, periods, pending }: LoadedCase) {
  const iso = (d: Date | string) => new Date(d).toISOString();
  return {
    id: row.case_id,
    householdId: row.household_id,
    householdLabel: row.household_label,
    status: row.status,
    leadAgencyId: row.lead_agency_id,
    leadAgencyName: row.lead_agency_name,
    openedOn: row.opened_on,
    openedBy: row.opened_by,
    openingNote: row.opening_note,
    closedOn: row.closed_on,
    closeReason: row.close_reason,
    version: row.version,
    leadHistory: periods.map((p) => ({ agencyId: p.agency_id, agencyName: p.name, from: iso(p.started_at), to: p.ended_at ? iso(p.ended_at) : null })),
    pendingTransfer: pending
      ? { id: pending.transfer_id, toAgencyId: pending.to_agency_id, toAgencyName: pending.name, reason: pending.reason, requestedAt: iso(pending.requested_at), requestedBy: pending.display_name }
      : null,
  };
}
export type CaseView = ReturnType<typeof toCaseView>;

/** Ends the current lead period and starts the next one (same instant: no gap, no overlap). */
export async function changeLead(db: DbHandle, municipalityId: string, caseId: string, toAgencyId: string, at: Date) {
  await db
    .updateTable('case_lead_period')
    .set({ ended_at: at })
    .where('municipality_id', '=', municipalityId)
    .where('case_id', '=', caseId)
    .where('ended_at', 'is', null)
    .execute();
  await db.insertInto('case_lead_period').values({ municipality_id: municipalityId, case_id: caseId, agency_id: toAgencyId, started_at: at }).execute();
}
