/** Zod shapes of the 会議 API (validation and OpenAPI). */
import { z } from 'zod';
import { MEETING_DECISIONS } from './meeting-rules.js';

export const Text = (max: number) => z.string().trim().min(1).max(max);
export const Optional = (max: number) => z.string().trim().max(max).nullish();
export const Version = z.object({ version: z.number().int().min(1) });
export const Decision = z.enum(MEETING_DECISIONS);
export const MeetingStatus = z.enum(['scheduled', 'open', 'closed']);

export const MeetingTypeBody = z
  .object({
    code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,39}$/, 'コードは半角英小文字・数字・_ で入力してください。'),
    name: Text(100),
    legalBasis: Text(200),
    convenedBy: Text(100),
    memberAgencyIds: z.array(z.uuid()).max(100),
    consentRequired: z.boolean(),
    closedToPublic: z.boolean(),
  })
  .strict();
export const MeetingTypeCopyBody = MeetingTypeBody.partial().extend({ code: MeetingTypeBody.shape.code, name: Text(100), legalBasis: Text(200) }).strict();
export const MeetingTypeUpdateBody = MeetingTypeBody.omit({ code: true }).extend({ active: z.boolean(), version: z.number().int().min(1) }).strict();

export const MeetingTypeView = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  convenedBy: z.string(),
  memberAgencyIds: z.array(z.string()),
  consentRequired: z.boolean(),
  closedToPublic: z.boolean(),
  copiedFromCode: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});

export const ScheduleBody = z
  .object({
    meetingTypeId: z.uuid(),
    title: Text(200),
    scheduledAt: z.iso.datetime({ offset: true }),
    place: Optional(200),
    memberAgencyIds: z.array(z.uuid()).max(100).nullish(),
    memberUserIds: z.array(z.uuid()).max(100).nullish(),
    agencyId: z.uuid().nullish(),
  })
  .strict();

const HiddenReason = z.enum(['confidentiality_not_acknowledged', 'consent_missing', 'meeting_closed', 'no_relationship', 'default_deny']);

export const AgendaItemSummary = z.object({
  id: z.string(),
  caseId: z.string(),
  basis: z.enum(['consent', 'statutory']),
  legalBasis: z.string().nullable(),
  consentId: z.string().nullable(),
  /** null while the material is not visible to the actor (see hiddenReason). */
  householdLabel: z.string().nullable(),
  hiddenReason: HiddenReason.nullable(),
  decision: Decision.nullable(),
  version: z.number().int(),
});

export const MeetingView = z.object({
  id: z.string(),
  title: z.string(),
  scheduledAt: z.string(),
  place: z.string().nullable(),
  status: MeetingStatus,
  version: z.number().int(),
  type: z.object({ id: z.string(), code: z.string(), name: z.string(), legalBasis: z.string(), consentRequired: z.boolean(), closedToPublic: z.boolean() }),
  convenedByAgencyId: z.string(),
  convenedByAgencyName: z.string(),
  myRole: z.enum(['convener', 'member']),
  acknowledgementRequired: z.boolean(),
  acknowledgedByMe: z.boolean(),
  members: z.array(z.object({ agencyId: z.string(), agencyName: z.string(), userId: z.string().nullable(), userName: z.string().nullable(), attended: z.boolean().nullable() })),
  acknowledgements: z.array(z.object({ userId: z.string(), userName: z.string(), at: z.string() })),
  agendaItems: z.array(AgendaItemSummary),
});

export const MeetingListItem = z.object({
  id: z.string(),
  title: z.string(),
  scheduledAt: z.string(),
  place: z.string().nullable(),
  status: MeetingStatus,
  typeCode: z.string(),
  typeName: z.string(),
  convenedByAgencyName: z.string(),
  agendaCount: z.number().int(),
});

export const InfoRequestView = z.object({
  id: z.string(),
  toAgencyId: z.string(),
  toAgencyName: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  requestedAt: z.string(),
});

export const MaterialView = z.object({
  agendaItemId: z.string(),
  meetingId: z.string(),
  caseId: z.string(),
  basis: z.enum(['consent', 'statutory']),
  legalBasis: z.string().nullable(),
  consentId: z.string().nullable(),
  accessBasis: z.string(),
  householdLabel: z.string(),
  leadAgencyName: z.string(),
  members: z.array(z.object({ personId: z.string(), name: z.string(), roleInHousehold: z.string(), concerns: z.array(z.string()) })),
  minutes: z.string().nullable(),
  decision: Decision.nullable(),
  decisionNote: z.string().nullable(),
  planId: z.string().nullable(),
  planVersion: z.number().int().nullable(),
  activePlan: z.object({ planId: z.string(), currentVersion: z.number().int() }).nullable(),
  infoRequests: z.array(InfoRequestView),
  version: z.number().int(),
});
