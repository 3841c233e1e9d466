/**
 * SQL for 参加支援の希望 (participation_need) and its access facts. A need is a personal record of
 * kind 'participation': owned by the agency that keeps it; when it hangs on a case, the case's lead
 * (主担当) and current 支援チーム agencies are its team. `needVisibleTo` is the SQL twin of that rule
 * for lists: change both together.
 */
import { type ExpressionBuilder, sql } from 'kysely';
import type { RecordFacts } from '../platform/access/index.js';
import type { DbHandle } from '../platform/db/database.js';
import type { Database } from '../platform/db/schema.js';
import { teamAgencies } from '../collaboration/collaboration-facts.js';

export async function findNeed(db: DbHandle, municipalityId: string, needId: string) {
  return db
    .selectFrom('participation_need as n')
    .innerJoin('person as p', (j) => j.onRef('p.municipality_id', '=', 'n.municipality_id').onRef('p.person_id', '=', 'n.person_id'))
    .innerJoin('agency as a', (j) => j.onRef('a.municipality_id', '=', 'n.municipality_id').onRef('a.agency_id', '=', 'n.keeping_agency_id'))
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'n.municipality_id').onRef('u.user_id', '=', 'n.worker_user_id'))
    .leftJoin('support_case as c', (j) => j.onRef('c.municipality_id', '=', 'n.municipality_id').onRef('c.case_id', '=', 'n.case_id'))
    .leftJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'c.municipality_id').onRef('h.household_id', '=', 'c.household_id'))
    .selectAll('n')
    .select([
      'p.family_name',
      'p.given_name',
      'p.family_kana',
      'p.given_kana',
      'p.birth_date',
      'p.confidential',
      'a.name as keeping_agency_name',
      'u.display_name as worker_name',
      'c.lead_agency_id',
      'c.status as case_status',
      'h.label as household_label',
    ])
    .where('n.municipality_id', '=', municipalityId)
    .where('n.need_id', '=', needId)
    .executeTakeFirst();
}
export type NeedRow = NonNullable<Awaited<ReturnType<typeof findNeed>>>;

/** Facts of a need: keeping agency owns it; the case's lead and 支援チーム are its team. */
export async function factsOfNeed(db: DbHandle, municipalityId: string, need: Pick<NeedRow, 'need_id' | 'keeping_agency_id' | 'case_id' | 'lead_agency_id' | 'confidential'>): Promise<RecordFacts> {
  const team = need.case_id ? await teamAgencies(db, municipalityId, [need.case_id]) : [];
  return {
    kind: 'participation',
    municipalityId,
    id: need.need_id,
    ownerAgencyIds: [need.keeping_agency_id],
    teamAgencyIds: [...new Set([...(need.lead_agency_id ? [need.lead_agency_id] : []), ...team])],
    confidential: need.confidential,
  };
}

/** The need and its facts; an unknown need gets facts that grant nothing (→ not_found). */
export async function needFacts(db: DbHandle, municipalityId: string, needId: string): Promise<{ need: NeedRow | undefined; facts: RecordFacts }> {
  const need = await findNeed(db, municipalityId, needId);
  if (!need) return { need, facts: { kind: 'participation', municipalityId, id: needId } };
  return { need, facts: await factsOfNeed(db, municipalityId, need) };
}

/** SQL twin of the need rule for lists: kept by one of the agencies, or on a case they lead or are on the team of. */
export function needVisibleTo(agencyIds: readonly string[]) {
  const agencies = [...agencyIds];
  return (eb: ExpressionBuilder<Database & { n: Database['participation_need'] }, 'n'>) =>
    eb.or([
      eb('n.keeping_agency_id', 'in', agencies),
      eb.exists(
        eb
          .selectFrom('support_case as vc')
          .select(sql`1`.as('one'))
          .whereRef('vc.municipality_id', '=', 'n.municipality_id')
          .whereRef('vc.case_id', '=', 'n.case_id')
          .where((w) =>
            w.or([
              w('vc.lead_agency_id', 'in', agencies),
              w.exists(
                w
                  .selectFrom('support_team_member as vt')
                  .select(sql`1`.as('one'))
                  .whereRef('vt.municipality_id', '=', 'vc.municipality_id')
                  .whereRef('vt.case_id', '=', 'vc.case_id')
                  .where('vt.member_kind', '=', 'agency')
                  .where('vt.left_on', 'is', null)
                  .where('vt.agency_id', 'in', agencies),
              ),
            ]),
          ),
      ),
    ]);
}

/** The need a placement, follow-up or host-support note belongs to. */
export async function needIdOfPlacement(db: DbHandle, municipalityId: string, placementId: string): Promise<string | undefined> {
  const row = await db.selectFrom('participation_placement').select('need_id').where('municipality_id', '=', municipalityId).where('placement_id', '=', placementId).executeTakeFirst();
  return row?.need_id;
}

export async function placementOfFollowup(db: DbHandle, municipalityId: string, followupId: string) {
  return db
    .selectFrom('participation_followup as f')
    .innerJoin('participation_placement as pl', (j) => j.onRef('pl.municipality_id', '=', 'f.municipality_id').onRef('pl.placement_id', '=', 'f.placement_id'))
    .select(['f.followup_id', 'f.done_on', 'f.version', 'f.placement_id', 'pl.need_id', 'pl.status as placement_status'])
    .where('f.municipality_id', '=', municipalityId)
    .where('f.followup_id', '=', followupId)
    .executeTakeFirst();
}
