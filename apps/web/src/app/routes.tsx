import { Navigate, type RouteObject } from 'react-router';
import { AccountPage } from '../features/account/AccountPage';
import { AdminLayout } from '../features/admin/AdminLayout';
import { AdminPeoplePage } from '../features/admin/AdminPeoplePage';
import { AdminPersonPage } from '../features/admin/AdminPersonPage';
import { AuditPage } from '../features/admin/AuditPage';
import { ImportPage } from '../features/admin/ImportPage';
import { InvitationsPage } from '../features/admin/InvitationsPage';
import { FrameworkEditorPage } from '../features/framework-editor/FrameworkEditorPage';
import { GettingStartedPage, HomeRedirect } from '../features/onboarding/GettingStartedPage';
import { SsoSettingsPage } from '../features/admin/SsoSettingsPage';
import { FrameworkPage } from '../features/frameworks/FrameworkPage';
import { FrameworksPage } from '../features/frameworks/FrameworksPage';
import { CareerPathPage } from '../features/paths/CareerPathPage';
import { RoleComparisonPage } from '../features/paths/RoleComparisonPage';
import { FrameworkVersionsPage } from '../features/framework-versions/FrameworkVersionsPage';
import { NotFoundPage } from '../features/NotFoundPage';
import { MyPlanPage } from '../features/plans/MyPlanPage';
import { MyCareerPage } from '../features/career/MyCareerPage';
import { SkillAssessmentPage } from '../features/career/SkillAssessmentPage';
import { MyTeamPage } from '../features/plans/MyTeamPage';
import { ReportPlanPage } from '../features/plans/ReportPlanPage';
import { PeoplePage } from '../features/people/PeoplePage';
import { PersonPage } from '../features/people/PersonPage';
import { RolePage } from '../features/roles/RolePage';
import { AcceptInvitationPage } from '../features/session/AcceptInvitationPage';
import { ConfirmSignUpPage } from '../features/session/ConfirmSignUpPage';
import { ForgotPasswordPage } from '../features/session/ForgotPasswordPage';
import { ResetPasswordPage } from '../features/session/ResetPasswordPage';
import { SignInPage } from '../features/session/SignInPage';
import { SignUpPage } from '../features/session/SignUpPage';
import { TeamsPage } from '../features/teams/TeamsPage';
import { PublicLayout } from './PublicLayout';
import { RouteError } from './RouteError';
import { SignedInApp } from './SignedInApp';

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
    Component: SignedInApp,
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
          {
            path: 'admin',
            Component: AdminLayout,
            children: [
              { index: true, element: <Navigate to="/admin/people" replace /> },
              { path: 'people', Component: AdminPeoplePage },
              { path: 'people/:personId', Component: AdminPersonPage },
              { path: 'invitations', Component: InvitationsPage },
              { path: 'import', Component: ImportPage },
              { path: 'audit', Component: AuditPage },
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
