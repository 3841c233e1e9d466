/** Zod shapes of the アウトリーチ and 気づきの連絡 API (validation and OpenAPI); only declared fields leave. */
import { z } from 'zod';
import { CONCERN_CATEGORY_CODES } from '../consultation/concern-categories.js';
import { NOTICED_CODES } from './volunteer-reports.js';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => s || null);
const Version = z.number().int().min(1);
const s = z.string();
const sn = z.string().nullable();

export const LeadSource = z.enum(['volunteer', 'meeting', 'neighbour', 'agency', 'self_family', 'other']);
export const LeadStatus = z.enum(['open', 'in_contact', 'consented', 'closed']);
export const Urgency = z.enum(['normal', 'urgent', 'emergency']);
export const AttemptKind = z.enum(['visit', 'phone', 'letter', 'interview', 'accompany']);
export const AttemptOutcome = z.enum(['met', 'absent', 'refused', 'letter_left', 'no_answer', 'other']);
export const CloseReason = z.enum(['unreachable', 'moved', 'declined', 'handled_elsewhere', 'no_need', 'deceased', 'other']);
const IntervalDays = z.number().int().min(1).max(365).nullable();

/** 民生委員 may not file a lead by hand: their route is 気づきの連絡, so 'volunteer' is not a choice here. */
export const CreateLeadBody = z
  .object({
    agencyId: z.uuid().nullish(),
    areaId: z.uuid().nullish(),
    source: LeadSource.exclude(['volunteer']),
    sourceDetail: Optional(200),
    meetingId: z.uuid().nullish(),
    personId: z.uuid().nullish(),
    personDescription: Text(200),
    householdId: z.uuid().nullish(),
    location: Optional(200),
    concern: Text(4000),
    urgency: Urgency.optional(),
    assignedUserId: z.uuid().nullish(),
  })
  .strict();

export const UpdateLeadBody = z
  .object({
    version: Version,
    areaId: z.uuid().nullable().optional(),
    source: LeadSource.optional(),
    sourceDetail: Optional(200).optional(),
    meetingId: z.uuid().nullable().optional(),
    personId: z.uuid().nullable().optional(),
    personDescription: Text(200).optional(),
    householdId: z.uuid().nullable().optional(),
    location: Optional(200).optional(),
    concern: Text(4000).optional(),
    urgency: Urgency.optional(),
    assignedUserId: z.uuid().nullable().optional(),
  })
  .strict();

export const AttemptBody = z.object({ occurredAt: z.iso.datetime({ offset: true }).nullish(), kind: AttemptKind, outcome: AttemptOutcome, note: Optional(4000) }).strict();
export const StageBody = z.object({ stageId: z.uuid(), changedOn: Optional(40), note: Optional(2000), version: Version }).strict();
export const CloseBody = z.object({ reason: CloseReason, note: Optional(2000), version: Version }).strict();
export const VersionBody = z.object({ version: Version }).strict();
export const CadenceBody = z.object({ intervalDays: IntervalDays }).strict();
export const MoveToCaseBody = z
  .object({
    version: Version,
    householdId: z.uuid().nullish(),
    householdLabel: Optional(100),
    summary: Optional(4000),
    categories: z.array(z.enum(CONCERN_CATEGORY_CODES)).max(16).optional(),
    agencyScope: z.array(z.uuid()).max(50).nullish(),
    dataScope: z.array(z.string().min(1).max(40)).max(20).nullish(),
    validUntil: Optional(40),
  })
  .strict();

export const TrustStagesBody = z
  .object({
    version: z.number().int().min(0),
    stages: z.array(z.object({ id: z.uuid().nullish(), name: z.string().max(40), description: z.string().max(200).nullish(), retired: z.boolean().optional() }).strict()).min(1).max(20),
  })
  .strict();

export const VolunteerReportBody = z
  .object({
    subjectDescription: Text(200),
    location: Text(200),
    areaId: z.uuid().nullish(),
    noticed: z.array(z.enum(NOTICED_CODES)).max(NOTICED_CODES.length).default([]),
    note: Optional(2000),
    urgency: Urgency.default('normal'),
  })
  .strict();

const CadenceState = { lastContactOn: s, dueOn: s, lapsed: z.boolean(), daysOverdue: z.number().int() };

export const LeadView = z.object({
  id: s,
  agencyId: s,
  agencyName: s,
  areaId: sn,
  areaName: sn,
  source: LeadSource,
  sourceDetail: sn,
  meetingId: sn,
  meetingTitle: sn,
  personId: sn,
  personName: sn,
  personDescription: s,
  householdId: sn,
  householdLabel: sn,
  location: sn,
  concern: s,
  urgency: Urgency,
  assignedUserId: sn,
  assignedName: sn,
  status: LeadStatus,
  closeReason: CloseReason.nullable(),
  closeNote: sn,
  closedOn: sn,
  stageId: sn,
  stageName: sn,
  stageChangedOn: sn,
  consultationId: sn,
  caseId: sn,
  consentedOn: sn,
  openedOn: s,
  createdBy: s,
  version: z.number().int(),
  canEdit: z.boolean(),
  report: z.object({ id: s, reportedAt: s, reporterName: s, noticed: z.array(s), note: sn, urgency: Urgency }).nullable(),
  attempts: z.array(z.object({ id: s, occurredAt: s, kind: AttemptKind, outcome: AttemptOutcome, note: sn, recordedBy: s, agencyName: s })),
  stageHistory: z.array(z.object({ id: s, stageId: s, stageName: s, changedOn: s, note: sn, recordedBy: s })),
  cadence: z.object({ intervalDays: z.number().int(), startsOn: s, version: z.number().int(), ...CadenceState }).nullable(),
});

export const LeadList = z.object({
  items: z.array(
    z.object({
      id: s,
      label: s,
      identified: z.boolean(),
      areaName: sn,
      source: LeadSource,
      fromVolunteer: z.boolean(),
      urgency: Urgency,
      status: LeadStatus,
      stageName: sn,
      assignedName: sn,
      openedOn: s,
      attempts: z.number().int(),
      lastAttemptAt: sn,
    }),
  ),
});

export const Lapses = z.object({
  watched: z.number().int(),
  items: z.array(z.object({ kind: z.enum(['lead', 'case']), id: s, label: s, workerName: s, intervalDays: z.number().int(), lastContactOn: s, dueOn: s, daysOverdue: z.number().int() })),
});

export const CaseCadence = z.object({
  caseId: s,
  canEdit: z.boolean(),
  cadence: z.object({ intervalDays: z.number().int(), startsOn: s, workerName: s, ...CadenceState }).nullable(),
});

export const TrustStages = z.object({
  version: z.number().int(),
  stages: z.array(z.object({ id: s, code: s, name: s, description: s, order: z.number().int(), retired: z.boolean() })),
});

export const Options = z.object({
  areas: z.array(z.object({ id: s, code: s, name: s, responsibleAgencyName: sn })),
  workers: z.array(z.object({ id: s, name: s, agencyId: s })),
});

export const VolunteerStatus = z.enum(['received', 'in_progress', 'done']);
export const VolunteerForm = z.object({ areas: z.array(z.object({ id: s, name: s })), defaultAreaId: sn });
export const VolunteerReceipt = z.object({ id: s, reportedAt: s, status: VolunteerStatus });
export const MyReports = z.object({
  items: z.array(z.object({ id: s, reportedAt: s, subjectDescription: s, location: s, areaName: s, urgency: Urgency, noticed: z.array(s), status: VolunteerStatus })),
});
