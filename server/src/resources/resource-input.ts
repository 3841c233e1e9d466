/**
 * What staff send to register or edit a 地域資源 (HSDS service with its schedules, 提供地域,
 * languages, costs and locations) or a 提供機関 (organization). Zod shapes with Japanese messages,
 * then the rules that span fields (年齢の範囲, 曜日と時刻) as field problems.
 */
import { z } from 'zod';
import { canonicalList, canonicalPostalCode, scheduleProblems } from './directory-rules.js';

const trimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `${max}文字以内で入力してください。` });
const optionalText = (max: number) =>
  trimmed(max)
    .nullish()
    .transform((s) => s || null);
const Day = z.iso.date({ error: '日付は YYYY-MM-DD の形で、実在する日を入力してください。' });
const Age = z.int({ error: '年齢は0〜150の整数で入力してください。' }).min(0, { error: '年齢は0〜150の整数で入力してください。' }).max(150, { error: '年齢は0〜150の整数で入力してください。' });
const Count = z.int({ error: '人数は0以上の整数で入力してください。' }).min(0, { error: '人数は0以上の整数で入力してください。' }).max(100_000, { error: '人数が大きすぎます。' });
const Url = z
  .string()
  .trim()
  .max(500)
  .nullish()
  .transform((s) => s || null)
  .refine((s) => s === null || /^https?:\/\/[^\s]+$/.test(s), { error: 'URL は http:// または https:// で始まる形で入力してください。' });
const Email = z
  .string()
  .trim()
  .max(254)
  .nullish()
  .transform((s) => s || null)
  .refine((s) => s === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { error: 'メールアドレスの形が正しくありません。' });
const Phone = z
  .string()
  .trim()
  .max(40)
  .nullish()
  .transform((s) => (s ? s.normalize('NFKC') : null))
  .refine((s) => s === null || /^[0-9()+\- ]{6,}$/.test(s), { error: '電話番号は数字とハイフンで入力してください（例: 0120-123-456）。' });
const Time = z
  .string()
  .trim()
  .nullish()
  .transform((s) => (s ? s.normalize('NFKC').slice(0, 5) : null));
const Id = z.uuid({ error: 'IDの形が正しくありません。' });

export const SERVICE_STATUSES = ['active', 'inactive', 'temporarily closed', 'defunct'] as const;
export const STATUS_LABELS: Readonly<Record<(typeof SERVICE_STATUSES)[number], string>> = {
  active: '実施中',
  inactive: '休止',
  'temporarily closed': '一時休止',
  defunct: '廃止',
};

export const ScheduleInput = z.object({
  id: Id.nullish(),
  locationId: Id.nullish(),
  freq: z.enum(['WEEKLY', 'MONTHLY'], { error: '繰り返しは「毎週」か「毎月」を選んでください。' }),
  interval: z.int().min(1).max(12).default(1),
  byday: trimmed(100)
    .nullish()
    .transform((s) => canonicalList(s ?? null)),
  bymonthday: trimmed(100)
    .nullish()
    .transform((s) => canonicalList(s ?? null)),
  opensAt: Time,
  closesAt: Time,
  validFrom: Day.nullish().transform((s) => s ?? null),
  validTo: Day.nullish().transform((s) => s ?? null),
  description: optionalText(500),
});
export type ScheduleInput = z.output<typeof ScheduleInput>;

export const LocationInput = z.object({
  id: Id.nullish(),
  locationType: z.enum(['physical', 'postal', 'virtual']).default('physical'),
  name: optionalText(200),
  description: optionalText(2000),
  address: optionalText(300),
  postalCode: optionalText(10),
  areaId: Id.nullish().transform((s) => s ?? null),
  latitude: z
    .number()
    .min(-90)
    .max(90)
    .nullish()
    .transform((n) => n ?? null),
  longitude: z
    .number()
    .min(-180)
    .max(180)
    .nullish()
    .transform((n) => n ?? null),
  accessibility: optionalText(1000),
});
export type LocationInput = z.output<typeof LocationInput>;

export const ServiceAreaInput = z.object({
  id: Id.nullish(),
  areaId: Id.nullish().transform((s) => s ?? null),
  name: optionalText(200),
  description: optionalText(1000),
});
export type ServiceAreaInput = z.output<typeof ServiceAreaInput>;

export const LanguageInput = z.object({
  id: Id.nullish(),
  code: trimmed(35).min(1, { error: '言語コードを入力してください（例: ja, en, ja-x-easy）。' }),
  name: trimmed(100).min(1, { error: '言語名を入力してください。' }),
  note: optionalText(500),
});
export type LanguageInput = z.output<typeof LanguageInput>;

export const CostOptionInput = z.object({
  id: Id.nullish(),
  option: optionalText(200),
  amount: z
    .int({ error: '金額は0以上の整数（円）で入力してください。' })
    .min(0, { error: '金額は0以上の整数（円）で入力してください。' })
    .nullish()
    .transform((n) => n ?? null),
  amountDescription: optionalText(500),
});
export type CostOptionInput = z.output<typeof CostOptionInput>;

export const ServiceInput = z.object({
  organizationId: Id,
  name: trimmed(200).min(1, { error: '名称を入力してください。' }),
  alternateName: optionalText(200),
  description: trimmed(4000).default(''),
  url: Url,
  email: Email,
  phone: Phone,
  status: z.enum(SERVICE_STATUSES, { error: '状態を選んでください。' }).default('active'),
  applicationProcess: optionalText(2000),
  feesDescription: optionalText(2000),
  eligibilityDescription: optionalText(2000),
  minimumAge: Age.nullish().transform((n) => n ?? null),
  maximumAge: Age.nullish().transform((n) => n ?? null),
  capacity: Count.nullish().transform((n) => n ?? null),
  waitlistCount: Count.nullish().transform((n) => n ?? null),
  termIds: z.array(Id).max(30).default([]),
  schedules: z.array(ScheduleInput).max(30).default([]),
  serviceAreas: z.array(ServiceAreaInput).max(50).default([]),
  languages: z.array(LanguageInput).max(20).default([]),
  costOptions: z.array(CostOptionInput).max(20).default([]),
  locations: z.array(LocationInput).max(20).default([]),
});
export type ServiceInput = z.output<typeof ServiceInput>;
export const UpdateServiceInput = ServiceInput.extend({ version: z.int().min(1) });
export const AssureInput = z.object({ version: z.int().min(1) });

export const OrganizationInput = z.object({
  name: trimmed(200).min(1, { error: '名称を入力してください。' }),
  alternateName: optionalText(200),
  description: trimmed(4000).default(''),
  email: Email,
  website: Url,
  phone: Phone,
});
export type OrganizationInput = z.output<typeof OrganizationInput>;
export const UpdateOrganizationInput = OrganizationInput.extend({ version: z.int().min(1) });

export interface FieldProblem {
  path: string;
  message: string;
}

/** Rules that span fields of a service; paths as the API reports them ('schedules.0.closesAt'). */
export function serviceProblems(input: ServiceInput): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (input.minimumAge !== null && input.maximumAge !== null && input.minimumAge > input.maximumAge) {
    out.push({ path: 'maximumAge', message: '対象年齢の上限は下限以上にしてください。' });
  }
  input.schedules.forEach((s, i) => {
    for (const p of scheduleProblems(s)) out.push({ path: `schedules.${i}.${p.field}`, message: p.message });
  });
  input.locations.forEach((l, i) => {
    if (l.postalCode !== null && canonicalPostalCode(l.postalCode) === null) out.push({ path: `locations.${i}.postalCode`, message: '郵便番号は 123-4567 の形で入力してください。' });
    if (l.locationType === 'physical' && !l.address && !l.name) out.push({ path: `locations.${i}.address`, message: '場所の名称か住所を入力してください。' });
  });
  input.serviceAreas.forEach((a, i) => {
    if (a.areaId === null && !a.name) out.push({ path: `serviceAreas.${i}.name`, message: '提供地域は圏域を選ぶか名称を入力してください。' });
  });
  const dupes = (ids: readonly (string | null | undefined)[]) => ids.filter((id, i) => id && ids.indexOf(id) !== i);
  if (dupes(input.termIds).length > 0) out.push({ path: 'termIds', message: '同じ分類が重複しています。' });
  if (dupes(input.serviceAreas.map((a) => a.areaId)).length > 0) out.push({ path: 'serviceAreas', message: '同じ圏域が重複しています。' });
  if (dupes(input.locations.map((l) => l.id)).length > 0) out.push({ path: 'locations', message: '同じ場所が重複しています。' });
  return out;
}

