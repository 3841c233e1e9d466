import type { PersonTable } from '../platform/db/schema.js';
import type { Selectable } from 'kysely';

export interface PersonView {
  id: string;
  familyName: string;
  givenName: string;
  familyKana: string | null;
  givenKana: string | null;
  sex: string;
  birthDate: string | null;
  address: string | null;
  phones: string[];
  notes: string | null;
  careFlags: string[];
  confidential: boolean;
  registeredByAgencyId: string;
  version: number;
  concerns: { categories: string[]; tags: string[] };
  households: Array<{ householdId: string; label: string; roleInHousehold: string; livingTogether: boolean; joinedOn: string; leftOn: string | null }>;
}

/** Presenter: the person as the API returns it to an actor the policy allowed to read it. */
export function toPersonView(
  row: Selectable<PersonTable>,
  concerns: PersonView['concerns'],
  memberships: Array<{ household_id: string; label: string; role_in_household: string; living_together: boolean; joined_on: string; left_on: string | null }>,
): PersonView {
  return {
    id: row.person_id,
    familyName: row.family_name,
    givenName: row.given_name,
    familyKana: row.family_kana,
    givenKana: row.given_kana,
    sex: row.sex,
    birthDate: row.birth_date,
    address: row.address,
    phones: row.phones,
    notes: row.notes,
    careFlags: row.care_flags,
    confidential: row.confidential,
    registeredByAgencyId: row.registered_by_agency_id,
    version: row.version,
    concerns,
    households: memberships.map((m) => ({
      householdId: m.household_id,
      label: m.label,
      roleInHousehold: m.role_in_household,
      livingTogether: m.living_together,
      joinedOn: m.joined_on,
      leftOn: m.left_on,
    })),
  };
}
