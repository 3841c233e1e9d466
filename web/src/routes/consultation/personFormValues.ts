/** The person form's values, and how they map to and from the API. */
import { CARE_FLAG_CODES, type CareFlag, type PersonInput, type PersonView, type Sex } from './api';

export interface PersonFormValues {
  familyName: string;
  givenName: string;
  familyKana: string;
  givenKana: string;
  sex: Sex;
  birthDate: string;
  address: string;
  /** One or more numbers, separated by 、 or a comma. */
  phones: string;
  categories: string[];
  tags: string[];
  careFlags: string[];
  notes: string;
  confidential: boolean;
}

export const emptyPersonForm: PersonFormValues = {
  familyName: '',
  givenName: '',
  familyKana: '',
  givenKana: '',
  sex: 'unanswered',
  birthDate: '',
  address: '',
  phones: '',
  categories: [],
  tags: [],
  careFlags: [],
  notes: '',
  confidential: false,
};

/** Prefill for editing. The birth date is given back as ISO (YYYY-MM-DD), which the server accepts. */
export function formFromPerson(p: PersonView): PersonFormValues {
  return {
    familyName: p.familyName,
    givenName: p.givenName,
    familyKana: p.familyKana ?? '',
    givenKana: p.givenKana ?? '',
    sex: p.sex,
    birthDate: p.birthDate ?? '',
    address: p.address ?? '',
    phones: p.phones.join('、'),
    categories: p.concerns.categories,
    tags: p.concerns.tags,
    careFlags: p.careFlags,
    notes: p.notes ?? '',
    confidential: p.confidential,
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());
const isCareFlag = (v: string): v is CareFlag => (CARE_FLAG_CODES as readonly string[]).includes(v);

/** What is sent. Text is sent as typed (trimmed); notes are never altered beyond blank → null. */
export function inputFromForm(v: PersonFormValues): PersonInput {
  return {
    familyName: v.familyName.trim(),
    givenName: v.givenName.trim(),
    familyKana: orNull(v.familyKana),
    givenKana: orNull(v.givenKana),
    sex: v.sex,
    birthDate: orNull(v.birthDate),
    address: orNull(v.address),
    phones: v.phones
      .split(/[,、，;；\n]+/)
      .map((p) => p.trim())
      .filter(Boolean),
    notes: v.notes.trim() === '' ? null : v.notes,
    careFlags: v.careFlags.filter(isCareFlag),
    concerns: { categories: v.categories, tags: v.tags.map((t) => t.trim()).filter(Boolean) },
    confidential: v.confidential,
  };
}

/** The text the duplicate check searches for: the reading if typed, else the kanji name. */
export function duplicateProbe(v: PersonFormValues): string {
  const kana = `${v.familyKana}${v.givenKana}`.replace(/\s+/g, '');
  if (kana) return kana;
  return `${v.familyName}${v.givenName}`.replace(/\s+/g, '');
}
