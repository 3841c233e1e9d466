/**
 * Varied inputs drawn from the seeded database, the same for the API and the SQL floor: real
 * surnames, readings and birth dates of persons the caseworker may see (and the same surnames typed
 * with variant kanji), and households and cases the caseworker may read.
 */
import { fiscalYearOf } from '../server/src/community/kpi.js';
import { formatWareki, isoDayInJapan } from '../server/src/consultation/japanese/japanese-date.js';
import { normalizeKana } from '../server/src/consultation/japanese/name-keys.js';
import { VARIANT_KANJI } from '../server/src/consultation/japanese/variant-kanji.js';
import { personVisibleTo } from '../server/src/consultation/person.visibility.js';
import { caseFacts } from '../server/src/consultation/case.repo.js';
import { householdFacts } from '../server/src/consultation/household.repo.js';
import type { Actor, Role } from '../server/src/platform/access/actor.js';
import { can } from '../server/src/platform/access/policy.js';
import type { Db } from '../server/src/platform/db/database.js';

export const CASEWORKER = 'houkatsu1';
/** The dashboard is for the municipality's own programme roles. */
export const DASHBOARD_USER = 'admin';

export interface Visit {
  /** Surname of a current member, as the worker types it into the search box. */
  surname: string;
  householdId: string;
  caseId: string;
}

export interface BenchInputs {
  actor: Actor;
  search: { kanji: string[]; kana: string[]; variantKanji: string[]; birthDate: string[] };
  households: string[];
  cases: string[];
  /** Open cases the caseworker leads: a progress note may be written on them. */
  visits: Visit[];
  fiscalYears: number[];
}

/** Canonical kanji → one of its variants (高 → 髙, 斎 → 齋 …). */
const VARIANT_OF = new Map<string, string>();
for (const [variant, canonical] of VARIANT_KANJI) if (!VARIANT_OF.has(canonical)) VARIANT_OF.set(canonical, variant);

function withVariant(name: string): string | null {
  const chars = [...name];
  const at = chars.findIndex((c) => VARIANT_OF.has(c));
  if (at < 0) return null;
  chars[at] = VARIANT_OF.get(chars[at]!)!;
  return chars.join('');
}

/** Deterministic shuffle (mulberry32), so two runs on the same data ask the same questions. */
function shuffled<T>(list: readonly T[], seed = 20260401): T[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export async function loadActor(db: Db, login: string): Promise<Actor> {
  const user = await db
    .selectFrom('app_user as u')
    .innerJoin('municipality as m', 'm.municipality_id', 'u.municipality_id')
    .select(['u.user_id', 'u.municipality_id', 'u.login_name', 'u.roles', 'm.prefecture_code'])
    .where('u.login_name', '=', login)
    .executeTakeFirst();
  if (!user) throw new Error(`利用者 ${login} がいません。`);
  const agencies = await db.selectFrom('user_agency').select('agency_id').where('municipality_id', '=', user.municipality_id).where('user_id', '=', user.user_id).orderBy('agency_id').execute();
  return {
    userId: user.user_id,
    municipalityId: user.municipality_id,
    prefectureCode: user.prefecture_code,
    loginName: user.login_name,
    roles: user.roles as Role[],
    agencyIds: agencies.map((a) => a.agency_id),
  };
}

export async function drawInputs(db: Db, n: number): Promise<BenchInputs> {
  const actor = await loadActor(db, CASEWORKER);
  const mid = actor.municipalityId;
  const now = new Date();
  const agencies = [...actor.agencyIds];
  const persons = await db
    .selectFrom('person as p')
    .select(['p.family_name', 'p.family_kana', 'p.birth_date'])
    .where('p.municipality_id', '=', mid)
    .where(personVisibleTo(actor, now))
    .orderBy('p.person_id')
    .limit(20 * n)
    .execute();
  const people = shuffled(persons).slice(0, n);
  // Variant spellings: of the caseworker's persons first, else of any surname on record (the search still shows only the permitted).
  let variants = shuffled(persons.map((p) => withVariant(p.family_name)).filter((v): v is string => v !== null));
  if (variants.length === 0) {
    const all = await db.selectFrom('person').select('family_name').distinct().where('municipality_id', '=', mid).limit(5000).execute();
    variants = shuffled(all.map((p) => withVariant(p.family_name)).filter((v): v is string => v !== null));
  }
  const cases = await db
    .selectFrom('support_case as c')
    .select(['c.case_id', 'c.household_id', 'c.status'])
    .where('c.municipality_id', '=', mid)
    .where('c.lead_agency_id', 'in', agencies)
    .orderBy('c.case_id')
    .limit(4 * n)
    .execute();
  const readable: typeof cases = [];
  for (const c of shuffled(cases)) {
    if (readable.length >= n) break;
    const facts = await caseFacts(db, mid, c.case_id);
    const household = await householdFacts(db, mid, c.household_id);
    if (facts && household && can(actor, 'read', facts, { now }).allowed && can(actor, 'read', household, { now }).allowed) readable.push(c);
  }
  const visits: Visit[] = [];
  for (const c of readable.filter((r) => r.status === 'open')) {
    const member = await db
      .selectFrom('household_membership as m')
      .innerJoin('person as p', (j) => j.onRef('p.municipality_id', '=', 'm.municipality_id').onRef('p.person_id', '=', 'm.person_id'))
      .select('p.family_name')
      .where('m.municipality_id', '=', mid)
      .where('m.household_id', '=', c.household_id)
      .where('m.left_on', 'is', null)
      .orderBy('p.person_id')
      .executeTakeFirst();
    if (member) visits.push({ surname: member.family_name, householdId: c.household_id, caseId: c.case_id });
  }
  const newest = await db.selectFrom('consultation').select((eb) => eb.fn.max('received_on').as('day')).where('municipality_id', '=', mid).executeTakeFirst();
  const lastYear = fiscalYearOf(String(newest?.day ?? isoDayInJapan(now)));
  const inputs: BenchInputs = {
    actor,
    search: {
      kanji: people.map((p) => p.family_name),
      kana: people.filter((p) => p.family_kana).map((p) => normalizeKana(p.family_kana!)),
      variantKanji: variants.length > 0 ? variants.slice(0, n) : ['髙橋', '齋藤', '渡邊'],
      birthDate: people.filter((p) => p.birth_date).map((p) => formatWareki(String(p.birth_date))),
    },
    households: readable.map((c) => c.household_id),
    cases: readable.map((c) => c.case_id),
    visits,
    fiscalYears: [lastYear, lastYear - 1, lastYear - 2, lastYear - 3, lastYear - 4],
  };
  for (const [name, list] of Object.entries({ ...inputs.search, households: inputs.households, visits: inputs.visits })) {
    if (list.length === 0) throw new Error(`ベンチマークの入力「${name}」をデータベースから作れませんでした。`);
  }
  return inputs;
}
