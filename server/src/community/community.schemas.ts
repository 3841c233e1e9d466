/** Zod shapes of the 地域づくり API (validation and OpenAPI); only declared fields leave the server. */
import { z } from 'zod';
import { AGE_BAND_CODES } from './age-bands.js';

export const PLACE_KINDS = ['ibasho', 'salon', 'kayoi', 'kosodate', 'chiiki_katsudo', 'kodomo_shokudo', 'other'] as const;
export const PLACE_STATUSES = ['preparing', 'open', 'suspended', 'closed'] as const;
export const PARTNER_KINDS = ['npo', 'neighbourhood', 'school', 'company', 'welfare', 'volunteer', 'public', 'other'] as const;
export const LOG_KINDS = ['visit', 'meeting', 'coordination', 'launch_support', 'training', 'other'] as const;
export const FREQS = ['weekly', 'monthly_nth', 'monthly_day'] as const;

export const Day = z.iso.date({ error: '日付は YYYY-MM-DD の形で、実在する日を入力してください。' });
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '時刻は HH:MM の形で入力してください。');
const Text = (max: number) => z.string().trim().min(1).max(max);
const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => s || null);
const Ids = z.array(z.uuid()).max(50).default([]);
const Count = z.number().int().min(0, '0以上の数を入力してください。').max(100_000);
export const VersionField = z.number().int().min(1);

export const PlaceBody = z
  .object({
    name: Text(100),
    kind: z.enum(PLACE_KINDS),
    address: Optional(200),
    areaId: z.uuid().nullish(),
    operatorName: Optional(100),
    operatorPartnerId: z.uuid().nullish(),
    locationId: z.uuid().nullish(),
    serviceId: z.uuid().nullish(),
    openedOn: Day.nullish(),
    closedOn: Day.nullish(),
    status: z.enum(PLACE_STATUSES).default('open'),
    note: Optional(2000),
  })
  .strict();
export const PlaceUpdateBody = PlaceBody.extend({ version: VersionField }).strict();

export const ScheduleRuleBody = z
  .object({
    freq: z.enum(FREQS),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    intervalWeeks: z.number().int().min(1).max(8).default(1),
    nths: z.array(z.union([z.number().int().min(1).max(5), z.literal(-1)])).max(6).default([]),
    monthDays: z.array(z.number().int().min(1).max(31)).max(31).default([]),
  })
  .strict();

export const ActivityBody = z
  .object({
    name: Text(100),
    description: Optional(2000),
    schedule: ScheduleRuleBody,
    startsAt: Time,
    endsAt: Time,
    validFrom: Day,
    validTo: Day.nullish(),
    skipHolidays: z.boolean().default(false),
    partnerIds: Ids,
  })
  .strict();
export const ActivityUpdateBody = ActivityBody.extend({ version: VersionField }).strict();

export const BandCountsBody = z.object({ child: Count, adult: Count, elderly: Count, unknown: Count }).strict();
export const SessionBody = z
  .object({
    /** The version read; absent or null when the session is recorded for the first time. */
    version: VersionField.nullish(),
    status: z.enum(['held', 'cancelled']).default('held'),
    counts: BandCountsBody,
    volunteers: Count.nullish(),
    note: Optional(1000),
    partnerIds: Ids,
  })
  .strict();

export const PartnerBody = z.object({ name: Text(100), kind: z.enum(PARTNER_KINDS), organizationId: z.uuid().nullish() }).strict();

export const LogBody = z
  .object({
    entryOn: Day,
    kind: z.enum(LOG_KINDS),
    placeId: z.uuid().nullish(),
    areaId: z.uuid().nullish(),
    partnerIds: Ids,
    note: Text(4000),
  })
  .strict();
export const LogUpdateBody = LogBody.extend({ version: VersionField }).strict();

// --- views ---------------------------------------------------------------------------------------

const BandCounts = z.object({ child: z.number().int(), adult: z.number().int(), elderly: z.number().int(), unknown: z.number().int() });
const Named = z.object({ id: z.string(), name: z.string() });
export const PartnerView = z.object({ id: z.string(), name: z.string(), kind: z.enum(PARTNER_KINDS), organizationId: z.string().nullable(), organizationName: z.string().nullable(), version: z.number().int() });

export const ActivityView = z.object({
  id: z.string(),
  placeId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  schedule: z.object({ freq: z.enum(FREQS), weekdays: z.array(z.number().int()), intervalWeeks: z.number().int(), nths: z.array(z.number().int()), monthDays: z.array(z.number().int()) }),
  startsAt: z.string(),
  endsAt: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  skipHolidays: z.boolean(),
  partners: z.array(PartnerView.pick({ id: true, name: true, kind: true })),
  nextSessions: z.array(z.string()),
  lastHeldOn: z.string().nullable(),
  version: z.number().int(),
});

const PlaceFields = {
  id: z.string(),
  name: z.string(),
  kind: z.enum(PLACE_KINDS),
  status: z.enum(PLACE_STATUSES),
  address: z.string().nullable(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  operatorName: z.string().nullable(),
  operatorPartnerId: z.string().nullable(),
  operatorPartnerName: z.string().nullable(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
};
export const PlaceSummary = z.object({ ...PlaceFields, activityCount: z.number().int(), lastHeldOn: z.string().nullable() });
export const PlaceList = z.object({ items: z.array(PlaceSummary) });
export const PlaceView = z.object({
  ...PlaceFields,
  location: Named.nullable(),
  service: Named.nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  canEdit: z.boolean(),
  today: z.string(),
  activities: z.array(ActivityView),
});

export const SessionView = z.object({
  id: z.string(),
  activityId: z.string(),
  heldOn: z.string(),
  status: z.enum(['held', 'cancelled']),
  counts: BandCounts,
  total: z.number().int(),
  multiGenerational: z.boolean(),
  volunteers: z.number().int().nullable(),
  note: z.string().nullable(),
  partnerIds: z.array(z.string()),
  recordedBy: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export const SessionSlots = z.object({
  activityId: z.string(),
  from: z.string(),
  to: z.string(),
  today: z.string(),
  items: z.array(z.object({ heldOn: z.string(), scheduled: z.boolean(), future: z.boolean(), session: SessionView.nullable() })),
});

export const LogEntryView = z.object({
  id: z.string(),
  entryOn: z.string(),
  kind: z.enum(LOG_KINDS),
  placeId: z.string().nullable(),
  placeName: z.string().nullable(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  partners: z.array(Named),
  note: z.string(),
  userName: z.string(),
  agencyName: z.string().nullable(),
  mine: z.boolean(),
  version: z.number().int(),
});
export const LogList = z.object({ items: z.array(LogEntryView) });

const KpiFields = {
  places: z.number().int(),
  sessions: z.number().int(),
  participants: z.number().int(),
  partners: z.number().int(),
  multiGenerationalSessions: z.number().int(),
  byBand: BandCounts,
};
export const KpiView = z.object({
  fiscalYear: z.number().int(),
  from: z.string(),
  to: z.string(),
  areaId: z.string().nullable(),
  total: z.object(KpiFields),
  months: z.array(z.object({ month: z.string(), ...KpiFields })),
});

export const AgeBandList = z.object({
  items: z.array(z.object({ code: z.enum(AGE_BAND_CODES), label: z.string(), range: z.string(), minAge: z.number().int().nullable(), maxAge: z.number().int().nullable() })),
});
export const DirectoryOptions = z.object({
  organizations: z.array(Named),
  locations: z.array(Named.extend({ address: z.string().nullable(), areaId: z.string().nullable() })),
  services: z.array(Named.extend({ organizationName: z.string() })),
});
