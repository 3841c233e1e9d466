/** The household as the diagrams see it: one entry per person, with age, status and 続柄 phrases. */
import { ja } from '../../../i18n/ja';
import type { HouseholdMember, HouseholdRelationship, HouseholdView, RelationshipKind } from '../api';
import { ageOn, fullName } from '../format';

const d = ja.diagrams;

export interface DiagramPerson {
  member: HouseholdMember;
  name: string;
  age: number | null;
  /** Lives in the household now (current membership, living together). */
  together: boolean;
  left: boolean;
  hasConcerns: boolean;
}

const INVERSE: Record<RelationshipKind, RelationshipKind> = {
  parent: 'child',
  child: 'parent',
  grandparent: 'grandchild',
  grandchild: 'grandparent',
  spouse: 'spouse',
  sibling: 'sibling',
  other: 'other',
};

/** Each person once: the current membership if any, else the latest one (members come current first). */
export function diagramPeople(household: HouseholdView): DiagramPerson[] {
  const seen = new Set<string>();
  const people: DiagramPerson[] = [];
  for (const m of household.members) {
    if (seen.has(m.personId)) continue;
    seen.add(m.personId);
    const left = m.leftOn !== null;
    people.push({
      member: m,
      name: fullName(m),
      age: m.birthDate ? ageOn(m.birthDate) : null,
      together: !left && m.livingTogether,
      left,
      hasConcerns: m.concerns.categories.length + m.concerns.tags.length > 0,
    });
  }
  return people;
}

/** "鬼怒川 一 の親" for each tie of `personId`, seen from that person. */
export function relationPhrases(personId: string, relationships: readonly HouseholdRelationship[], nameOf: (id: string) => string): string[] {
  return relationships.flatMap((r) => {
    if (r.personId === personId) return [`${nameOf(r.relatedPersonId)} の${d.kinds[r.kind]}`];
    if (r.relatedPersonId === personId) return [`${nameOf(r.personId)} の${d.kinds[INVERSE[r.kind]]}`];
    return [];
  });
}

/** Concern labels: the 16 categories in Japanese, then free tags as typed. */
export function concernLabels(m: HouseholdMember): string[] {
  return [...m.concerns.categories.map((c) => ja.consultation.categories[c] ?? c), ...m.concerns.tags];
}
