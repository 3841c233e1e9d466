/**
 * What an HSDS 3.0 service object must look like to be imported (JSON, or assembled from the
 * tabular CSV files). Lenient where HSDS is (null = absent, unknown fields are ignored and
 * reported), strict where Kasane's tables are (uuid ids, status, whole-number ages and yen).
 * Messages are Japanese.
 */
import { z } from 'zod';

const Id = z.uuid({ error: 'id は UUID の形で指定してください。' });
const text = (max: number) =>
  z
    .string({ error: '文字列で指定してください。' })
    .trim()
    .max(max, { error: `${max}文字以内にしてください。` })
    .nullish()
    .transform((s) => s || null);
const Int = (what: string, max: number) =>
  z
    .number({ error: `${what}は数値で指定してください。` })
    .int({ error: `${what}は整数で指定してください。` })
    .min(0, { error: `${what}は0以上にしてください。` })
    .max(max, { error: `${what}が大きすぎます。` })
    .nullish()
    .transform((n) => n ?? null);
const Day = z.iso
  .date({ error: '日付は YYYY-MM-DD の形で指定してください。' })
  .nullish()
  .transform((s) => s ?? null);
const list = <T extends z.ZodTypeAny>(item: T, max: number) =>
  z
    .array(item, { error: '配列で指定してください。' })
    .max(max, { error: `${max}件以内にしてください。` })
    .nullish()
    .transform((a) => a ?? []);

export const ImportTaxonomyTerm = z.object({
  id: Id,
  code: text(100),
  name: z.string({ error: '分類の名称（name）が必要です。' }).trim().min(1, { error: '分類の名称（name）が必要です。' }).max(200),
  description: text(2000),
  parent_id: Id.nullish(),
  taxonomy: text(100),
  taxonomy_detail: z.object({ name: text(100) }).nullish(),
});

export const ImportAttribute = z.object({
  id: Id.nullish(),
  taxonomy_term_id: Id.nullish(),
  link_entity: text(50),
  link_type: text(50),
  value: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (v === null || v === undefined ? null : String(v).trim())),
  taxonomy_term: ImportTaxonomyTerm.nullish(),
});
export type ImportAttribute = z.output<typeof ImportAttribute>;

const ImportPhone = z.object({ id: Id.nullish(), number: z.string({ error: '電話番号（number）が必要です。' }).trim().min(1).max(40) });

export const ImportOrganization = z.object({
  id: Id,
  name: z.string({ error: '提供機関の名称（name）が必要です。' }).trim().min(1, { error: '提供機関の名称（name）が必要です。' }).max(200),
  alternate_name: text(200),
  description: text(4000),
  email: text(254),
  website: text(500),
  phones: list(ImportPhone, 10),
});
export type ImportOrganization = z.output<typeof ImportOrganization>;

const ImportAddress = z.object({
  address_1: text(300),
  address_2: text(300),
  city: text(100),
  state_province: text(100),
  postal_code: text(20),
  country: text(10),
});

export const ImportLocation = z.object({
  id: Id,
  location_type: z.enum(['physical', 'postal', 'virtual'], { error: 'location_type は physical / postal / virtual のどれかにしてください。' }).nullish(),
  organization_id: Id.nullish(),
  name: text(200),
  description: text(2000),
  latitude: z.number().min(-90).max(90).nullish(),
  longitude: z.number().min(-180).max(180).nullish(),
  addresses: list(ImportAddress, 5),
  accessibility: list(z.object({ description: text(1000) }), 10),
  attributes: list(ImportAttribute, 20),
});
export type ImportLocation = z.output<typeof ImportLocation>;

export const ImportSchedule = z.object({
  id: Id,
  location_id: Id.nullish(),
  service_at_location_id: Id.nullish(),
  freq: z.enum(['WEEKLY', 'MONTHLY'], { error: 'freq は WEEKLY か MONTHLY にしてください。' }).nullish(),
  interval: z.number().int().min(1).max(12).nullish(),
  byday: text(100),
  bymonthday: text(100),
  opens_at: text(30),
  closes_at: text(30),
  timezone: z.number().min(-12).max(14).nullish(),
  valid_from: Day,
  valid_to: Day,
  description: text(500),
});
export type ImportSchedule = z.output<typeof ImportSchedule>;

export const ImportService = z.object({
  id: Id,
  organization_id: Id.nullish(),
  organization: ImportOrganization.nullish(),
  name: z.string({ error: 'サービスの名称（name）が必要です。' }).trim().min(1, { error: 'サービスの名称（name）が必要です。' }).max(200, { error: '200文字以内にしてください。' }),
  alternate_name: text(200),
  description: text(4000),
  url: text(500),
  email: text(254),
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed'], { error: 'status は active / inactive / defunct / temporarily closed のどれかにしてください。' }),
  application_process: text(2000),
  fees_description: text(2000),
  eligibility_description: text(2000),
  minimum_age: Int('minimum_age（対象年齢の下限）', 150),
  maximum_age: Int('maximum_age（対象年齢の上限）', 150),
  assured_date: Day,
  assurer_email: text(254),
  phones: list(ImportPhone, 10),
  schedules: list(ImportSchedule, 30),
  service_areas: list(z.object({ id: Id, name: text(200), description: text(1000), attributes: list(ImportAttribute, 10) }), 50),
  service_at_locations: list(z.object({ id: Id, location_id: Id.nullish(), description: text(1000), location: ImportLocation.nullish() }), 20),
  languages: list(z.object({ id: Id, code: text(35), name: text(100), note: text(500) }), 20),
  cost_options: list(
    z.object({
      id: Id,
      option: text(200),
      currency: text(3),
      amount: z.number({ error: '金額は数値で指定してください。' }).int({ error: '金額は円単位の整数にしてください。' }).min(0).nullish(),
      amount_description: text(500),
    }),
    20,
  ),
  attributes: list(ImportAttribute, 50),
});
export type ImportService = z.output<typeof ImportService>;

/** Top-level fields Kasane reads; anything else in an imported service is reported as ignored. */
export const READ_SERVICE_FIELDS: ReadonlySet<string> = new Set([...Object.keys(ImportService.shape), 'last_modified']);
