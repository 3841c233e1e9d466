/** Code-based route tree. `/login` stands alone; everything else sits in the signed-in shell. */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, lazyRouteComponent, Outlet, redirect } from '@tanstack/react-router';
import { ErrorAlert } from './components/ErrorAlert';
import { Loading } from './components/Loading';
import { ja } from './i18n/ja';
import { isApiError } from './lib/api';
import { meQueryOptions } from './lib/me';
import { LoginPage } from './routes/auth/LoginPage';
import { PublicConsultationPage, validatePublicSearch } from './routes/public/PublicConsultationPage';
import { validateListSearch, validateNewSearch } from './routes/referral/search';
import { NotFoundPage } from './routes/placeholders/NotFoundPage';
import { AppLayout } from './routes/shell/AppLayout';
import { PlanNewPage, validatePlanNewSearch } from './routes/collaboration/plans/PlanNewPage';
import { validateResourceSearch } from './routes/resources/search';
import { NeedNewPage, validateNeedNewSearch } from './routes/participation/NeedNewPage';

// Pages load on first visit (their own chunks): the sign-in page stays small (issue 7, front-end budget).
const AccessPage = lazyRouteComponent(() => import('./routes/admin/access/AccessPage'), 'AccessPage');
const AgenciesPage = lazyRouteComponent(() => import('./routes/admin/agencies/AgenciesPage'), 'AgenciesPage');
const QuestionSetsPage = lazyRouteComponent(() => import('./routes/admin/assessment/QuestionSetsPage'), 'QuestionSetsPage');
const MeetingTypesPage = lazyRouteComponent(() => import('./routes/admin/meeting-types/MeetingTypesPage'), 'MeetingTypesPage');
const AreasPage = lazyRouteComponent(() => import('./routes/admin/areas/AreasPage'), 'AreasPage');
const CommunityPage = lazyRouteComponent(() => import('./routes/community/CommunityPage'), 'CommunityPage');
const PlacePage = lazyRouteComponent(() => import('./routes/community/PlacePage'), 'PlacePage');
const RoleSettingsPage = lazyRouteComponent(() => import('./routes/admin/roles/RoleSettingsPage'), 'RoleSettingsPage');
const UsersPage = lazyRouteComponent(() => import('./routes/admin/users/UsersPage'), 'UsersPage');
const AuditPage = lazyRouteComponent(() => import('./routes/audit/AuditPage'), 'AuditPage');
const PublicIntakeSettingsPage = lazyRouteComponent(() => import('./routes/public/PublicIntakeSettingsPage'), 'PublicIntakeSettingsPage');
const AssessmentPage = lazyRouteComponent(() => import('./routes/consultation/assessment/AssessmentPage'), 'AssessmentPage');
const CasePage = lazyRouteComponent(() => import('./routes/consultation/cases/CasePage'), 'CasePage');
const ProgressPage = lazyRouteComponent(() => import('./routes/consultation/progress/ProgressPage'), 'ProgressPage');
const TransferInboxPage = lazyRouteComponent(() => import('./routes/consultation/cases/TransferInboxPage'), 'TransferInboxPage');
const ConsultationPage = lazyRouteComponent(() => import('./routes/consultation/ConsultationPage'), 'ConsultationPage');
const HouseholdNewPage = lazyRouteComponent(() => import('./routes/consultation/HouseholdNewPage'), 'HouseholdNewPage');
const HouseholdPage = lazyRouteComponent(() => import('./routes/consultation/HouseholdPage'), 'HouseholdPage');
const IntakeNewPage = lazyRouteComponent(() => import('./routes/consultation/intake/IntakeNewPage'), 'IntakeNewPage');
const IntakePage = lazyRouteComponent(() => import('./routes/consultation/intake/IntakePage'), 'IntakePage');
const PersonNewPage = lazyRouteComponent(() => import('./routes/consultation/PersonNewPage'), 'PersonNewPage');
const PersonPage = lazyRouteComponent(() => import('./routes/consultation/PersonPage'), 'PersonPage');
const HomePage = lazyRouteComponent(() => import('./routes/home/HomePage'), 'HomePage');
const ReferralDetailPage = lazyRouteComponent(() => import('./routes/referral/ReferralDetailPage'), 'ReferralDetailPage');
const ReferralListPage = lazyRouteComponent(() => import('./routes/referral/ReferralListPage'), 'ReferralListPage');
const ReferralNewPage = lazyRouteComponent(() => import('./routes/referral/ReferralNewPage'), 'ReferralNewPage');
const ReferralSettingsPage = lazyRouteComponent(() => import('./routes/referral/ReferralSettingsPage'), 'ReferralSettingsPage');
const UnownedPage = lazyRouteComponent(() => import('./routes/referral/UnownedPage'), 'UnownedPage');
const PrefecturePage = lazyRouteComponent(() => import('./routes/analytics/prefecture/PrefecturePage'), 'PrefecturePage');
const TargetsPage = lazyRouteComponent(() => import('./routes/analytics/targets/TargetsPage'), 'TargetsPage');
const FundingPage = lazyRouteComponent(() => import('./routes/funding/FundingPage'), 'FundingPage');
const VolunteerPage = lazyRouteComponent(() => import('./routes/volunteer/VolunteerPage'), 'VolunteerPage');
const LapsesPage = lazyRouteComponent(() => import('./routes/outreach/LapsesPage'), 'LapsesPage');
const LeadNewPage = lazyRouteComponent(() => import('./routes/outreach/LeadNewPage'), 'LeadNewPage');
const LeadPage = lazyRouteComponent(() => import('./routes/outreach/LeadPage'), 'LeadPage');
const OutreachPage = lazyRouteComponent(() => import('./routes/outreach/OutreachPage'), 'OutreachPage');
const TrustStagesPage = lazyRouteComponent(() => import('./routes/outreach/TrustStagesPage'), 'TrustStagesPage');
const SettingsPage = lazyRouteComponent(() => import('./routes/settings/SettingsPage'), 'SettingsPage');
const CollaborationPage = lazyRouteComponent(() => import('./routes/collaboration/CollaborationPage'), 'CollaborationPage');
const MeetingDetailPage = lazyRouteComponent(() => import('./routes/collaboration/meetings/MeetingDetailPage'), 'MeetingDetailPage');
const MeetingListPage = lazyRouteComponent(() => import('./routes/collaboration/meetings/MeetingListPage'), 'MeetingListPage');
const MeetingNewPage = lazyRouteComponent(() => import('./routes/collaboration/meetings/MeetingNewPage'), 'MeetingNewPage');
const PlanPage = lazyRouteComponent(() => import('./routes/collaboration/plans/PlanPage'), 'PlanPage');
const RemindersPage = lazyRouteComponent(() => import('./routes/collaboration/reminders/RemindersPage'), 'RemindersPage');
const ResourceDetailPage = lazyRouteComponent(() => import('./routes/resources/ResourceDetailPage'), 'ResourceDetailPage');
const ResourceListPage = lazyRouteComponent(() => import('./routes/resources/ResourceListPage'), 'ResourceListPage');
const ResourceNewPage = lazyRouteComponent(() => import('./routes/resources/ResourceNewPage'), 'ResourceNewPage');
const HostNewPage = lazyRouteComponent(() => import('./routes/participation/HostNewPage'), 'HostNewPage');
const HostPage = lazyRouteComponent(() => import('./routes/participation/HostPage'), 'HostPage');
const NeedPage = lazyRouteComponent(() => import('./routes/participation/NeedPage'), 'NeedPage');
const ParticipationPage = lazyRouteComponent(() => import('./routes/participation/ParticipationPage'), 'ParticipationPage');

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
});

const loginRoute = createRoute({ getParentRoute: () => rootRoute, path: '/login', component: LoginPage });
/** 住民のオンライン相談: public, no sign-in, outside the signed-in shell (like /login). */
const publicConsultationRoute = createRoute({ getParentRoute: () => rootRoute, path: '/soudan', validateSearch: validatePublicSearch, component: PublicConsultationPage });

/** The signed-in shell: loads `me` first; no session → sign-in page. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context }) => {
    try {
      await context.queryClient.ensureQueryData(meQueryOptions);
    } catch (error) {
      if (isApiError(error, 'unauthenticated')) throw redirect({ to: '/login', replace: true });
      throw error;
    }
  },
  component: AppLayout,
  pendingComponent: Loading,
  errorComponent: ({ error }) => <ErrorAlert error={error} />,
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  publicConsultationRoute,
  appRoute.addChildren([
    createRoute({ getParentRoute: () => appRoute, path: '/', component: HomePage }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/consultation',
      // ?q= is kept as text even when it looks like a number (a phone or a year).
      validateSearch: (search: Record<string, unknown>): { q?: string } => {
        const q = typeof search.q === 'number' ? String(search.q) : search.q;
        return typeof q === 'string' && q.trim() ? { q } : {};
      },
      component: ConsultationPage,
    }),
    createRoute({ getParentRoute: () => appRoute, path: '/consultation/persons/new', component: PersonNewPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/consultation/persons/$id', component: PersonPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/consultation/households/new', component: HouseholdNewPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/consultation/households/$id', component: HouseholdPage }),
    createRoute({
      getParentRoute: () => appRoute,
      path: '/consultation/intake/new',
      // ?personId= starts the form with that person chosen (from the person's page).
      validateSearch: (search: Record<string, unknown>): { personId?: string } =>
        typeof search.personId === 'string' && search.personId ? { personId: search.personId } : {},
      component: IntakeNewPage,
    }),
    createRoute({ getParentRoute: () => appRoute, path: '/consultation/intake/$id', component: IntakePage }),
    createRoute({ getParentRoute: () => appRoute, path: '/consultations/$consultationId/assessment', component: AssessmentPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/consultation/cases/$id', component: CasePage }),
    createRoute({ getParentRoute: () => appRoute, path: '/consultation/cases/$id/progress', component: ProgressPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/consultation/transfers', component: TransferInboxPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/referral', validateSearch: validateListSearch, component: ReferralListPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/referral/new', validateSearch: validateNewSearch, component: ReferralNewPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/referral/unowned', component: UnownedPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/referral/$id', component: ReferralDetailPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/collaboration', component: CollaborationPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/collaboration/meetings', component: MeetingListPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/collaboration/meetings/new', component: MeetingNewPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/collaboration/meetings/$id', component: MeetingDetailPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/collaboration/plans/new', validateSearch: validatePlanNewSearch, component: PlanNewPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/collaboration/plans/$id', component: PlanPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/collaboration/reminders', component: RemindersPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/outreach', component: OutreachPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/outreach/new', component: LeadNewPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/outreach/leads/$id', component: LeadPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/outreach/lapses', component: LapsesPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/participation', component: ParticipationPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/participation/needs/new', validateSearch: validateNeedNewSearch, component: NeedNewPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/participation/needs/$id', component: NeedPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/participation/hosts/new', component: HostNewPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/participation/hosts/$id', component: HostPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/community', component: CommunityPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/community/places/$id', component: PlacePage }),
    createRoute({ getParentRoute: () => appRoute, path: '/resources', validateSearch: validateResourceSearch, component: ResourceListPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/resources/new', component: ResourceNewPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/resources/$id', component: ResourceDetailPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/analytics', component: lazyRouteComponent(() => import('./routes/analytics/DashboardPage'), 'DashboardPage') }),
    createRoute({ getParentRoute: () => appRoute, path: '/analytics/prefecture', component: PrefecturePage }),
    createRoute({ getParentRoute: () => appRoute, path: '/analytics/targets', component: TargetsPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/funding', component: FundingPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/volunteer', component: VolunteerPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/admin/users', component: UsersPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/admin/agencies', component: AgenciesPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/admin/access', component: AccessPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/admin/roles', component: RoleSettingsPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/admin/referral-settings', component: ReferralSettingsPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/admin/assessment', component: QuestionSetsPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/admin/meeting-types', component: MeetingTypesPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/admin/online-consultation', component: PublicIntakeSettingsPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/admin/trust-stages', component: TrustStagesPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/admin/areas', component: AreasPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/audit', component: AuditPage }),
    createRoute({ getParentRoute: () => appRoute, path: '/settings', component: SettingsPage }),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: false,
    defaultPendingComponent: Loading,
    defaultErrorComponent: ({ error }) => <ErrorAlert error={error} />,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
