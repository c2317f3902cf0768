import type { MockLink } from '@apollo/client/testing';
import { MyNotificationsQuery } from '../features/notifications/NotificationsBell';
import { ViewerQuery, type SignedInViewer } from '../features/session/viewer';

const organisation = { __typename: 'Organisation', id: 'org-acme', name: 'Acme Projects', slug: 'acme' } as const;

export const adminViewer: SignedInViewer = {
  __typename: 'Viewer',
  accessRole: 'ADMIN',
  isManager: true,
  organisation,
  person: { __typename: 'Person', id: 'p-asha', name: 'Asha Patel', email: 'asha@acme.test', jobTitle: 'Head of PMO' },
};

export const employeeViewer: SignedInViewer = {
  __typename: 'Viewer',
  accessRole: 'EMPLOYEE',
  isManager: false,
  organisation,
  person: { __typename: 'Person', id: 'p-dan', name: 'Dan Okafor', email: 'dan@acme.test', jobTitle: 'PMO Analyst' },
};

/** Answers `viewer` as often as it is asked. */
export function viewerMock(viewer: SignedInViewer | null): MockLink.MockedResponse {
  return { request: { query: ViewerQuery }, result: { data: { viewer } }, maxUsageCount: Number.POSITIVE_INFINITY };
}

/** Answers `myNotifications` as often as it is asked (the header's bell asks on every signed-in page). */
export function notificationsMock(notifications: unknown[]): MockLink.MockedResponse {
  return { request: { query: MyNotificationsQuery }, result: { data: { myNotifications: notifications } }, maxUsageCount: Number.POSITIVE_INFINITY };
}

/** A GraphQL error answer as the Trellis API sends it. */
export function apiError(message: string, code: string, extensions: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...extensions } }] };
}
