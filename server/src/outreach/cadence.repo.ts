/**
 * つながり続ける: contact cadences of open leads and open cases with the last contact made — the
 * latest contact attempt (of the lead, or of the leads that moved to the case) or 支援経過記録 of the
 * case. The lapse itself is the pure rule cadenceState().
 */
import { type SqlBool, sql } from 'kysely';
import type { DbHandle } from '../platform/db/database.js';
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { type CadenceState, cadenceState } from './lead-rules.js';

export interface CadenceRow extends CadenceState {
  cadenceId: string;
  leadId: string | null;
  caseId: string | null;
  intervalDays: number;
  startsOn: string;
  version: number;
  /** The agency that owns the subject (the lead's holder, the case's 主担当). */
  ownerAgencyId: string;
  /** The worker the alert is for: the lead's 担当者, else whoever set the cadence. */
  workerUserId: string;
  workerName: string;
  /** Who it is about: the lead's description (or the identified person), or the household. */
  label: string;
}

export interface CadenceFilter {
  leadId?: string;
  caseId?: string;
  /** Only subjects owned by one of these agencies, or cadences one of them set (a 支援チーム member). */
  agencyIds?: readonly string[];
  /** Only the alerts of this worker. */
  workerUserId?: string;
}

/** Cadences whose subject is still in ongoing support (lead open/in contact, case open). */
export async function loadCadences(db: DbHandle, municipalityId: string, filter: CadenceFilter, now: Date): Promise<CadenceRow[]> {
  let q = db
    .selectFrom('contact_cadence as c')
    .leftJoin('outreach_lead as l', (j) => j.onRef('l.municipality_id', '=', 'c.municipality_id').onRef('l.lead_id', '=', 'c.lead_id'))
    .leftJoin('person as lp', (j) => j.onRef('lp.municipality_id', '=', 'l.municipality_id').onRef('lp.person_id', '=', 'l.person_id'))
    .leftJoin('support_case as k', (j) => j.onRef('k.municipality_id', '=', 'c.municipality_id').onRef('k.case_id', '=', 'c.case_id'))
    .leftJoin('household as h', (j) => j.onRef('h.municipality_id', '=', 'k.municipality_id').onRef('h.household_id', '=', 'k.household_id'))
    .innerJoin('app_user as w', (j) =>
      j.onRef('w.municipality_id', '=', 'c.municipality_id').on((eb) => eb('w.user_id', '=', eb.fn.coalesce('l.assigned_user_id', 'c.set_by_user_id'))),
    )
    .select([
      'c.cadence_id',
      'c.lead_id',
      'c.case_id',
      'c.interval_days',
      'c.starts_on',
      'c.version',
      'w.user_id as worker_user_id',
      'w.display_name as worker_name',
      sql<string>`coalesce(l.agency_id, k.lead_agency_id)`.as('owner_agency_id'),
      sql<string>`coalesce(nullif(trim(coalesce(lp.family_name, '') || ' ' || coalesce(lp.given_name, '')), ''), l.person_description, h.label)`.as('label'),
      sql<Date | null>`(select max(a.occurred_at) from contact_attempt a
        where a.municipality_id = c.municipality_id and (a.lead_id = c.lead_id
          or a.lead_id in (select x.lead_id from outreach_lead x where x.municipality_id = c.municipality_id and x.case_id = c.case_id)))`.as('last_attempt_at'),
      sql<string | null>`(select max(n.occurred_on)::text from progress_note n where n.municipality_id = c.municipality_id and n.case_id = c.case_id)`.as('last_note_on'),
    ])
    .where('c.municipality_id', '=', municipalityId)
    .where(sql<SqlBool>`(l.status in ('open', 'in_contact') or k.status = 'open')`);
  if (filter.leadId) q = q.where('c.lead_id', '=', filter.leadId);
  if (filter.caseId) q = q.where('c.case_id', '=', filter.caseId);
  if (filter.agencyIds) {
    if (filter.agencyIds.length === 0) return [];
    const ids = [...filter.agencyIds];
    q = q.where((eb) => eb.or([eb(sql<string>`coalesce(l.agency_id, k.lead_agency_id)`, 'in', ids), eb('c.agency_id', 'in', ids)]));
  }
  if (filter.workerUserId) q = q.where('w.user_id', '=', filter.workerUserId);
  const rows = await q.execute();
  const today = isoDayInJapan(now);
  return rows.map((r) => {
    const attemptDay = r.last_attempt_at ? isoDayInJapan(new Date(r.last_attempt_at)) : null;
    const last = [attemptDay, r.last_note_on].filter((d): d is string => !!d).sort().pop() ?? null;
    return {
      cadenceId: r.cadence_id,
      leadId: r.lead_id,
      caseId: r.case_id,
      intervalDays: r.interval_days,
      startsOn: r.starts_on,
      version: r.version,
      ownerAgencyId: r.owner_agency_id,
      workerUserId: r.worker_user_id,
      workerName: r.worker_name,
      label: r.label,
      ...cadenceState({ startsOn: r.starts_on, lastContactOn: last, intervalDays: r.interval_days, today }),
    };
  });
}
