import { isoDayInJapan } from '../consultation/japanese/japanese-date.js';
import { personColumns } from '../consultation/person-fields.js';
import type { Db } from '../platform/db/database.js';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES, TOWNS } from './name-catalogue.js';
import type { SeededRandom } from './random.js';

export interface PersonGeneratorAgencies {
  /** 地域包括支援センター by area, for households with an older member. */
  elderly: string[];
  disability: string[];
  children: string;
  poverty: string;
}

type Pattern = { tags: string[]; categories: string[]; agency: keyof PersonGeneratorAgencies };
const PATTERNS: Pattern[] = [
  { tags: ['8050', 'ひきこもり'], categories: ['care', 'withdrawal', 'living_costs'], agency: 'elderly' },
  { tags: ['ダブルケア'], categories: ['care', 'childcare'], agency: 'children' },
  { tags: ['ごみ屋敷'], categories: ['housing', 'community'], agency: 'elderly' },
  { tags: [], categories: ['living_costs', 'debt', 'job_search'], agency: 'poverty' },
  { tags: [], categories: ['health_disability', 'work_trouble'], agency: 'disability' },
  { tags: ['ヤングケアラー'], categories: ['care', 'family'], agency: 'children' },
  { tags: ['孤立'], categories: ['community', 'health_disability'], agency: 'elderly' },
];

const BATCH = 1_000;

const SUMMARIES: Record<string, string> = {
  care: '高齢の親の介護について。同居の子の今後も心配している。',
  childcare: '親の介護と乳幼児の子育てが重なり、疲れている。',
  housing: '自宅に物があふれ、近隣から苦情が出ている。',
  living_costs: '収入が途絶え、家賃と公共料金の支払いが難しい。',
  health_disability: '体調が悪く、仕事を続けられるか不安。',
  community: '近所付き合いがなく、困ったときに頼る人がいない。',
};

/** A birth date that makes the person `age` today (never in the future). */
function birthDate(rnd: SeededRandom, age: number, today: Date): string {
  const d = new Date(Date.UTC(today.getUTCFullYear() - age, today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - 1 - rnd.int(364));
  return d.toISOString().slice(0, 10);
}

/**
 * Households of 1–4 people known to the agencies, deterministic from `rnd`: realistic names with
 * readings (variant kanji included), ages that fit the pattern (an 80-year-old mother and her
 * 50-year-old son for 8050, a parent caring for a parent and a child for ダブルケア …), each member's
 * concerns, and the agency that registered them. Multi-row inserts in batches.
 */
export async function generatePersons(
  db: Db,
  args: { municipalityId: string; count: number; rnd: SeededRandom; agencies: PersonGeneratorAgencies; epochMs: number; staffByAgency: Map<string, string> },
) {
  const { rnd, municipalityId: mid } = args;
  const today = new Date();
  const joinedOn = isoDayInJapan(today);
  let persons: Record<string, unknown>[] = [];
  let households: Record<string, unknown>[] = [];
  let memberships: Record<string, unknown>[] = [];
  let concerns: Record<string, unknown>[] = [];
  let consultations: Record<string, unknown>[] = [];
  let consents: Record<string, unknown>[] = [];
  let relationships: Record<string, unknown>[] = [];
  const flush = async (force: boolean) => {
    if (!force && persons.length < BATCH) return;
    if (households.length) await db.insertInto('household').values(households as never).execute();
    if (persons.length) await db.insertInto('person').values(persons as never).execute();
    if (memberships.length) await db.insertInto('household_membership').values(memberships as never).execute();
    if (relationships.length) await db.insertInto('person_relationship').values(relationships as never).execute();
    if (concerns.length) await db.insertInto('person_concern').values(concerns as never).execute();
    if (consultations.length) await db.insertInto('consultation').values(consultations as never).execute();
    if (consents.length) await db.insertInto('consent').values(consents as never).execute();
    consultations = [];
    consents = [];
    persons = [];
    households = [];
    memberships = [];
    relationships = [];
    concerns = [];
  };
  let made = 0;
  while (made < args.count) {
    const pattern = rnd.pick(PATTERNS);
    const [surname, surnameKana] = rnd.pick(SURNAMES);
    const town = rnd.pick(TOWNS);
    const address = `デモ市${town}${1 + rnd.int(5)}-${1 + rnd.int(30)}-${1 + rnd.int(20)}`;
    const pool = args.agencies[pattern.agency];
    const agencyId = Array.isArray(pool) ? pool[TOWNS.indexOf(town) % pool.length]! : pool;
    const householdId = rnd.uuid(args.epochMs);
    households.push({ municipality_id: mid, household_id: householdId, label: `${surname}さん世帯`, address, registered_by_agency_id: agencyId });
    const ages = pattern.tags.includes('8050') ? [78 + rnd.int(12), 48 + rnd.int(10)] : pattern.tags.includes('ダブルケア') ? [40 + rnd.int(8), 75 + rnd.int(10), 1 + rnd.int(6)] : [20 + rnd.int(70)];
    if (ages.length === 1 && rnd.next() < 0.4) ages.push(Math.max(0, ages[0]! - 25 - rnd.int(10)));
    let headId = '';
    for (const [i, age] of ages.slice(0, Math.min(ages.length, args.count - made)).entries()) {
      const female = rnd.next() < 0.5;
      const [given, givenKana] = rnd.pick(female ? FEMALE_NAMES : MALE_NAMES);
      const personId = rnd.uuid(args.epochMs);
      const fields = {
        familyName: surname,
        givenName: given,
        familyKana: surnameKana,
        givenKana,
        sex: (female ? 'female' : 'male') as 'female' | 'male',
        birthDate: birthDate(rnd, age, today),
        address,
        phones: rnd.next() < 0.7 ? [`0${90 + rnd.int(3)}-${1000 + rnd.int(9000)}-${1000 + rnd.int(9000)}`] : [],
        notes: null,
        careFlags: [],
        concerns: { categories: [], tags: [] },
        confidential: false,
      };
      persons.push({ municipality_id: mid, person_id: personId, registered_by_agency_id: agencyId, ...personColumns(fields, today) });
      memberships.push({ municipality_id: mid, membership_id: rnd.uuid(args.epochMs), household_id: householdId, person_id: personId, role_in_household: i === 0 ? 'head' : 'member', joined_on: joinedOn });
      // 続柄 to the head, for the genogram: ダブルケア's second member is the head's parent, others are children.
      if (i === 0) headId = personId;
      else relationships.push({ municipality_id: mid, relationship_id: rnd.uuid(args.epochMs), person_id: personId, related_person_id: headId, kind: pattern.tags.includes('ダブルケア') && i === 1 ? 'parent' : 'child', living_together: true });
      const mine = i === 0 || rnd.next() < 0.5 ? pattern.categories.slice(0, 1 + rnd.int(pattern.categories.length)) : [];
      for (const code of mine) concerns.push({ municipality_id: mid, person_id: personId, kind: 'category', code });
      if (i === (pattern.tags.includes('8050') ? 1 : 0)) for (const code of pattern.tags) concerns.push({ municipality_id: mid, person_id: personId, kind: 'tag', code });
      if (i === 0) {
        // The household's first consultation, taken by the registering agency.
        const worker = args.staffByAgency.get(agencyId);
        if (worker) {
          const consultationId = rnd.uuid(args.epochMs);
          const receivedOn = new Date(today.getTime() - rnd.int(4 * 365) * 86_400_000).toISOString().slice(0, 10);
          const primary = pattern.categories[0]!;
          consultations.push({
            municipality_id: mid,
            consultation_id: consultationId,
            received_on: receivedOn,
            receiving_agency_id: agencyId,
            received_by_user_id: worker,
            route: rnd.pick(['visit', 'phone', 'home_visit', 'referral'] as const),
            visitor_kind: 'self',
            person_id: personId,
            categories: pattern.categories,
            primary_category: primary,
            summary: SUMMARIES[primary] ?? '生活全般についての相談',
          });
          consents.push({ municipality_id: mid, consent_id: rnd.uuid(args.epochMs), consultation_id: consultationId, person_id: personId, status: rnd.pick(['given', 'given', 'unknown', 'refused'] as const), recorded_by_user_id: worker, recorded_at: new Date(`${receivedOn}T10:00:00+09:00`) });
        }
      }
      made += 1;
    }
    await flush(false);
  }
  await flush(true);
  return made;
}
