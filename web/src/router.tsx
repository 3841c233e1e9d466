/** Code-based route tree. `/login` stands alone; everything else sits in the signed-in shell. */
import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, createRoute, createRouter, Outlet, redirect } from '@tanstack/react-router';
import { ErrorAlert } from './components/ErrorAlert';
import { Loading } from './components/Loading';
import { ja } from './i18n/ja';
import { isApiError } from './lib/api';
import { meQueryOptions } from './lib/me';
import { AccessPage } from './routes/admin/access/AccessPage';
import { AgenciesPage } from './routes/admin/agencies/AgenciesPage';
import { QuestionSetsPage } from './routes/admin/assessment/QuestionSetsPage';
import { MeetingTypesPage } from './routes/admin/meeting-types/MeetingTypesPage';
import { AreasPage } from './routes/admin/areas/AreasPage';
import { CommunityPage } from './routes/community/CommunityPage';
import { PlacePage } from './routes/community/PlacePage';
import { RoleSettingsPage } from './routes/admin/roles/RoleSettingsPage';
import { UsersPage } from './routes/admin/users/UsersPage';
import { AuditPage } from './routes/audit/AuditPage';
import { LoginPage } from './routes/auth/LoginPage';
import { PublicConsultationPage, validatePublicSearch } from './routes/public/PublicConsultationPage';
import { PublicIntakeSettingsPage } from './routes/public/PublicIntakeSettingsPage';
import { AssessmentPage } from './routes/consultation/assessment/AssessmentPage';
import { CasePage } from './routes/consultation/cases/CasePage';
import { ProgressPage } from './routes/consultation/progress/ProgressPage';
import { TransferInboxPage } from './routes/consultation/cases/TransferInboxPage';
import { ConsultationPage } from './routes/consultation/ConsultationPage';
import { HouseholdNewPage } from './routes/consultation/HouseholdNewPage';
import { HouseholdPage } from './routes/consultation/HouseholdPage';
import { IntakeNewPage } from './routes/consultation/intake/IntakeNewPage';
import { IntakePage } from './routes/consultation/intake/IntakePage';
import { PersonNewPage } from './routes/consultation/PersonNewPage';
import { PersonPage } from './routes/consultation/PersonPage';
import { HomePage } from './routes/home/HomePage';
import { ReferralDetailPage } from './routes/referral/ReferralDetailPage';
import { ReferralListPage } from './routes/referral/ReferralListPage';
import { ReferralNewPage } from './routes/referral/ReferralNewPage';
import { ReferralSettingsPage } from './routes/referral/ReferralSettingsPage';
import { validateListSearch, validateNewSearch } from './routes/referral/search';
import { UnownedPage } from './routes/referral/UnownedPage';
import { NotFoundPage } from './routes/placeholders/NotFoundPage';
import { PlaceholderPage } from './routes/placeholders/PlaceholderPage';
import { VolunteerPage } from './routes/volunteer/VolunteerPage';
import { LapsesPage } from './routes/outreach/LapsesPage';
import { LeadNewPage } from './routes/outreach/LeadNewPage';
import { LeadPage } from './routes/outreach/LeadPage';
import { OutreachPage } from './routes/outreach/OutreachPage';
import { TrustStagesPage } from './routes/outreach/TrustStagesPage';
import { SettingsPage } from './routes/settings/SettingsPage';
import { AppLayout } from './routes/shell/AppLayout';
import { CollaborationPage } from './routes/collaboration/CollaborationPage';
import { MeetingDetailPage } from './routes/collaboration/meetings/MeetingDetailPage';
import { MeetingListPage } from './routes/collaboration/meetings/MeetingListPage';
import { MeetingNewPage } from './routes/collaboration/meetings/MeetingNewPage';
import { PlanNewPage, validatePlanNewSearch } from './routes/collaboration/plans/PlanNewPage';
import { PlanPage } from './routes/collaboration/plans/PlanPage';
import { RemindersPage } from './routes/collaboration/reminders/RemindersPage';
import { ResourceDetailPage } from './routes/resources/ResourceDetailPage';
import { ResourceListPage } from './routes/resources/ResourceListPage';
import { ResourceNewPage } from './routes/resources/ResourceNewPage';
import { validateResourceSearch } from './routes/resources/search';
import { HostNewPage } from './routes/participation/HostNewPage';
import { HostPage } from './routes/participation/HostPage';
import { NeedNewPage, validateNeedNewSearch } from './routes/participation/NeedNewPage';
import { NeedPage } from './routes/participation/NeedPage';
import { ParticipationPage } from './routes/participation/ParticipationPage';

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

/** A 事業 page that is not built yet; it says so plainly. */
const placeholder = (title: string) => () => <PlaceholderPage title={title} />;
const n = ja.nav;

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
    createRoute({ getParentRoute: () => appRoute, path: '/analytics', component: placeholder(n.analytics) }),
    createRoute({ getParentRoute: () => appRoute, path: '/funding', component: placeholder(n.funding) }),
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
    defaultErrorComponent: ({ error }) => <ErrorAlert error={error} />,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
