import { z } from 'zod';
import { AppError } from '../platform/http/errors.js';
import { CARE_FLAG_CODES, CONCERN_CATEGORY_CODES } from './concern-categories.js';
import { parseJapaneseDate } from './japanese/japanese-date.js';
import { nameSearchKeys, normalizeKanjiName } from './japanese/name-keys.js';

/** The editable fields of a person, as the API accepts them (birth date in 和暦 or 西暦). */
export const PersonFields = z.object({
  familyName: z.string().trim().min(1).max(50),
  givenName: z.string().trim().max(50).default(''),
  familyKana: z.string().trim().max(100).nullish(),
  givenKana: z.string().trim().max(100).nullish(),
  sex: z.enum(['male', 'female', 'other', 'unanswered']).default('unanswered'),
  birthDate: z.string().trim().max(40).nullish(),
  address: z.string().trim().max(200).nullish(),
  phones: z.array(z.string().trim().min(1).max(30)).max(5).default([]),
  notes: z.string().max(4000).nullish(),
  careFlags: z.array(z.enum(CARE_FLAG_CODES)).max(10).default([]),
  concerns: z
    .object({ categories: z.array(z.enum(CONCERN_CATEGORY_CODES)).max(16).default([]), tags: z.array(z.string().trim().min(1).max(30)).max(20).default([]) })
    .default({ categories: [], tags: [] }),
  confidential: z.boolean().default(false),
});
export type PersonFieldsInput = z.infer<typeof PersonFields>;

/** Birth date as typed (和暦 or 西暦) → ISO, or a field error in Japanese. */
export function birthDateIso(input: string | null | undefined, today: Date): string | null {
  if (!input) return null;
  const parsed = parseJapaneseDate(input, today);
  if (!parsed.ok) throw new AppError('invalid', { fields: [{ path: 'birthDate', message: parsed.message }] });
  return parsed.iso;
}

/** Columns stored for a person: what was typed, plus the derived search keys. */
export function personColumns(f: PersonFieldsInput, today: Date) {
  const kana = [f.familyKana, f.givenKana].filter(Boolean).join(' ') || null;
  const keys = nameSearchKeys({ name: `${f.familyName}${f.givenName}`, kana });
  return {
    family_name: f.familyName,
    given_name: f.givenName,
    family_kana: f.familyKana ?? null,
    given_kana: f.givenKana ?? null,
    name_key: keys.nameKey,
    kana_key: keys.kanaKey,
    kana_loose_key: keys.kanaLooseKey,
    sex: f.sex,
    birth_date: birthDateIso(f.birthDate, today),
    address: f.address ?? null,
    address_key: f.address ? normalizeKanjiName(f.address) : null,
    phones: f.phones,
    phone_digits: f.phones.map((p) => p.normalize('NFKC').replace(/\D/g, '')).join(' '),
    notes: f.notes ?? null,
    care_flags: f.careFlags,
    confidential: f.confidential,
  };
}
