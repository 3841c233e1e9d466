/**
 * Writes one service with everything nested under it, from a fully resolved `ServiceWrite` (every
 * id known, every reference checked by the caller): the staff form and the HSDS import both end
 * here. The service row is inserted or updated (version + 1, last_modified = now); its nested rows
 * are replaced; its locations are upserted.
 */
import type { DbHandle } from '../platform/db/database.js';
import type { ServiceStatus } from '../platform/db/schema-resources.js';
import { deleteServiceChildren } from './resource.repo.js';

export interface LocationWrite {
  id: string;
  organizationId: string | null;
  locationType: 'physical' | 'postal' | 'virtual';
  name: string | null;
  description: string | null;
  address: string | null;
  postalCode: string | null;
  areaId: string | null;
  latitude: number | null;
  longitude: number | null;
  accessibility: string | null;
}

export interface ServiceWrite {
  id: string;
  organizationId: string;
  name: string;
  alternateName: string | null;
  description: string;
  url: string | null;
  email: string | null;
  phone: string | null;
  status: ServiceStatus;
  applicationProcess: string | null;
  feesDescription: string | null;
  eligibilityDescription: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  capacity: number | null;
  waitlistCount: number | null;
  /** Absent: keep what the row has (the staff form); present: set it (import). */
  assured?: { date: string | null; by: string | null };
  termIds: string[];
  schedules: Array<{
    id: string;
    locationId: string | null;
    /** null: a schedule told only in words (description), as HSDS allows. */
    freq: 'WEEKLY' | 'MONTHLY' | null;
    interval: number;
    byday: string | null;
    bymonthday: string | null;
    opensAt: string | null;
    closesAt: string | null;
    validFrom: string | null;
    validTo: string | null;
    description: string | null;
  }>;
  serviceAreas: Array<{ id: string; areaId: string | null; name: string; description: string | null }>;
  languages: Array<{ id: string; code: string; name: string; note: string | null }>;
  costOptions: Array<{ id: string; option: string | null; amount: number | null; currency: string; amountDescription: string | null }>;
  /** `location` null: an existing location the service is linked to, left as it is. */
  locations: Array<{ serviceAtLocationId: string; description: string | null; locationId: string; location: LocationWrite | null }>;
}

/** Inserts or updates locations (version + 1 on update). */
export async function upsertLocations(db: DbHandle, mid: string, locations: readonly LocationWrite[], now: Date): Promise<void> {
  for (const l of locations) {
    const values = {
      organization_id: l.organizationId,
      location_type: l.locationType,
      name: l.name,
      description: l.description,
      address: l.address,
      postal_code: l.postalCode,
      area_id: l.areaId,
      latitude: l.latitude,
      longitude: l.longitude,
      accessibility: l.accessibility,
      updated_at: now,
    };
    await db
      .insertInto('resource_location')
      .values({ municipality_id: mid, location_id: l.id, ...values, created_at: now })
      .onConflict((oc) => oc.columns(['municipality_id', 'location_id']).doUpdateSet((eb) => ({ ...values, version: eb('resource_location.version', '+', 1) })))
      .execute();
  }
}

/**
 * Writes the service. `expectedVersion` (update) makes it optimistic: zero rows updated → false,
 * and the caller reports a conflict. Returns true when written.
 */
export async function writeService(db: DbHandle, mid: string, w: ServiceWrite, now: Date, mode: { insert: true } | { insert: false; expectedVersion?: number }): Promise<boolean> {
  const fields = {
    organization_id: w.organizationId,
    name: w.name,
    alternate_name: w.alternateName,
    description: w.description,
    url: w.url,
    email: w.email,
    phone: w.phone,
    status: w.status,
    application_process: w.applicationProcess,
    fees_description: w.feesDescription,
    eligibility_description: w.eligibilityDescription,
    minimum_age: w.minimumAge,
    maximum_age: w.maximumAge,
    capacity: w.capacity,
    waitlist_count: w.waitlistCount,
    ...(w.assured ? { assured_date: w.assured.date, assured_by: w.assured.by } : {}),
    last_modified: now,
    updated_at: now,
  };
  if (mode.insert) {
    await db
      .insertInto('resource_service')
      .values({ municipality_id: mid, service_id: w.id, ...fields, created_at: now })
      .execute();
  } else {
    let q = db
      .updateTable('resource_service')
      .set((eb) => ({ ...fields, version: eb('version', '+', 1) }))
      .where('municipality_id', '=', mid)
      .where('service_id', '=', w.id);
    if (mode.expectedVersion !== undefined) q = q.where('version', '=', mode.expectedVersion);
    const updated = await q.executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) return false;
    await deleteServiceChildren(db, mid, [w.id]);
  }
  await upsertLocations(
    db,
    mid,
    w.locations.flatMap((l) => (l.location ? [l.location] : [])),
    now,
  );
  const m = { municipality_id: mid, service_id: w.id };
  if (w.termIds.length > 0)
    await db
      .insertInto('resource_service_term')
      .values(w.termIds.map((term_id) => ({ ...m, term_id })))
      .execute();
  if (w.schedules.length > 0) {
    await db
      .insertInto('resource_schedule')
      .values(
        w.schedules.map((s) => ({
          ...m,
          schedule_id: s.id,
          location_id: s.locationId,
          freq: s.freq,
          interval: s.interval,
          byday: s.byday,
          bymonthday: s.bymonthday,
          opens_at: s.opensAt,
          closes_at: s.closesAt,
          valid_from: s.validFrom,
          valid_to: s.validTo,
          description: s.description,
        })),
      )
      .execute();
  }
  if (w.serviceAreas.length > 0) {
    await db
      .insertInto('resource_service_area')
      .values(w.serviceAreas.map((a) => ({ ...m, service_area_id: a.id, area_id: a.areaId, name: a.name, description: a.description })))
      .execute();
  }
  if (w.languages.length > 0)
    await db
      .insertInto('resource_language')
      .values(w.languages.map((l) => ({ ...m, language_id: l.id, code: l.code, name: l.name, note: l.note })))
      .execute();
  if (w.costOptions.length > 0) {
    await db
      .insertInto('resource_cost_option')
      .values(w.costOptions.map((c) => ({ ...m, cost_option_id: c.id, option: c.option, amount: c.amount, currency: c.currency, amount_description: c.amountDescription })))
      .execute();
  }
  if (w.locations.length > 0) {
    await db
      .insertInto('resource_service_at_location')
      .values(w.locations.map((l) => ({ ...m, service_at_location_id: l.serviceAtLocationId, location_id: l.locationId, description: l.description })))
      .execute();
  }
  return true;
}
