import type { getHousehold } from './household.repo.js';

type Found = NonNullable<Awaited<ReturnType<typeof getHousehold>>>;

/** Presenter: a household and its members (current first, then those who left) for the API. */
export function toHouseholdView({ household, members, relationships, concerns }: Found) {
  const concernsOf = (personId: string) => ({
    categories: concerns.filter((c) => c.person_id === personId && c.kind === 'category').map((c) => c.code),
    tags: concerns.filter((c) => c.person_id === personId && c.kind === 'tag').map((c) => c.code),
  });
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
      concerns: concernsOf(m.person_id),
    })),
    /** 続柄: `personId` is the `kind` of `relatedPersonId` (e.g. parent = the person is the related one's parent). */
    relationships: relationships.map((r) => ({
      id: r.relationship_id,
      personId: r.person_id,
      relatedPersonId: r.related_person_id,
      kind: r.kind,
      livingTogether: r.living_together,
    })),
  };
}
export type HouseholdView = ReturnType<typeof toHouseholdView>;
