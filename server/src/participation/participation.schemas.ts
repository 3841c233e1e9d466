/** Zod shapes of the 参加支援 API (validation and OpenAPI); only declared fields leave the server. */
import { z } from 'zod';
import { CONDITIONS, HOST_STAGES, HOST_SUPPORT_KINDS, NEED_CODE_LIST, type NeedCode as Need, PLACEMENT_STATUSES, WEEKDAYS } from './participation-codes.js';

const Day = z.iso.date({ error: '日付は YYYY-MM-DD の形で、実在する日を入力してください。' });
const Time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: '時刻は HH:MM の形で入力してください。' });
const Text = (max: number) => z.string().trim().min(1).max(max);
const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => s || null);
const Version = z.number().int().min(1);
const Code = z.string().min(1).max(64);
const Weekday = z.enum(WEEKDAYS);
const NeedCode = z.enum(NEED_CODE_LIST as [Need, ...Need[]]);
const Age = z.number().int().min(0).max(130).nullish();

const NeedFields = {
  caseId: z.uuid().nullish(),
  wishCodes: z.array(Code).max(20),
  personWords: z.string().trim().max(4000).optional(),
  preferredAreaIds: z.array(z.uuid()).max(50).optional(),
  availableDays: z.array(Weekday).max(7).optional(),
  availableFrom: Time.nullish(),
  availableTo: Time.nullish(),
  needCodes: z.array(NeedCode).max(20).optional(),
  needsNote: z.string().trim().max(4000).optional(),
  startWishOn: Day.nullish(),
  acceptsWaitlist: z.boolean().optional(),
};
export const CreateNeedBody = z.object({ personId: z.uuid(), agencyId: z.uuid().nullish(), openedOn: Day.optional(), ...NeedFields }).strict();
export const UpdateNeedBody = z.object({ version: Version, ...NeedFields }).strict();
export const CloseNeedBody = z.object({ version: Version, closedOn: Day.optional(), reason: Text(2000) }).strict();
export const PlaceBody = z.object({ targetKind: z.enum(['service', 'host']), targetId: z.uuid(), startOn: Day, hostContact: Optional(500) }).strict();
export const PlacementStatusBody = z.object({ version: Version, status: z.enum(PLACEMENT_STATUSES), on: Day.optional(), reason: Optional(2000) }).strict();
export const FollowupDoneBody = z.object({ version: Version, doneOn: Day.optional(), condition: z.enum(CONDITIONS), note: Optional(4000) }).strict();
export const AddFollowupBody = z.object({ label: Text(100), dueOn: Day }).strict();
export const HostSupportBody = z.object({ supportedOn: Day.optional(), kind: z.enum(HOST_SUPPORT_KINDS), note: Text(4000) }).strict();

const HostFields = {
  name: Text(200),
  organizationId: z.uuid().nullish(),
  areaId: z.uuid().nullish(),
  address: Optional(500),
  contactName: Optional(200),
  contactPhone: Optional(50),
  contactEmail: Optional(200),
  offerCodes: z.array(Code).max(20).optional(),
  offerDescription: z.string().trim().max(4000).optional(),
  accommodationCodes: z.array(NeedCode).max(20).optional(),
  availableDays: z.array(Weekday).max(7).optional(),
  opensAt: Time.nullish(),
  closesAt: Time.nullish(),
  minimumAge: Age,
  maximumAge: Age,
  capacity: z.number().int().min(0).max(10_000).nullish(),
};
export const CreateHostBody = z.object({ ...HostFields, note: Optional(2000) }).strict();
export const UpdateHostBody = z.object({ version: Version, ...HostFields }).strict();
export const HostStageBody = z.object({ version: Version, stage: z.enum(HOST_STAGES), on: Day.optional(), note: Optional(2000) }).strict();

const Named = z.object({ code: z.string(), name: z.string() });
const Reason = z.object({ kind: z.string(), tone: z.enum(['good', 'caution', 'bad']), text: z.string() });
const Match = z.object({
  kind: z.enum(['service', 'host']),
  id: z.string(),
  name: z.string(),
  organizationName: z.string().nullable(),
  score: z.number(),
  excluded: z.boolean(),
  full: z.boolean(),
  remaining: z.number().nullable(),
  waitlistCount: z.number().nullable(),
  reasons: z.array(Reason),
});
export const Matches = z.object({ age: z.number().nullable(), matches: z.array(Match), excluded: z.array(Match) });

const Followup = z.object({
  id: z.string(),
  version: z.number(),
  label: z.string(),
  dueOn: z.string(),
  doneOn: z.string().nullable(),
  condition: z.enum(CONDITIONS).nullable(),
  note: z.string().nullable(),
  doneBy: z.string().nullable(),
  overdue: z.boolean(),
});
const Placement = z.object({
  id: z.string(),
  version: z.number(),
  targetKind: z.enum(['service', 'host']),
  targetId: z.string(),
  targetName: z.string(),
  organizationName: z.string().nullable(),
  startOn: z.string(),
  hostContact: z.string().nullable(),
  status: z.enum(PLACEMENT_STATUSES),
  nextStatuses: z.array(z.enum(PLACEMENT_STATUSES)),
  endedOn: z.string().nullable(),
  endReason: z.string().nullable(),
  matchReasons: z.array(z.string()),
  capacity: z.number().nullable(),
  remaining: z.number().nullable(),
  followups: z.array(Followup),
  hostSupport: z.array(z.object({ id: z.string(), supportedOn: z.string(), kind: z.enum(HOST_SUPPORT_KINDS), note: z.string(), recordedBy: z.string() })),
});
export const NeedView = z.object({
  id: z.string(),
  version: z.number(),
  status: z.enum(['active', 'closed']),
  openedOn: z.string(),
  closedOn: z.string().nullable(),
  closeReason: z.string().nullable(),
  person: z.object({ id: z.string(), name: z.string(), kana: z.string().nullable(), birthDate: z.string().nullable(), age: z.number().nullable() }),
  caseId: z.string().nullable(),
  householdLabel: z.string().nullable(),
  keepingAgencyId: z.string(),
  keepingAgencyName: z.string(),
  workerName: z.string(),
  wishes: z.array(Named),
  personWords: z.string(),
  preferredAreas: z.array(z.object({ id: z.string(), name: z.string() })),
  availableDays: z.array(z.string()),
  availableFrom: z.string().nullable(),
  availableTo: z.string().nullable(),
  needCodes: z.array(z.string()),
  needsNote: z.string(),
  startWishOn: z.string().nullable(),
  acceptsWaitlist: z.boolean(),
  placements: z.array(Placement),
});
export const NeedList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      personId: z.string(),
      personName: z.string(),
      status: z.enum(['active', 'closed']),
      openedOn: z.string(),
      closedOn: z.string().nullable(),
      wishes: z.array(z.string()),
      keepingAgencyName: z.string(),
      workerName: z.string(),
      runningPlacements: z.number(),
      overdueFollowups: z.number(),
      nextDueOn: z.string().nullable(),
    }),
  ),
});

export const HostView = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  organizationId: z.string().nullable(),
  organizationName: z.string().nullable(),
  areaId: z.string().nullable(),
  areaName: z.string().nullable(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  offers: z.array(Named),
  offerDescription: z.string(),
  accommodationCodes: z.array(z.string()),
  availableDays: z.array(z.string()),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  minimumAge: z.number().nullable(),
  maximumAge: z.number().nullable(),
  capacity: z.number().nullable(),
  placed: z.number(),
  remaining: z.number().nullable(),
  stage: z.enum(HOST_STAGES),
  registeredOn: z.string().nullable(),
  nextStages: z.array(z.enum(HOST_STAGES)),
  history: z.array(z.object({ id: z.string(), fromStage: z.enum(HOST_STAGES).nullable(), toStage: z.enum(HOST_STAGES), occurredOn: z.string(), note: z.string().nullable(), recordedBy: z.string() })),
});
export const HostList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      stage: z.enum(HOST_STAGES),
      stageSince: z.string().nullable(),
      registeredOn: z.string().nullable(),
      areaName: z.string().nullable(),
      offers: z.array(z.string()),
      contactName: z.string().nullable(),
      capacity: z.number().nullable(),
      remaining: z.number().nullable(),
    }),
  ),
});

export const Options = z.object({
  wishes: z.array(Named),
  areas: z.array(z.object({ id: z.string(), name: z.string() })),
  needs: z.array(z.object({ code: z.string(), label: z.string() })),
  organizations: z.array(z.object({ id: z.string(), name: z.string() })),
});

const Count = z.number().nullable();
const Counts = { personsSupported: Count, hostsRegistered: Count, hostsNew: Count, placementsStarted: Count, followupsDone: Count, followupsOverdue: Count };
export const Kpis = z.object({
  fiscalYear: z.number(),
  from: z.string(),
  to: z.string(),
  suppressedBelow: z.number().nullable(),
  year: z.object(Counts),
  months: z.array(z.object({ month: z.string(), ...Counts })),
  pipeline: z.object({ candidate: Count, approached: Count, registered: Count, declined: Count }),
});
