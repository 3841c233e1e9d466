/** SQL and presenter of 協力事業者 (participation_host) and their pipeline history. */
import type { DbHandle } from '../platform/db/database.js';
import { loadVocabulary } from './candidates.repo.js';
import { CAPACITY_HOLDING } from './participation-codes.js';
import { nextHostStages } from './participation-rules.js';

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

export async function findHost(db: DbHandle, municipalityId: string, hostId: string) {
  return db
    .selectFrom('participation_host as h')
    .leftJoin('resource_organization as o', (j) => j.onRef('o.municipality_id', '=', 'h.municipality_id').onRef('o.organization_id', '=', 'h.organization_id'))
    .selectAll('h')
    .select('o.name as organization_name')
    .where('h.municipality_id', '=', municipalityId)
    .where('h.host_id', '=', hostId)
    .executeTakeFirst();
}
export type HostRow = NonNullable<Awaited<ReturnType<typeof findHost>>>;

export async function hostPlaced(db: DbHandle, municipalityId: string, hostId: string): Promise<number> {
  const r = await db
    .selectFrom('participation_placement')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('municipality_id', '=', municipalityId)
    .where('host_id', '=', hostId)
    .where('status', 'in', [...CAPACITY_HOLDING])
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function loadHostView(db: DbHandle, municipalityId: string, host: HostRow) {
  const vocab = await loadVocabulary(db, municipalityId);
  const history = await db
    .selectFrom('participation_host_event as e')
    .innerJoin('app_user as u', (j) => j.onRef('u.municipality_id', '=', 'e.municipality_id').onRef('u.user_id', '=', 'e.recorded_by_user_id'))
    .select(['e.event_id', 'e.from_stage', 'e.to_stage', 'e.occurred_on', 'e.note', 'u.display_name'])
    .where('e.municipality_id', '=', municipalityId)
    .where('e.host_id', '=', host.host_id)
    .orderBy('e.occurred_on')
    .orderBy('e.created_at')
    .orderBy('e.event_id')
    .execute();
  const placed = await hostPlaced(db, municipalityId, host.host_id);
  return {
    id: host.host_id,
    version: host.version,
    name: host.name,
    organizationId: host.organization_id,
    organizationName: host.organization_name,
    areaId: host.area_id,
    areaName: host.area_id ? vocab.area(host.area_id) : null,
    address: host.address,
    contactName: host.contact_name,
    contactPhone: host.contact_phone,
    contactEmail: host.contact_email,
    offers: host.offer_codes.map((code) => ({ code, name: vocab.wish(code) })),
    offerDescription: host.offer_description,
    accommodationCodes: host.accommodation_codes,
    availableDays: host.available_days,
    opensAt: hhmm(host.opens_at),
    closesAt: hhmm(host.closes_at),
    minimumAge: host.minimum_age,
    maximumAge: host.maximum_age,
    capacity: host.capacity,
    placed,
    remaining: host.capacity === null ? null : Math.max(0, host.capacity - placed),
    stage: host.stage,
    registeredOn: host.registered_on,
    nextStages: [...nextHostStages(host.stage)],
    history: history.map((e) => ({ id: e.event_id, fromStage: e.from_stage, toStage: e.to_stage, occurredOn: e.occurred_on, note: e.note, recordedBy: e.display_name })),
  };
}
export type HostView = Awaited<ReturnType<typeof loadHostView>>;

/** The pipeline: every host with its stage and the date it got there. */
export async function listHostRows(db: DbHandle, municipalityId: string) {
  return db
    .selectFrom('participation_host as h')
    .leftJoin('municipal_area as a', (j) => j.onRef('a.municipality_id', '=', 'h.municipality_id').onRef('a.area_id', '=', 'h.area_id'))
    .select([
      'h.host_id',
      'h.name',
      'h.stage',
      'h.offer_codes',
      'h.capacity',
      'h.contact_name',
      'h.registered_on',
      'a.name as area_name',
      (eb) =>
        eb
          .selectFrom('participation_host_event as e')
          .select((x) => x.fn.max('e.occurred_on').as('d'))
          .whereRef('e.municipality_id', '=', 'h.municipality_id')
          .whereRef('e.host_id', '=', 'h.host_id')
          .as('stage_since'),
      (eb) =>
        eb
          .selectFrom('participation_placement as pl')
          .select((x) => x.fn.countAll<string>().as('n'))
          .whereRef('pl.municipality_id', '=', 'h.municipality_id')
          .whereRef('pl.host_id', '=', 'h.host_id')
          .where('pl.status', 'in', [...CAPACITY_HOLDING])
          .as('placed'),
    ])
    .where('h.municipality_id', '=', municipalityId)
    .orderBy('h.name')
    .orderBy('h.host_id')
    .execute();
}
