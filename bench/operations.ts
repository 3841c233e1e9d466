/**
 * The operations measured one at a time, each twice on the same inputs: through the HTTP API as a
 * signed-in user, and as its SQL floor — the same repository/query functions the use case calls,
 * on a direct Kysely handle, without HTTP, session, authorization or audit.
 */
import { findPersons } from '../server/src/consultation/search-persons.js';
import { teamAgencies } from '../server/src/collaboration/collaboration-facts.js';
import { loadCaseTimeline } from '../server/src/consultation/case-timeline.repo.js';
import { consentHistory, loadConsultation } from '../server/src/consultation/consultation.repo.js';
import { toConsultationView } from '../server/src/consultation/consultation-view.js';
import { toHouseholdView } from '../server/src/consultation/household-view.js';
import { getHousehold } from '../server/src/consultation/household.repo.js';
import { isoDayInJapan } from '../server/src/consultation/japanese/japanese-date.js';
import { findReferrals } from '../server/src/referral/list-referrals.js';
import { loadReferralSettings } from '../server/src/referral/referral.repo.js';
import type { Db } from '../server/src/platform/db/database.js';
import { newId } from '../server/src/platform/db/ids.js';
import { dashboardFloor } from './floor-dashboard.js';
import type { BenchInputs } from './inputs.js';
import { pick } from './stats.js';

export type SearchKind = keyof BenchInputs['search'];
export type OperationName = `search.${SearchKind}` | 'household' | 'timeline' | 'intake' | 'inbox' | 'dashboard';

export interface ApiRequest {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  /** Signed in as the dashboard user instead of the caseworker. */
  asDashboardUser?: boolean;
}

export interface Operation {
  name: OperationName;
  read: boolean;
  /** Fewer samples for the heavy ones. */
  samplesOf(n: number): number;
  api(inputs: BenchInputs, i: number): ApiRequest;
  floor(db: Db, inputs: BenchInputs, i: number): Promise<unknown>;
}

/** A realistic 相談受付: third-party caller, three concerns, a paragraph of text. */
export const INTAKE = {
  route: 'phone',
  visitor: { kind: 'other', relationship: '民生委員' },
  anonymous: true,
  categories: ['care', 'withdrawal', 'living_costs'],
  primaryCategory: 'withdrawal',
  summary: '80代の母親と50代の息子の二人暮らし。息子を長く見かけず、母親の通院も途絶えている様子。',
  consentStatus: 'unknown',
} as const;

export const searchPath = (q: string) => `/api/v1/persons?q=${encodeURIComponent(q)}`;
export const householdPath = (id: string) => `/api/v1/households/${id}`;
export const timelinePath = (id: string) => `/api/v1/cases/${id}/timeline`;
export const INBOX_PATH = '/api/v1/referrals?box=inbox';
export const intakeRequest = (): ApiRequest => ({ method: 'POST', path: '/api/v1/consultations', body: JSON.stringify(INTAKE) });

const search = (kind: SearchKind): Operation => ({
  name: `search.${kind}`,
  read: true,
  samplesOf: (n) => n,
  api: (inputs, i) => ({ method: 'GET', path: searchPath(pick(inputs.search[kind], i)) }),
  floor: (db, inputs, i) => findPersons(db, inputs.actor, new Date(), pick(inputs.search[kind], i)),
});

/** The intake's writes and read-back in one transaction, as takeConsultation does them. */
async function intakeFloor(db: Db, inputs: BenchInputs): Promise<unknown> {
  const { actor } = inputs;
  const mid = actor.municipalityId;
  const now = new Date();
  return db.transaction().execute(async (tx) => {
    const consultationId = newId();
    await tx
      .insertInto('consultation')
      .values({
        municipality_id: mid,
        consultation_id: consultationId,
        received_on: isoDayInJapan(now),
        receiving_agency_id: actor.agencyIds[0]!,
        received_by_user_id: actor.userId,
        route: INTAKE.route,
        visitor_kind: INTAKE.visitor.kind,
        visitor_relationship: INTAKE.visitor.relationship,
        visitor_name: null,
        person_id: null,
        anonymous: INTAKE.anonymous,
        categories: [...INTAKE.categories],
        primary_category: INTAKE.primaryCategory,
        summary: INTAKE.summary,
        details: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await tx
      .insertInto('consent')
      .values({ municipality_id: mid, consent_id: newId(), consultation_id: consultationId, person_id: null, status: INTAKE.consentStatus, recorded_by_user_id: actor.userId, recorded_at: now })
      .execute();
    return toConsultationView((await loadConsultation(tx, mid, consultationId))!, await consentHistory(tx, mid, consultationId));
  });
}

export const OPERATIONS: readonly Operation[] = [
  search('kanji'),
  search('kana'),
  search('variantKanji'),
  search('birthDate'),
  {
    name: 'household',
    read: true,
    samplesOf: (n) => n,
    api: (inputs, i) => ({ method: 'GET', path: householdPath(pick(inputs.households, i)) }),
    floor: async (db, inputs, i) => toHouseholdView((await getHousehold(db, inputs.actor.municipalityId, pick(inputs.households, i)))!),
  },
  {
    name: 'timeline',
    read: true,
    samplesOf: (n) => n,
    api: (inputs, i) => ({ method: 'GET', path: timelinePath(pick(inputs.cases, i)) }),
    floor: async (db, inputs, i) => {
      const mid = inputs.actor.municipalityId;
      const kase = await db.selectFrom('support_case').select(['case_id', 'household_id', 'lead_agency_id']).where('municipality_id', '=', mid).where('case_id', '=', pick(inputs.cases, i)).executeTakeFirstOrThrow();
      return loadCaseTimeline(db, inputs.actor, { ...kase, team_agency_ids: await teamAgencies(db, mid, [kase.case_id]) });
    },
  },
  { name: 'intake', read: false, samplesOf: (n) => n, api: () => intakeRequest(), floor: (db, inputs) => intakeFloor(db, inputs) },
  {
    name: 'inbox',
    read: true,
    samplesOf: (n) => n,
    api: () => ({ method: 'GET', path: INBOX_PATH }),
    floor: async (db, inputs) => {
      const mid = inputs.actor.municipalityId;
      await findReferrals(db, mid, [...inputs.actor.agencyIds], { box: 'inbox' });
      return loadReferralSettings(db, mid);
    },
  },
  {
    name: 'dashboard',
    read: true,
    // A few hundred ms each at a city's scale; 40 at the default 200 samples, so the p95 is not simply the slowest.
    samplesOf: (n) => Math.max(20, Math.ceil(n / 5)),
    api: (inputs, i) => ({ method: 'GET', path: `/api/v1/analytics/dashboard?fiscalYear=${pick(inputs.fiscalYears, i)}`, asDashboardUser: true }),
    floor: (db, inputs, i) => dashboardFloor(db, inputs.actor.municipalityId, pick(inputs.fiscalYears, i)),
  },
];
