import { lazy, type ComponentType } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { PublicLayout } from './PublicLayout';
import { RouteError } from './RouteError';
import { PageSuspense, ShellSuspense } from '../components/PageSuspense';

const preloaders: (() => Promise<unknown>)[] = [];

/**
 * A page loaded on demand (React.lazy): its chunk is fetched the first time it is shown. Once loaded (or
 * preloaded with `preloadPages`), it renders at once, without a pass through the Suspense fallback.
 */
function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): ComponentType {
  let loaded: ComponentType | undefined;
  const preload = () => load().then((module) => (loaded = pick(module)));
  preloaders.push(preload);
  return lazy(() => {
    // React takes a thenable that calls back at once as already resolved: no fallback, no extra render.
    const component = loaded;
    if (component) return { then: (resolve: (value: { default: ComponentType }) => void) => resolve({ default: component }) } as unknown as Promise<{ default: ComponentType }>;
    return preload().then((component) => ({ default: component }));
  });
}

/** Loads every page's chunk (the component tests call it first, so pages render as soon as their data is there). */
export function preloadPages(): Promise<unknown> {
  return Promise.all(preloaders.map((preload) => preload()));
}

/**
 * Every page is its own chunk, loaded when first shown (React.lazy; the layouts' Suspense shows a loading state
 * meanwhile), so the first load carries the shell and the one page it shows. Pages export named components.
 */
// The signed-in shell (header, navigation, bell, account menu) is a chunk of its own too: the sign-in page needs none of it.
const SignedInApp = lazyPage(() => import('./SignedInApp'), (m) => m.SignedInApp);
const AdminLayout = lazyPage(() => import('../features/admin/AdminLayout'), (m) => m.AdminLayout);
const AccountPage = lazyPage(() => import('../features/account/AccountPage'), (m) => m.AccountPage);
const AdminPeoplePage = lazyPage(() => import('../features/admin/AdminPeoplePage'), (m) => m.AdminPeoplePage);
const AdminPersonPage = lazyPage(() => import('../features/admin/AdminPersonPage'), (m) => m.AdminPersonPage);
const AuditPage = lazyPage(() => import('../features/admin/AuditPage'), (m) => m.AuditPage);
const ImportPage = lazyPage(() => import('../features/admin/ImportPage'), (m) => m.ImportPage);
const InvitationsPage = lazyPage(() => import('../features/admin/InvitationsPage'), (m) => m.InvitationsPage);
const FrameworkEditorPage = lazyPage(() => import('../features/framework-editor/FrameworkEditorPage'), (m) => m.FrameworkEditorPage);
const FrameworkPage = lazyPage(() => import('../features/frameworks/FrameworkPage'), (m) => m.FrameworkPage);
const FrameworksPage = lazyPage(() => import('../features/frameworks/FrameworksPage'), (m) => m.FrameworksPage);
const CareerPathPage = lazyPage(() => import('../features/paths/CareerPathPage'), (m) => m.CareerPathPage);
const RoleComparisonPage = lazyPage(() => import('../features/paths/RoleComparisonPage'), (m) => m.RoleComparisonPage);
const FrameworkVersionsPage = lazyPage(() => import('../features/framework-versions/FrameworkVersionsPage'), (m) => m.FrameworkVersionsPage);
const NotFoundPage = lazyPage(() => import('../features/NotFoundPage'), (m) => m.NotFoundPage);
const MyPlanPage = lazyPage(() => import('../features/plans/MyPlanPage'), (m) => m.MyPlanPage);
const MyCareerPage = lazyPage(() => import('../features/career/MyCareerPage'), (m) => m.MyCareerPage);
const SkillAssessmentPage = lazyPage(() => import('../features/career/SkillAssessmentPage'), (m) => m.SkillAssessmentPage);
const MyTeamPage = lazyPage(() => import('../features/plans/MyTeamPage'), (m) => m.MyTeamPage);
const ReportPlanPage = lazyPage(() => import('../features/plans/ReportPlanPage'), (m) => m.ReportPlanPage);
const PeoplePage = lazyPage(() => import('../features/people/PeoplePage'), (m) => m.PeoplePage);
const PersonPage = lazyPage(() => import('../features/people/PersonPage'), (m) => m.PersonPage);
const RolePage = lazyPage(() => import('../features/roles/RolePage'), (m) => m.RolePage);
const AcceptInvitationPage = lazyPage(() => import('../features/session/AcceptInvitationPage'), (m) => m.AcceptInvitationPage);
const ConfirmSignUpPage = lazyPage(() => import('../features/session/ConfirmSignUpPage'), (m) => m.ConfirmSignUpPage);
const ForgotPasswordPage = lazyPage(() => import('../features/session/ForgotPasswordPage'), (m) => m.ForgotPasswordPage);
const ResetPasswordPage = lazyPage(() => import('../features/session/ResetPasswordPage'), (m) => m.ResetPasswordPage);
const SignInPage = lazyPage(() => import('../features/session/SignInPage'), (m) => m.SignInPage);
const SignUpPage = lazyPage(() => import('../features/session/SignUpPage'), (m) => m.SignUpPage);
const TeamsPage = lazyPage(() => import('../features/teams/TeamsPage'), (m) => m.TeamsPage);
const SharedWithMePage = lazyPage(() => import('../features/plans/SharedWithMePage'), (m) => m.SharedWithMePage);
const PlanApproversPage = lazyPage(() => import('../features/admin/PlanApproversPage'), (m) => m.PlanApproversPage);
const ReportsPage = lazyPage(() => import('../features/reports/ReportsPage'), (m) => m.ReportsPage);
const AdminReportsPage = lazyPage(() => import('../features/admin/AdminReportsPage'), (m) => m.AdminReportsPage);
const MentoringLayout = lazyPage(() => import('../features/mentoring/MentoringLayout'), (m) => m.MentoringLayout);
const MentoringHome = lazyPage(() => import('../features/mentoring/MentoringHome'), (m) => m.MentoringHome);
const AdminMentoringPage = lazyPage(() => import('../features/admin/AdminMentoringPage'), (m) => m.AdminMentoringPage);
const MyMentorsPage = lazyPage(() => import('../features/mentoring/MyMentorsPage'), (m) => m.MyMentorsPage);
const MyMenteesPage = lazyPage(() => import('../features/mentoring/MyMenteesPage'), (m) => m.MyMenteesPage);
const FindMentorPage = lazyPage(() => import('../features/mentoring/FindMentorPage'), (m) => m.FindMentorPage);
const MentorProfilePage = lazyPage(() => import('../features/mentoring/MentorProfilePage'), (m) => m.MentorProfilePage);
const ProgrammesPage = lazyPage(() => import('../features/mentoring/ProgrammesPage'), (m) => m.ProgrammesPage);
const MentorshipPage = lazyPage(() => import('../features/mentoring/MentorshipPage'), (m) => m.MentorshipPage);
const GettingStartedPage = lazyPage(() => import('../features/onboarding/GettingStartedPage'), (m) => m.GettingStartedPage);
const HomeRedirect = lazyPage(() => import('../features/onboarding/GettingStartedPage'), (m) => m.HomeRedirect);
const SsoSettingsPage = lazyPage(() => import('../features/admin/SsoSettingsPage'), (m) => m.SsoSettingsPage);

export const routes: RouteObject[] = [
  {
    // Signed-out pages: no session needed.
    Component: PublicLayout,
    children: [
      {
        ErrorBoundary: RouteError,
        children: [
          { path: 'sign-in', Component: SignInPage },
          { path: 'sign-up', Component: SignUpPage },
          { path: 'sign-up/confirm', Component: ConfirmSignUpPage },
          { path: 'forgot-password', Component: ForgotPasswordPage },
          { path: 'reset-password', Component: ResetPasswordPage },
          { path: 'invitations/accept', Component: AcceptInvitationPage },
        ],
      },
    ],
  },
  {
    // Everything else needs a session: the guard sends signed-out people to /sign-in?next=<this page>.
    path: '/',
    element: (
      <ShellSuspense>
        <SignedInApp />
      </ShellSuspense>
    ),
    children: [
      {
        // Pathless boundary: a failing page keeps the app shell (header and navigation) around it.
        ErrorBoundary: RouteError,
        children: [
          { index: true, Component: HomeRedirect },
          { path: 'frameworks', Component: FrameworksPage },
          { path: 'frameworks/:frameworkId', Component: FrameworkPage },
          { path: 'frameworks/:frameworkId/compare', Component: RoleComparisonPage },
          { path: 'frameworks/:frameworkId/paths', Component: CareerPathPage },
          { path: 'frameworks/:frameworkId/edit', Component: FrameworkEditorPage },
          { path: 'frameworks/:frameworkId/versions', Component: FrameworkVersionsPage },
          { path: 'roles/:roleId', Component: RolePage },
          { path: 'people', Component: PeoplePage },
          { path: 'people/:personId', Component: PersonPage },
          { path: 'teams', Component: TeamsPage },
          { path: 'account', Component: AccountPage },
          { path: 'my-career', Component: MyCareerPage },
          { path: 'my-career/skills/:skillId', Component: SkillAssessmentPage },
          { path: 'my-plan', Component: MyPlanPage },
          { path: 'my-team', Component: MyTeamPage },
          { path: 'my-team/:personId', Component: ReportPlanPage },
          { path: 'plans/:personId', Component: ReportPlanPage },
          { path: 'shared-with-me', Component: SharedWithMePage },
          { path: 'reports', Component: ReportsPage },
          {
            path: 'mentoring',
            Component: MentoringLayout,
            children: [
              { index: true, Component: MentoringHome },
              { path: 'mentors', Component: MyMentorsPage },
              { path: 'mentees', Component: MyMenteesPage },
              { path: 'find', Component: FindMentorPage },
              { path: 'profile', Component: MentorProfilePage },
              { path: 'programmes', Component: ProgrammesPage },
              { path: ':mentorshipId', Component: MentorshipPage },
            ],
          },
          {
            path: 'admin',
            element: (
              <PageSuspense>
                <AdminLayout />
              </PageSuspense>
            ),
            children: [
              { index: true, element: <Navigate to="/admin/people" replace /> },
              { path: 'people', Component: AdminPeoplePage },
              { path: 'people/:personId', Component: AdminPersonPage },
              { path: 'invitations', Component: InvitationsPage },
              { path: 'import', Component: ImportPage },
              { path: 'audit', Component: AuditPage },
              { path: 'approvers', Component: PlanApproversPage },
              { path: 'reports', Component: AdminReportsPage },
              { path: 'mentoring', Component: AdminMentoringPage },
              { path: 'getting-started', Component: GettingStartedPage },
              { path: 'single-sign-on', Component: SsoSettingsPage },
            ],
          },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];
