import { Navigate, type RouteObject } from 'react-router';
import { FrameworkPage } from '../features/frameworks/FrameworkPage';
import { FrameworksPage } from '../features/frameworks/FrameworksPage';
import { NotFoundPage } from '../features/NotFoundPage';
import { RolePage } from '../features/roles/RolePage';
import { AppLayout } from './AppLayout';
import { RouteError } from './RouteError';

export const routes: RouteObject[] = [
  {
    path: '/',
    Component: AppLayout,
    children: [
      {
        // Pathless boundary: a failing page keeps the app shell (header and navigation) around it.
        ErrorBoundary: RouteError,
        children: [
          { index: true, element: <Navigate to="/frameworks" replace /> },
          { path: 'frameworks', Component: FrameworksPage },
          { path: 'frameworks/:frameworkId', Component: FrameworkPage },
          { path: 'roles/:roleId', Component: RolePage },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
];
