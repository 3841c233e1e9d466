import type { getHousehold } from './household.repo.js';

type Found = NonNullable<Awaited<ReturnType<typeof getHousehold>>>;

/** Presenter: a household and its members (current first, then those who left) for the API. */
export function toHouseholdView({ household, members }: Found) {
  return {
    id: household.household_id,
    label: household.label,
    address: household.address,
    notes: household.notes,
    confidential: household.confidential,
    registeredByAgencyId: household.registered_by_agency_id,
    version: household.version,
    members: members.map((m) => ({
      personId: m.person_id,
      familyName: m.family_name,
      givenName: m.given_name,
      familyKana: m.family_kana,
      givenKana: m.given_kana,
      birthDate: m.birth_date,
      sex: m.sex,
      roleInHousehold: m.role_in_household,
      livingTogether: m.living_together,
      joinedOn: m.joined_on,
      leftOn: m.left_on,
    })),
  };
}
export type HouseholdView = ReturnType<typeof toHouseholdView>;
