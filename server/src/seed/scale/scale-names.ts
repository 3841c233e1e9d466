/**
 * Names for the city-scale generator: surnames with a Zipf-like frequency (佐藤 and 鈴木 common, 五十嵐
 * rare), variant spellings (髙橋, 齋藤, 渡邊, 𠮷田 …) at a tenth of their standard form's weight,
 * given names that fit the generation a person was born in, and the person's stored columns with
 * the search keys computed once per distinct name (personColumns is the same code the API uses).
 */
import { personColumns } from '../../consultation/person-fields.js';
import { normalizeKanjiName } from '../../consultation/japanese/name-keys.js';
import { EXTRA_SURNAMES, FEMALE_NAMES, GIVEN_NAMES_BY_GENERATION, MALE_NAMES, SURNAMES } from '../name-catalogue.js';
import type { SeededRandom } from '../random.js';

type Name = readonly [string, string];

/** A list with cumulative weights, picked by binary search. */
export class WeightedList<T> {
  private readonly cumulative: number[] = [];
  private total = 0;

  constructor(
    readonly items: readonly T[],
    weight: (item: T, index: number) => number,
  ) {
    items.forEach((item, i) => {
      this.total += weight(item, i);
      this.cumulative.push(this.total);
    });
  }

  pick(rnd: SeededRandom): T {
    const target = rnd.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/** Frequency rank weights; a spelling whose folded key repeats an earlier one is a variant (×0.1). */
function zipf(names: readonly Name[]): WeightedList<Name> {
  const unique = [...new Map(names.map((n) => [n[0], n])).values()];
  const standard = new Set<string>();
  const isVariant = unique.map(([n]) => {
    const key = normalizeKanjiName(n);
    if (standard.has(key)) return true;
    standard.add(key);
    return false;
  });
  return new WeightedList(unique, (_n, i) => (isVariant[i] ? 0.1 : 1) / (i + 8));
}

const SURNAME_LIST = zipf([...SURNAMES, ...EXTRA_SURNAMES]);
const flat = (names: readonly Name[]) => new WeightedList(names, () => 1);
const GIVEN = {
  older: { female: flat(GIVEN_NAMES_BY_GENERATION.older.female), male: flat(GIVEN_NAMES_BY_GENERATION.older.male) },
  middle: { female: flat([...GIVEN_NAMES_BY_GENERATION.middle.female, ...FEMALE_NAMES.slice(0, 12)]), male: flat([...GIVEN_NAMES_BY_GENERATION.middle.male, ...MALE_NAMES.slice(0, 12)]) },
  younger: { female: flat(GIVEN_NAMES_BY_GENERATION.younger.female), male: flat(GIVEN_NAMES_BY_GENERATION.younger.male) },
};

export function pickSurname(rnd: SeededRandom): Name {
  return SURNAME_LIST.pick(rnd);
}

export function pickGivenName(rnd: SeededRandom, birthYear: number, female: boolean): Name {
  const generation = birthYear < 1950 ? GIVEN.older : birthYear < 1986 ? GIVEN.middle : GIVEN.younger;
  return (female ? generation.female : generation.male).pick(rnd);
}

export interface PersonInput {
  family: Name;
  given: Name;
  female: boolean;
  birthDate: string;
  address: string;
  /** The address's search key (townKey of the town part, then the block number as typed). */
  addressKey: string;
  phone: string | null;
  careFlags: string[];
}

type Columns = ReturnType<typeof personColumns>;
const nameKeyCache = new Map<string, Pick<Columns, 'name_key' | 'kana_key' | 'kana_loose_key'>>();
const townKeys = new Map<string, string>();

/** normalizeKanjiName of a town name, once per town ("1丁目2番3号" after it normalises to itself). */
export function townKey(town: string): string {
  let key = townKeys.get(town);
  if (key === undefined) {
    key = normalizeKanjiName(town);
    townKeys.set(town, key);
  }
  return key;
}

/**
 * The stored columns of a person, as personColumns derives them; the name keys are computed once
 * per distinct name (a city has far fewer distinct names than persons).
 */
export function scalePersonColumns(p: PersonInput, today: Date): Columns {
  const nameCacheKey = `${p.family[0]}|${p.given[0]}|${p.family[1]}|${p.given[1]}`;
  let keys = nameKeyCache.get(nameCacheKey);
  if (keys === undefined) {
    const full = personColumns(
      {
        familyName: p.family[0],
        givenName: p.given[0],
        familyKana: p.family[1],
        givenKana: p.given[1],
        sex: 'unanswered',
        birthDate: null,
        address: null,
        phones: [],
        notes: null,
        careFlags: [],
        concerns: { categories: [], tags: [] },
        confidential: false,
      },
      today,
    );
    keys = { name_key: full.name_key, kana_key: full.kana_key, kana_loose_key: full.kana_loose_key };
    if (nameKeyCache.size < 200_000) nameKeyCache.set(nameCacheKey, keys);
  }
  return {
    family_name: p.family[0],
    given_name: p.given[0],
    family_kana: p.family[1],
    given_kana: p.given[1],
    ...keys,
    sex: p.female ? 'female' : 'male',
    birth_date: p.birthDate,
    address: p.address,
    address_key: p.addressKey,
    phones: p.phone ? [p.phone] : [],
    phone_digits: p.phone ? p.phone.replace(/\D/g, '') : '',
    notes: null,
    care_flags: p.careFlags,
    confidential: false,
  };
}
