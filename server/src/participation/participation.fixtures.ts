/**
 * Directory rows the 参加支援 integration tests need, inserted straight into the HSDS tables (the
 * tests do not depend on the directory's own seed or code). A 圏域 of their own keeps the ranking
 * independent of whatever else the demo directory holds.
 */
import type { DbHandle } from '../platform/db/database.js';
import { newId } from '../platform/db/ids.js';
import type { ServiceStatus } from '../platform/db/schema-resources.js';
import { SHIPPED_TAXONOMY, TAXONOMY } from './participation-codes.js';

export interface FixtureService {
  name: string;
  codes: string[];
  status?: ServiceStatus;
  days?: string | null;
  opensAt?: string | null;
  closesAt?: string | null;
  minAge?: number | null;
  maxAge?: number | null;
  capacity?: number | null;
  waitlist?: number | null;
}

/** The kasane-ja terms by code (inserted when the directory has not shipped them yet). */
export async function ensureTerms(db: DbHandle, municipalityId: string): Promise<Map<string, string>> {
  const rows = Object.entries(SHIPPED_TAXONOMY).map(([code, name]) => ({ municipality_id: municipalityId, term_id: newId(), taxonomy: TAXONOMY, code, name }));
  await db
    .insertInto('resource_taxonomy_term')
    .values(rows)
    .onConflict((oc) => oc.columns(['municipality_id', 'taxonomy', 'code']).doNothing())
    .execute();
  const terms = await db.selectFrom('resource_taxonomy_term').select(['term_id', 'code']).where('municipality_id', '=', municipalityId).where('taxonomy', '=', TAXONOMY).execute();
  return new Map(terms.map((t) => [t.code, t.term_id]));
}

export async function insertArea(db: DbHandle, municipalityId: string, code: string, name: string): Promise<string> {
  const areaId = newId();
  await db.insertInto('municipal_area').values({ municipality_id: municipalityId, area_id: areaId, code, name, sort_order: 99 }).execute();
  return areaId;
}

/** One organization with the given services, all offered in `areaId`; returns service ids by name. */
export async function insertServices(db: DbHandle, municipalityId: string, areaId: string, orgName: string, services: FixtureService[]): Promise<Record<string, string>> {
  const terms = await ensureTerms(db, municipalityId);
  const organizationId = newId();
  await db.insertInto('resource_organization').values({ municipality_id: municipalityId, organization_id: organizationId, name: orgName }).execute();
  const ids: Record<string, string> = {};
  for (const s of services) {
    const serviceId = newId();
    ids[s.name] = serviceId;
    await db
      .insertInto('resource_service')
      .values({
        municipality_id: municipalityId,
        service_id: serviceId,
        organization_id: organizationId,
        name: s.name,
        status: s.status ?? 'active',
        minimum_age: s.minAge ?? null,
        maximum_age: s.maxAge ?? null,
        capacity: s.capacity ?? null,
        waitlist_count: s.waitlist ?? null,
      })
      .execute();
    await db
      .insertInto('resource_service_term')
      .values(s.codes.map((c) => ({ municipality_id: municipalityId, service_id: serviceId, term_id: terms.get(c)! })))
      .execute();
    await db.insertInto('resource_service_area').values({ municipality_id: municipalityId, service_area_id: newId(), service_id: serviceId, area_id: areaId, name: 'area' }).execute();
    if (s.days !== null) {
      await db
        .insertInto('resource_schedule')
        .values({ municipality_id: municipalityId, schedule_id: newId(), service_id: serviceId, freq: 'WEEKLY', byday: s.days ?? 'MO', opens_at: s.opensAt ?? null, closes_at: s.closesAt ?? null })
        .execute();
    }
  }
  return ids;
}

/**
 * A person of 東部 whose household's case is led by 地域包括 (houkatsu1), with 社協 (outreach's
 * agency) and the 自立相談支援機関 (jiritsu) on its 支援チーム.
 */
export async function caseWithTeam(
  db: DbHandle,
  municipalityId: string,
  lead: { post(url: string, body?: unknown): Promise<{ statusCode: number; body: string }> },
  team: { agencyIds: string[]; addedBy: string },
  person: { familyName: string; givenName: string; birthDate?: string },
) {
  const json = <T>(res: { body: string }) => JSON.parse(res.body) as T;
  const personId = json<{ id: string }>(await lead.post('/api/v1/persons', { ...person, familyKana: 'てすと' })).id;
  const householdId = json<{ id: string }>(await lead.post('/api/v1/households', { label: `${person.familyName}さん世帯`, members: [{ personId }] })).id;
  const caseId = json<{ id: string }>(await lead.post('/api/v1/cases', { householdId })).id;
  const today = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10);
  for (const agencyId of team.agencyIds) {
    await db
      .insertInto('support_team_member')
      .values({ municipality_id: municipalityId, team_member_id: newId(), case_id: caseId, member_kind: 'agency', agency_id: agencyId, role: '参加支援', joined_on: today, added_by_user_id: team.addedBy })
      .execute();
  }
  return { personId, householdId, caseId };
}
