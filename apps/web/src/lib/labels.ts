import type {
  AccessRole,
  InvitationStatus,
  PeopleImportAction,
  QualificationRequirement,
  TrackKind,
  TransitionKind,
} from '../gql/graphql';

export const trackKindLabel: Record<TrackKind, string> = {
  CORE: 'Core track',
  SPECIALIST: 'Specialist track',
  LATERAL: 'Lateral track',
};

export const trackKindColor: Record<TrackKind, string> = {
  CORE: 'pine',
  SPECIALIST: 'indigo',
  LATERAL: 'orange',
};

export const transitionKindLabel: Record<TransitionKind, string> = {
  PROMOTION: 'Promotion',
  LATERAL: 'Lateral move',
};

export const requirementLabel: Record<QualificationRequirement, string> = {
  REQUIRED: 'Required',
  RECOMMENDED: 'Recommended',
};

/** Colours for moves, shared by the graph edges and their legend (both at least 3:1 on white). */
export const moveColor: Record<TransitionKind, string> = {
  PROMOTION: '#0b6a59', // pine 8: 4.5:1 and more as a light badge's text on its own tint
  LATERAL: '#b4530a',
};

export function formatMonths(months: number | null | undefined): string | null {
  if (months == null) return null;
  if (months <= 0) return 'No minimum';
  if (months < 12 || months % 12 !== 0) return `${months} ${months === 1 ? 'month' : 'months'}`;
  const years = months / 12;
  return `${years} ${years === 1 ? 'year' : 'years'}`;
}

export function formatValidity(months: number | null | undefined): string {
  if (months == null) return 'Does not expire';
  return `Valid for ${formatMonths(months)}`;
}

export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** One colour per track, in track order, used to tie graph nodes to their track columns. */
const trackPalette = ['#0f7a66', '#3b5bdb', '#b4530a', '#7048e8', '#1864ab', '#a61e4d', '#5c940d', '#495057'];

export function trackColor(index: number): string {
  return trackPalette[((index % trackPalette.length) + trackPalette.length) % trackPalette.length] ?? '#495057';
}

export const accessRoleLabel: Record<AccessRole, string> = {
  ADMIN: 'Admin',
  LEADERSHIP: 'Leadership',
  EMPLOYEE: 'Employee',
};

export const accessRoleDescription: Record<AccessRole, string> = {
  ADMIN: 'Admin: frameworks, people and settings',
  LEADERSHIP: 'Leadership: organisation-wide reports',
  EMPLOYEE: 'Employee: everyone else',
};

export const invitationStatusLabel: Record<InvitationStatus, string> = {
  PENDING: 'Pending',
  ACCEPTED: 'Accepted',
  EXPIRED: 'Expired',
  REVOKED: 'Revoked',
};

export const invitationStatusColor: Record<InvitationStatus, string> = {
  PENDING: 'blue',
  ACCEPTED: 'pine',
  EXPIRED: 'gray',
  REVOKED: 'red',
};

export const importActionLabel: Record<PeopleImportAction, string> = {
  CREATE: 'Create',
  UPDATE: 'Update',
  UNCHANGED: 'Unchanged',
};

export const importActionColor: Record<PeopleImportAction, string> = {
  CREATE: 'pine',
  UPDATE: 'blue',
  UNCHANGED: 'gray',
};

/** A date and time in the reader's own time zone, such as "3 Mar 2026, 14:05". */
export function formatDateTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A wait as people say it: "45 seconds", "1 minute", "15 minutes", "2 hours". */
export function formatWait(seconds: number): string {
  if (seconds < 60) {
    const s = Math.max(1, Math.ceil(seconds));
    return `${s} ${s === 1 ? 'second' : 'seconds'}`;
  }
  if (seconds < 3600) {
    const m = Math.ceil(seconds / 60);
    return `${m} ${m === 1 ? 'minute' : 'minutes'}`;
  }
  const h = Math.ceil(seconds / 3600);
  return `${h} ${h === 1 ? 'hour' : 'hours'}`;
}
