/**
 * Fixed fixtures for the indicator tests: rows inserted straight into the tables (no use case, no
 * demo data in the way), so each count can be worked out by hand from the lines of a test.
 */
import type { Kysely } from 'kysely';
import type { ConsultationRoute, Database } from '../platform/db/schema.js';
import type { PlacementStatus } from '../platform/db/schema-participation.js';
import { newId } from '../platform/db/ids.js';

export interface FixtureBase {
  municipalityId: string;
  userId: string;
  /** Agencies by key, created in this fixture. */
  agency: Record<string, string>;
}

/** A municipality of its own with one user and the given agencies (`area` = the 圏域 name they serve). */
export async function createFixtureMunicipality(db: Kysely<Database>, agencies: Record<string, string | null>): Promise<FixtureBase> {
  const municipalityId = newId();
  const code = `98${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
  await db.insertInto('municipality').values({ municipality_id: municipalityId, code, name: `検証市${code}`, prefecture_code: '98', prefecture_name: '検証県', population: 10_000 }).execute();
  return addFixtureAgencies(db, municipalityId, agencies);
}

/** Agencies (and one staff user) added to an existing municipality. */
export async function addFixtureAgencies(db: Kysely<Database>, municipalityId: string, agencies: Record<string, string | null>): Promise<FixtureBase> {
  const agency: Record<string, string> = {};
  for (const [key, area] of Object.entries(agencies)) {
    agency[key] = newId();
    await db.insertInto('agency').values({ municipality_id: municipalityId, agency_id: agency[key], kind: 'chiiki_houkatsu', name: `検証${key}`, area }).execute();
  }
  const userId = newId();
  await db
    .insertInto('app_user')
    .values({ municipality_id: municipalityId, user_id: userId, login_name: `fixture-${userId}`, display_name: '検証 担当', password_hash: 'x', roles: [], password_changed_at: new Date() })
    .execute();
  return { municipalityId, userId, agency };
}

export class Fixture {
  constructor(
    readonly db: Kysely<Database>,
    readonly base: FixtureBase,
  ) {}

  get mid() {
    return this.base.municipalityId;
  }

  async person(agencyId: string): Promise<string> {
    const id = newId();
    await this.db.insertInto('person').values({ municipality_id: this.mid, person_id: id, family_name: '検証', given_name: id.slice(-6), name_key: `検証${id}`, registered_by_agency_id: agencyId }).execute();
    return id;
  }

  async consultation(agencyId: string, receivedOn: string, o: { route?: ConsultationRoute; personId?: string; categories?: string[] } = {}): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('consultation')
      .values({
        municipality_id: this.mid,
        consultation_id: id,
        received_on: receivedOn,
        receiving_agency_id: agencyId,
        received_by_user_id: this.base.userId,
        route: o.route ?? 'visit',
        visitor_kind: 'self',
        person_id: o.personId ?? null,
        categories: o.categories ?? [],
        primary_category: o.categories?.[0] ?? null,
        summary: '検証',
      })
      .execute();
    return id;
  }

  async need(personId: string, agencyId: string, openedOn: string, closedOn: string | null = null): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('participation_need')
      .values({ municipality_id: this.mid, need_id: id, person_id: personId, keeping_agency_id: agencyId, worker_user_id: this.base.userId, opened_on: openedOn, closed_on: closedOn, status: closedOn ? 'closed' : 'active' })
      .execute();
    return id;
  }

  async placement(needId: string, hostId: string, startOn: string, status: PlacementStatus, endedOn: string | null = null): Promise<void> {
    await this.db
      .insertInto('participation_placement')
      .values({ municipality_id: this.mid, placement_id: newId(), need_id: needId, host_id: hostId, start_on: startOn, status, ended_on: endedOn, created_by_user_id: this.base.userId })
      .execute();
  }

  async host(registeredOn: string | null, areaId: string | null = null): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('participation_host')
      .values({ municipality_id: this.mid, host_id: id, name: '検証事業者', area_id: areaId, stage: registeredOn ? 'registered' : 'candidate', registered_on: registeredOn, created_by_user_id: this.base.userId })
      .execute();
    return id;
  }

  async partner(name: string): Promise<string> {
    const id = newId();
    await this.db.insertInto('community_partner').values({ municipality_id: this.mid, partner_id: id, name, kind: 'npo' }).execute();
    return id;
  }

  /** A 拠点 with one weekly activity; returns the activity id (sessions hang on it). */
  async place(openedOn: string | null, closedOn: string | null = null, areaId: string | null = null): Promise<string> {
    const placeId = newId();
    await this.db
      .insertInto('community_place')
      .values({ municipality_id: this.mid, place_id: placeId, name: '検証拠点', kind: 'salon', area_id: areaId, opened_on: openedOn, closed_on: closedOn, status: openedOn ? 'open' : 'preparing', created_by_user_id: this.base.userId })
      .execute();
    const activityId = newId();
    await this.db
      .insertInto('community_activity')
      .values({ municipality_id: this.mid, activity_id: activityId, place_id: placeId, name: '検証活動', freq: 'weekly', weekdays: [3], starts_at: '10:00', ends_at: '11:00', valid_from: '2000-01-01', created_by_user_id: this.base.userId })
      .execute();
    return activityId;
  }

  async session(activityId: string, heldOn: string, counts: { child?: number; adult?: number; elderly?: number; unknown?: number }, partnerIds: string[] = [], status: 'held' | 'cancelled' = 'held'): Promise<string> {
    const id = newId();
    await this.db
      .insertInto('community_session')
      .values({
        municipality_id: this.mid,
        session_id: id,
        activity_id: activityId,
        held_on: heldOn,
        status,
        count_child: counts.child ?? 0,
        count_adult: counts.adult ?? 0,
        count_elderly: counts.elderly ?? 0,
        count_unknown: counts.unknown ?? 0,
        recorded_by_user_id: this.base.userId,
      })
      .execute();
    for (const p of partnerIds) await this.db.insertInto('community_session_partner').values({ municipality_id: this.mid, session_id: id, partner_id: p }).execute();
    return id;
  }
}
