/** Zod schemas of the 見える化 dashboard (counts only: nothing personal is declared, so nothing leaves). */
import { z } from 'zod';
import { JIGYO_CODES } from './dashboard-period.js';

export const DashboardQuerySchema = z.object({
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional(),
  areaId: z.uuid().optional(),
  agencyId: z.uuid().optional(),
  jigyo: z.enum(JIGYO_CODES).optional(),
  noContactDays: z.coerce.number().int().min(1).max(3650).optional(),
});

const Count = z.number().int();
const Days = z.object({ cases: Count, medianDays: z.number().nullable(), p90Days: z.number().nullable() });
const Named = z.object({ id: z.string(), name: z.string() });

export const DashboardView = z.object({
  fiscalYear: z.number().int(),
  month: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  filters: z.object({ areaId: z.string().nullable(), agencyId: z.string().nullable(), jigyo: z.enum(JIGYO_CODES).nullable() }),
  options: z.object({ areas: z.array(Named), agencies: z.array(Named) }),
  months: z.array(z.string()),
  statutory: z.array(
    z.object({ code: z.string(), label: z.string(), unit: z.string(), jigyo: z.enum(JIGYO_CODES), value: Count, months: z.array(z.object({ month: z.string(), value: Count })) }),
  ),
  collaboration: z
    .object({
      episodesActive: Count,
      episodesStarted: Count,
      episodesEnded: Count,
      plansCreated: Count,
      plansApproved: Count,
      evaluations: Count,
      plansClosed: Count,
      plansSuspended: Count,
    })
    .nullable(),
  meetings: z.array(z.object({ meetingTypeId: z.string(), name: z.string(), meetings: Count, cases: Count, casesPerMeeting: z.number() })).nullable(),
  outreach: z.object({ leadsActive: Count, leadsNew: Count, leadsConsented: Count, attempts: Count }).nullable(),
  referrals: z
    .object({
      total: Count,
      byStatus: z.array(z.object({ status: z.string(), count: Count })),
      pairs: z.array(z.object({ fromAgencyId: z.string(), fromName: z.string(), toAgencyId: z.string(), toName: z.string(), count: Count })),
    })
    .nullable(),
  timings: z.object({ toOwner: Days, toPlan: Days }).nullable(),
  cooccurrence: z
    .object({ categories: z.array(z.object({ code: z.string(), label: z.string() })), cells: z.array(z.object({ a: z.string(), b: z.string(), households: Count })) })
    .nullable(),
  noContact: z
    .object({
      days: Count,
      asOf: z.string(),
      openCases: Count,
      noContact: Count,
      byAgency: z.array(z.object({ agencyId: z.string(), name: z.string(), openCases: Count, noContact: Count })),
    })
    .nullable(),
  activity: z.array(z.object({ jigyo: z.enum(JIGYO_CODES), label: z.string(), records: Count })),
  zeroActivity: z.array(z.enum(JIGYO_CODES)),
});
