/** Presenter of a 参加支援の希望: the wishes and constraints, its placements, 定着支援 and 受け入れ先支援. */
import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import type { Ctx } from '../platform/context.js';
import type { DbHandle } from '../platform/db/database.js';
import { loadVocabulary } from './candidates.repo.js';
import type { NeedConstraints } from './matching.js';
import type { NeedRow } from './need.repo.js';
import { NEED_CODES, type NeedCode, type Weekday } from './participation-codes.js';
import { ageOn, isFollowupOverdue, nextPlacementStatuses } from './participation-rules.js';

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

/** The need's constraints as the matcher reads them, with the person's age today. */
export function constraintsOf(need: NeedRow, today: string): NeedConstraints {
  return {
    wishCodes: need.wish_codes,
    areaIds: need.preferred_area_ids,
    days: need.available_days as Weekday[],
    timeFrom: hhmm(need.available_from),
    timeTo: hhmm(need.available_to),
    age: ageOn(need.birth_date, today),
    needCodes: need.need_codes.filter((c): c is NeedCode => c in NEED_CODES),
    startWishOn: need.start_wish_on,
    acceptsWaitlist: need.accepts_waitlist,
  };
}

async function loadPlacements(db: DbHandle, municipalityId: string, needId: string, today: string) {
  const placements = await db
    .selectFrom('participation_placement as pl')
    .leftJoin('resource_service as s', (j) => j.onRef('s.municipality_id', '=', 'pl.municipality_id').onRef('s.service_id', '=', 'pl.service_id'))
    .leftJoin('resource_organization as o', (j) => j.onRef('o.municipality_id', '=', 's.municipality_id').onRef('o.organization_id', '=', 's.organization_id'))
    .leftJoin('participation_host as h', (j) => j.onRef('h.municipality_id', '=', 'pl.municipality_id').onRef('h.host_id', '=', 'pl.host_id'))
    .selectAll('pl')
    .select(['s.name as service_name', 'o.name as organization_name', 's.capacity as service_capacity', 'h.name as host_name', 'h.capacity as host_capacity'])
    .where('pl.municipality_id', '=', municipalityId)
    .where('pl.need_id', '=', needId)
    .orderBy('pl.start_on', 'desc')
    .orderBy('pl.placement_id', 'desc')
    .execute();
  if (placements.length === 0) return [];
  const ids = placements.map((p) => p.placement_id);
  const followups = await db
    .selectFrom('participation_followup as f')
    .leftJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'f.municipality_id').onRef('u.user_id', '=', 'f.done_by_user_id'))
    .selectAll('f')
    .select('u.display_name')
    .where('f.municipality_id', '=', municipalityId)
    .where('f.placement_id', 'in', ids)
    .orderBy('f.due_on')
    .orderBy('f.followup_id')
    .execute();
  const notes = await db
    .selectFrom('participation_host_support as s')
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 's.municipality_id').onRef('u.user_id', '=', 's.recorded_by_user_id'))
    .selectAll('s')
    .select('u.display_name')
    .where('s.municipality_id', '=', municipalityId)
    .where('s.placement_id', 'in', ids)
    .orderBy('s.supported_on', 'desc')
    .orderBy('s.note_id', 'desc')
    .execute();
  // Places still free at each target, counting every running placement there (not only this need's).
  const targets = placements.map((p) => (p.service_id ? { col: 'service_id' as const, id: p.service_id } : { col: 'host_id' as const, id: p.host_id! }));
  const held = new Map<string, number>();
  for (const t of targets) {
    if (held.has(t.id)) continue;
    const r = await db
      .selectFrom('participation_placement')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('municipality_id', '=', municipalityId)
      .where(t.col, '=', t.id)
      .where('status', 'in', ['arranging', 'active'])
      .executeTakeFirstOrThrow();
    held.set(t.id, Number(r.n));
  }
  return placements.map((p) => {
    const targetId = (p.service_id ?? p.host_id)!;
    const capacity = p.service_id ? p.service_capacity : p.host_capacity;
    return {
      id: p.placement_id,
      version: p.version,
      targetKind: p.service_id ? ('service' as const) : ('host' as const),
      targetId,
      targetName: (p.service_id ? p.service_name : p.host_name) ?? '',
      organizationName: p.organization_name,
      startOn: p.start_on,
      hostContact: p.host_contact,
      status: p.status,
      nextStatuses: [...nextPlacementStatuses(p.status)],
      endedOn: p.ended_on,
      endReason: p.end_reason,
      matchReasons: p.match_reasons,
      capacity,
      remaining: capacity === null ? null : Math.max(0, capacity - (held.get(targetId) ?? 0)),
      followups: followups
        .filter((f) => f.placement_id === p.placement_id)
        .map((f) => ({
          id: f.followup_id,
          version: f.version,
          label: f.label,
          dueOn: f.due_on,
          doneOn: f.done_on,
          condition: f.condition,
          note: f.note,
          doneBy: f.display_name,
          overdue: isFollowupOverdue({ dueOn: f.due_on, doneOn: f.done_on }, p.status, today),
        })),
      hostSupport: notes
        .filter((n) => n.placement_id === p.placement_id)
        .map((n) => ({ id: n.note_id, supportedOn: n.supported_on, kind: n.kind, note: n.note, recordedBy: n.display_name })),
    };
  });
}

export async function loadNeedView(tx: Ctx, need: NeedRow) {
  const mid = tx.actor.municipalityId;
  const today = isoDayInJapan(tx.now);
  const vocab = await loadVocabulary(tx.db, mid);
  return {
    id: need.need_id,
    version: need.version,
    status: need.status,
    openedOn: need.opened_on,
    closedOn: need.closed_on,
    closeReason: need.close_reason,
    person: {
      id: need.person_id,
      name: `${need.family_name} ${need.given_name}`.trim(),
      kana: [need.family_kana, need.given_kana].filter(Boolean).join(' ') || null,
      birthDate: need.birth_date,
      age: ageOn(need.birth_date, today),
    },
    caseId: need.case_id,
    householdLabel: need.household_label,
    keepingAgencyId: need.keeping_agency_id,
    keepingAgencyName: need.keeping_agency_name,
    workerName: need.worker_name,
    wishes: need.wish_codes.map((code) => ({ code, name: vocab.wish(code) })),
    personWords: need.person_words,
    preferredAreas: need.preferred_area_ids.map((id) => ({ id, name: vocab.area(id) })),
    availableDays: need.available_days,
    availableFrom: hhmm(need.available_from),
    availableTo: hhmm(need.available_to),
    needCodes: need.need_codes,
    needsNote: need.needs_note,
    startWishOn: need.start_wish_on,
    acceptsWaitlist: need.accepts_waitlist,
    placements: await loadPlacements(tx.db, mid, need.need_id, today),
  };
}
export type NeedView = Awaited<ReturnType<typeof loadNeedView>>;
