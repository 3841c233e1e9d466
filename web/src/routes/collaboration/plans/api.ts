/** 支援プラン（プラン兼利用申込書）: types, queries and mutations of /api/v1/plans and /reminders. */
import { queryOptions } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api';
import type { Role } from '../../../lib/me';

export const PLAN_ROLES: readonly Role[] = ['municipal_admin', 'coordinator', 'caseworker', 'outreach_worker'];

export type PlanStatus = 'active' | 'closed' | 'suspended' | 'superseded';
export type AgreementHow = 'signature' | 'verbal' | 'other';

export interface ShortGoal {
  id: string;
  text: string;
}
export interface PlanAction {
  id: string;
  agencyId: string;
  ownerName: string | null;
  description: string;
  dueOn: string | null;
  doneOn: string | null;
}
export interface PlanContent {
  personWords: string;
  wishes: string;
  longGoal: string;
  shortGoals: ShortGoal[];
  needs: string;
  actions: PlanAction[];
  usesParticipation: boolean;
  usesOutreach: boolean;
  periodFrom: string;
  periodTo: string;
  nextReviewOn: string;
  agreement: { agreedOn: string; how: AgreementHow; note: string | null } | null;
}
/** What the form sends: new goals and actions have no id yet. */
export type PlanContentInput = Omit<PlanContent, 'shortGoals' | 'actions'> & {
  shortGoals: Array<{ id?: string; text: string }>;
  actions: Array<Omit<PlanAction, 'id'> & { id?: string }>;
};

export interface VersionSummary {
  versionNo: number;
  createdAt: string;
  createdBy: string;
  createdByAgency: string;
  changeNote: string | null;
  nextReviewOn: string | null;
  approval: { meetingId: string; meetingTitle: string; meetingAt: string | null; approvedOn: string | null } | null;
}
export interface ActionView extends PlanAction {
  actionNo: number;
  agencyName: string;
  overdue: boolean;
}
export interface VersionView extends VersionSummary {
  content: Omit<PlanContent, 'actions'> & { actions: ActionView[] };
}
export interface Evaluation {
  id: string;
  versionNo: number;
  evaluatedOn: string;
  goals: Array<{ goalId: string; progress: string | null; result: string | null }>;
  summary: string | null;
  meetingId: string | null;
  meetingTitle: string | null;
  createdAt: string;
  createdBy: string;
}
export interface PlanView {
  id: string;
  caseId: string;
  caseStatus: 'open' | 'closed';
  householdLabel: string;
  leadAgencyId: string;
  leadAgencyName: string;
  status: PlanStatus;
  currentVersion: number;
  version: number;
  outcomeReason: string | null;
  outcomeOn: string | null;
  replacesPlanId: string | null;
  replacedByPlanId: string | null;
  createdAt: string;
  reviewOverdue: boolean;
  canEdit: boolean;
  canReplan: boolean;
  versions: VersionSummary[];
  current: VersionView;
  evaluations: Evaluation[];
}
export interface PlanListItem {
  id: string;
  status: PlanStatus;
  currentVersion: number;
  periodFrom: string;
  periodTo: string;
  nextReviewOn: string | null;
  approvedOn: string | null;
  outcomeOn: string | null;
  replacesPlanId: string | null;
  createdAt: string;
}
type Scalar = string | boolean | null;
export interface PlanDiff {
  planId: string;
  from: number;
  to: number;
  diff: {
    fields: Array<{ field: string; before: Scalar; after: Scalar }>;
    goals: { added: ShortGoal[]; removed: ShortGoal[]; changed: Array<{ id: string; before: string; after: string }> };
    actions: { added: PlanAction[]; removed: PlanAction[]; changed: Array<{ id: string; fields: string[]; before: PlanAction; after: PlanAction }> };
  };
}
export interface ReminderItem {
  kind: 'review' | 'action';
  planId: string;
  caseId: string;
  householdLabel: string;
  versionNo: number;
  actionNo: number | null;
  agencyId: string;
  agencyName: string;
  ownerName: string | null;
  description: string | null;
  dueOn: string;
  overdue: boolean;
}
export interface Reminders {
  today: string;
  horizon: string;
  scope: 'mine' | 'agency';
  counts: { total: number; overdue: number; reviews: number; actions: number };
  items: ReminderItem[];
}
export interface TeamMember {
  id: string;
  kind: 'agency' | 'resource';
  agencyId: string | null;
  name: string;
  role: string;
}

const enc = encodeURIComponent;

export const planQueryKey = (id: string) => ['plan', id] as const;
export const planQueryOptions = (id: string) =>
  queryOptions({ queryKey: planQueryKey(id), queryFn: ({ signal }) => api.get<PlanView>(`/plans/${enc(id)}`, undefined, signal), retry: false });
export const planVersionQueryOptions = (id: string, n: number) =>
  queryOptions({ queryKey: ['plan', id, 'version', n], queryFn: ({ signal }) => api.get<VersionView>(`/plans/${enc(id)}/versions/${n}`, undefined, signal), retry: false });
export const planDiffQueryOptions = (id: string, from: number, to: number) =>
  queryOptions({ queryKey: ['plan', id, 'diff', from, to], queryFn: ({ signal }) => api.get<PlanDiff>(`/plans/${enc(id)}/diff`, { from, to }, signal), retry: false });
export const casePlansQueryOptions = (caseId: string) =>
  queryOptions({ queryKey: ['case-plans', caseId], queryFn: ({ signal }) => api.get<{ items: PlanListItem[] }>(`/cases/${enc(caseId)}/plans`, undefined, signal), retry: false });
export const remindersQueryOptions = (scope: 'mine' | 'agency') =>
  queryOptions({ queryKey: ['reminders', scope], queryFn: ({ signal }) => api.get<Reminders>('/reminders', { scope }, signal), retry: false });

/** The case's 支援チーム agencies; an empty list while the team API is unavailable (then only the lead). */
export const caseTeamQueryOptions = (caseId: string) =>
  queryOptions({
    queryKey: ['case-team', caseId],
    queryFn: async ({ signal }) => {
      try {
        return { members: (await api.get<{ members: TeamMember[] }>(`/cases/${enc(caseId)}/team`, undefined, signal)).members, available: true };
      } catch (error) {
        if (isApiError(error, 'not_found')) return { members: [] as TeamMember[], available: false };
        throw error;
      }
    },
    retry: false,
  });

export const createPlan = (caseId: string, body: { content: PlanContentInput; replacesPlanId?: string | null; changeNote?: string | null }) =>
  api.post<PlanView>(`/cases/${enc(caseId)}/plans`, body);
export const revisePlan = (id: string, body: { version: number; content: PlanContentInput; changeNote: string }) => api.post<PlanView>(`/plans/${enc(id)}/versions`, body);
export const evaluatePlan = (id: string, body: { evaluatedOn: string; goals: Evaluation['goals']; summary: string | null }) => api.post<PlanView>(`/plans/${enc(id)}/evaluations`, body);
export const closePlan = (id: string, body: { version: number; outcome: 'closed' | 'suspended'; reason: string; on: string }) => api.post<PlanView>(`/plans/${enc(id)}/close`, body);
export const markActionDone = (id: string, versionNo: number, actionNo: number, version: number) =>
  api.post<PlanView>(`/plans/${enc(id)}/actions/${versionNo}/${actionNo}/done`, { version });
