/**
 * One generated household of the city: its members (ages that fit the situation: an 80-year-old
 * mother and her 50-year-old son for 8050, three generations for ダブルケア …), 続柄, each member's
 * concerns with realistic co-occurrence, and the agency that registered it. Some people are made to
 * look like someone already generated — the same name and birth date in another household, or the
 * same reading written with other kanji — so duplicate checks and variant search have work to do.
 */
import { CITY_TOWNS } from '../name-catalogue.js';
import type { SeededRandom } from '../random.js';
import type { RowBuffer } from './row-buffer.js';
import { pickGivenName, pickSurname, scalePersonColumns, townKey } from './scale-names.js';

export type AreaCode = 'east' | 'west' | 'south';
export type AgencyPool = 'elderly' | 'disability' | 'children' | 'poverty';
type Kind = 'parent' | 'child' | 'spouse' | 'sibling' | 'grandchild';

/** A situation: members as [age range, 続柄 to the head], concern categories (core + co-occurring), tags. */
interface Scenario {
  weight: number;
  pool: AgencyPool;
  members: Array<[number, number, Kind | 'head', number?]>;
  core: string[];
  optional: Array<[string, number]>;
  tags: Array<[string, number]>;
  /** Index of the member the concerns are about. */
  subject: number;
  careFlag?: [string, number];
}

const SCENARIOS: Scenario[] = [
  { weight: 18, pool: 'elderly', members: [[72, 96, 'head']], core: ['care'], optional: [['community', 0.5], ['health_disability', 0.5], ['living_costs', 0.2], ['no_food', 0.05]], tags: [['孤立', 0.35]], subject: 0, careFlag: ['illness', 0.3] },
  { weight: 12, pool: 'elderly', members: [[72, 92, 'head'], [70, 90, 'spouse']], core: ['care', 'health_disability'], optional: [['family', 0.3], ['living_costs', 0.2]], tags: [], subject: 1, careFlag: ['illness', 0.4] },
  { weight: 8, pool: 'elderly', members: [[78, 93, 'head'], [48, 62, 'child']], core: ['care', 'withdrawal'], optional: [['living_costs', 0.7], ['health_disability', 0.3], ['family', 0.3]], tags: [['8050', 0.9], ['ひきこもり', 0.7]], subject: 1 },
  { weight: 5, pool: 'children', members: [[36, 50, 'head'], [70, 88, 'parent'], [1, 10, 'child'], [36, 52, 'spouse', 0.6]], core: ['care', 'childcare'], optional: [['work_trouble', 0.3], ['family', 0.3]], tags: [['ダブルケア', 0.9]], subject: 0 },
  { weight: 8, pool: 'children', members: [[24, 46, 'head'], [0, 17, 'child'], [0, 17, 'child', 0.5], [0, 17, 'child', 0.2]], core: ['living_costs', 'childcare'], optional: [['job_search', 0.4], ['debt', 0.25], ['rent_loan', 0.2], ['no_food', 0.1]], tags: [], subject: 0, careFlag: ['welfare_recipient', 0.3] },
  { weight: 3, pool: 'children', members: [[40, 56, 'head'], [12, 18, 'child'], [6, 14, 'child', 0.5]], core: ['care', 'family'], optional: [['withdrawal', 0.3], ['health_disability', 0.5]], tags: [['ヤングケアラー', 0.9]], subject: 1 },
  { weight: 14, pool: 'poverty', members: [[22, 64, 'head']], core: ['living_costs'], optional: [['debt', 0.45], ['job_search', 0.45], ['rent_loan', 0.3], ['tax_utilities', 0.3], ['health_disability', 0.2], ['no_food', 0.1]], tags: [['孤立', 0.1]], subject: 0, careFlag: ['welfare_recipient', 0.2] },
  { weight: 10, pool: 'disability', members: [[18, 58, 'head'], [48, 86, 'parent'], [48, 86, 'parent', 0.5]], core: ['health_disability'], optional: [['work_trouble', 0.35], ['family', 0.3], ['job_search', 0.25], ['withdrawal', 0.15]], tags: [], subject: 0, careFlag: ['disability', 0.85] },
  { weight: 3, pool: 'children', members: [[24, 45, 'head'], [24, 48, 'spouse'], [0, 15, 'child'], [0, 15, 'child', 0.5]], core: ['dv_abuse', 'family'], optional: [['childcare', 0.6], ['living_costs', 0.3]], tags: [['虐待疑い', 0.5]], subject: 1, careFlag: ['dv_victim', 0.5] },
  { weight: 3, pool: 'elderly', members: [[60, 88, 'head'], [55, 85, 'sibling', 0.3]], core: ['housing', 'community'], optional: [['health_disability', 0.4], ['tax_utilities', 0.2]], tags: [['ごみ屋敷', 0.9], ['孤立', 0.4]], subject: 0 },
  { weight: 16, pool: 'poverty', members: [[30, 62, 'head'], [28, 62, 'spouse'], [0, 22, 'child', 0.6], [0, 18, 'child', 0.3]], core: ['living_costs'], optional: [['family', 0.3], ['work_trouble', 0.35], ['debt', 0.25], ['tax_utilities', 0.2], ['other', 0.05]], tags: [], subject: 0 },
];
const TOTAL_WEIGHT = SCENARIOS.reduce((s, x) => s + x.weight, 0);
const AREAS: AreaCode[] = ['east', 'west', 'south'];

export interface GeneratedHousehold {
  householdId: string;
  area: AreaCode;
  pool: AgencyPool;
  members: Array<{ personId: string; age: number }>;
  /** The member the concerns are about, and the household's concern categories (primary first). */
  subjectId: string;
  categories: string[];
  tags: string[];
}

interface Lookalike {
  family: readonly [string, string];
  given: readonly [string, string];
  female: boolean;
  birthDate: string;
}

export interface HouseholdContext {
  municipalityId: string;
  municipalityName: string;
  rnd: SeededRandom;
  /** The next generated id (ids.ts). */
  id: () => string;
  today: Date;
  /** The agency that registers a household of this pool in this area. */
  agencyFor(pool: AgencyPool, area: AreaCode): string;
  /** Recent people to copy for duplicate-looking records (ring buffer, kept by the caller). */
  recent: Lookalike[];
  /** Households generated so far. */
  households: number;
}

function birthDate(rnd: SeededRandom, age: number, today: Date): string {
  const d = new Date(Date.UTC(today.getUTCFullYear() - age, today.getUTCMonth(), today.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - 1 - rnd.int(364));
  return d.toISOString().slice(0, 10);
}

function pickScenario(rnd: SeededRandom): Scenario {
  let target = rnd.next() * TOTAL_WEIGHT;
  for (const s of SCENARIOS) {
    target -= s.weight;
    if (target < 0) return s;
  }
  return SCENARIOS[SCENARIOS.length - 1]!;
}

/** The categories of this household: the core ones (primary first) and each co-occurring one by its chance. */
function concernsOf(rnd: SeededRandom, s: Scenario): string[] {
  const out = [...s.core];
  for (const [code, p] of s.optional) if (rnd.next() < p) out.push(code);
  return out;
}

/** Adds one household (at most `room` members) to `out` and returns what casework needs to know. */
export function generateHousehold(hc: HouseholdContext, out: RowBuffer, room: number): GeneratedHousehold {
  const { rnd, municipalityId: mid, today } = hc;
  const s = pickScenario(rnd);
  const area = AREAS[rnd.int(AREAS.length)]!;
  const towns = CITY_TOWNS[area];
  const town = `${hc.municipalityName}${towns[rnd.int(towns.length)]}`;
  const block = `${1 + rnd.int(5)}丁目${1 + rnd.int(30)}番${1 + rnd.int(20)}号`;
  const address = town + block;
  const addressKey = townKey(town) + block;
  const agencyId = hc.agencyFor(s.pool, area);
  const householdId = hc.id();
  let surname = pickSurname(rnd);
  // 1 household in 250: someone who looks like a person already on record, alternately with the
  // same name and birth date and with the same reading written in other kanji.
  hc.households += 1;
  const lookalikeNo = hc.households % 250 === 50 ? Math.floor(hc.households / 250) : -1;
  const lookalike = lookalikeNo >= 0 && hc.recent.length > 0 ? hc.recent[rnd.int(hc.recent.length)]! : null;
  const sameReading = lookalikeNo % 2 === 1;
  if (lookalike) surname = lookalike.family;
  out.add('household', { municipality_id: mid, household_id: householdId, label: `${surname[0]}さん世帯`, address, registered_by_agency_id: agencyId });

  const categories = concernsOf(rnd, s);
  const tags = s.tags.filter(([, p]) => rnd.next() < p).map(([t]) => t);
  const members: GeneratedHousehold['members'] = [];
  const joinedOn = new Date(today.getTime() - rnd.int(3650) * 86_400_000).toISOString().slice(0, 10);
  let headId = '';
  for (const [i, [minAge, maxAge, kind, chance]] of s.members.entries()) {
    if (members.length >= room) break;
    if (chance !== undefined && rnd.next() >= chance) continue;
    const age = minAge + rnd.int(maxAge - minAge + 1);
    const female = kind === 'spouse' ? !(rnd.next() < 0.15) : rnd.next() < 0.52;
    const born = birthDate(rnd, age, today);
    let given = pickGivenName(rnd, Number(born.slice(0, 4)), female);
    let bornOn = born;
    let family = surname;
    let sex = female;
    if (i === 0 && lookalike) {
      // Same name and birth date elsewhere, or (half of them) the same reading with other kanji.
      given = lookalike.given;
      bornOn = lookalike.birthDate;
      sex = lookalike.female;
      if (sameReading) family = [pickVariantSpelling(rnd, lookalike.family), lookalike.family[1]];
    }
    const personId = hc.id();
    const careFlags = i === s.subject && s.careFlag && rnd.next() < s.careFlag[1] ? [s.careFlag[0]] : [];
    const phone = rnd.next() < 0.7 ? (rnd.next() < 0.75 ? `0${7 + rnd.int(3)}0-${1000 + rnd.int(9000)}-${1000 + rnd.int(9000)}` : `0${3 + rnd.int(7)}-${1000 + rnd.int(9000)}-${1000 + rnd.int(9000)}`) : null;
    const columns = scalePersonColumns({ family, given, female: sex, birthDate: bornOn, address, addressKey, phone, careFlags }, today);
    out.add('person', { municipality_id: mid, person_id: personId, registered_by_agency_id: agencyId, ...columns });
    out.add('household_membership', { municipality_id: mid, membership_id: hc.id(), household_id: householdId, person_id: personId, role_in_household: i === 0 ? 'head' : 'member', joined_on: joinedOn });
    if (i === 0) headId = personId;
    else out.add('person_relationship', { municipality_id: mid, relationship_id: hc.id(), person_id: personId, related_person_id: headId, kind, living_together: true });
    members.push({ personId, age });
    if (hc.recent.length < 512) hc.recent.push({ family, given, female: sex, birthDate: bornOn });
    else if (rnd.next() < 0.05) hc.recent[rnd.int(512)] = { family, given, female: sex, birthDate: bornOn };
  }
  const subject = members[Math.min(s.subject, members.length - 1)]!;
  for (const m of members) {
    const mine = m === subject ? categories : categories.filter(() => rnd.next() < 0.2);
    for (const code of mine) out.add('person_concern', { municipality_id: mid, person_id: m.personId, kind: 'category', code });
  }
  for (const tag of tags) out.add('person_concern', { municipality_id: mid, person_id: subject.personId, kind: 'tag', code: tag });
  return { householdId, area, pool: s.pool, members, subjectId: subject.personId, categories, tags };
}

/** Other spellings of the same surname reading (髙橋 for 高橋, 齋藤 for 斎藤 …), if the catalogue has any. */
const VARIANTS: Record<string, string[]> = {
  たかはし: ['高橋', '髙橋'],
  さいとう: ['斎藤', '齋藤', '齊藤', '斉藤'],
  わたなべ: ['渡辺', '渡邊', '渡邉', '渡部'],
  やまざき: ['山崎', '山﨑'],
  さわだ: ['沢田', '澤田'],
  はまだ: ['浜田', '濱田'],
  よしだ: ['吉田', '𠮷田'],
  きくち: ['菊地', '菊池'],
  しまだ: ['島田', '嶋田'],
};

function pickVariantSpelling(rnd: SeededRandom, family: readonly [string, string]): string {
  const options = (VARIANTS[family[1]] ?? []).filter((v) => v !== family[0]);
  return options.length > 0 ? options[rnd.int(options.length)]! : family[0];
}
