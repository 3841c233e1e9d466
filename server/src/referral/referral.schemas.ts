/** Zod shapes of the つなぐ API (validation and OpenAPI). */
import { z } from 'zod';
import { LEGAL_BASIS_CODES } from './legal-bases.js';
import { REFERRAL_ACTIONS, REFERRAL_STATUSES } from './referral-states.js';

export const Status = z.enum(REFERRAL_STATUSES);
export const Urgency = z.enum(['normal', 'urgent', 'emergency']);
export const RejectReason = z.enum(['not_eligible', 'no_capacity', 'person_declined', 'unreachable', 'other']);
const Text = (max: number) => z.string().trim().min(1).max(max);
const AttachmentKind = z.enum(['consultation', 'progress_note', 'assessment']);

export const ReferralBody = z
  .object({
    toAgencyId: z.uuid(),
    fromAgencyId: z.uuid().nullish(),
    personId: z.uuid().nullish(),
    householdId: z.uuid().nullish(),
    consultationId: z.uuid().nullish(),
    reason: Text(4000),
    urgency: Urgency,
    basis: z.enum(['consent', 'legal']),
    legalBasis: z.enum(LEGAL_BASIS_CODES).nullish(),
    consentOverrideReason: z.string().trim().max(2000).nullish(),
    attachments: z.array(z.object({ kind: AttachmentKind, id: z.uuid() }).strict()).max(50),
  })
  .strict();

export const ReferralView = z.object({
  id: z.string(),
  status: Status,
  urgency: Urgency,
  side: z.enum(['sender', 'receiver']),
  fromAgencyId: z.string(),
  fromAgencyName: z.string(),
  toAgencyId: z.string(),
  toAgencyName: z.string(),
  createdBy: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  householdId: z.string().nullable(),
  householdLabel: z.string().nullable(),
  caseId: z.string().nullable(),
  consultationId: z.string().nullable(),
  reason: z.string(),
  basis: z.enum(['consent', 'legal']),
  legalBasis: z.string().nullable(),
  legalBasisLabel: z.string().nullable(),
  consentId: z.string().nullable(),
  consentOverride: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
  requestedAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  dueBy: z.string().nullable(),
  overdue: z.boolean(),
  workingDaysWaiting: z.number().int().nullable(),
  rejectReason: RejectReason.nullable(),
  outcomeNote: z.string().nullable(),
  needMet: z.boolean().nullable(),
  attachments: z.array(z.object({ kind: AttachmentKind, id: z.string(), label: z.string(), date: z.string() })),
  history: z.array(z.object({ from: Status.nullable(), to: Status, at: z.string(), by: z.string(), agencyName: z.string(), note: z.string().nullable() })),
  allowedActions: z.array(z.enum(['edit', ...REFERRAL_ACTIONS])),
  version: z.number().int(),
});

export const ReferralListItem = z.object({
  id: z.string(),
  status: Status,
  urgency: Urgency,
  fromAgencyName: z.string(),
  toAgencyName: z.string(),
  personName: z.string().nullable(),
  householdLabel: z.string().nullable(),
  requestedAt: z.string().nullable(),
  dueBy: z.string().nullable(),
  overdue: z.boolean(),
  workingDaysWaiting: z.number().int().nullable(),
});

export const SubjectQuery = z.object({ personId: z.uuid().optional(), householdId: z.uuid().optional(), consultationId: z.uuid().optional() });
export const Version = z.object({ version: z.number().int().min(1) });
export { Text };
