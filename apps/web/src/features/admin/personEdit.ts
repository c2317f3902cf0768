import type { AccessRole, EditablePersonFragment } from '../../gql/graphql';

/** The fields an admin edits on the person form (leaving and returning have their own buttons). */
export interface PersonValues {
  name: string;
  jobTitle: string;
  teamId: string | null;
  managerId: string | null;
  currentRoleId: string | null;
  accessRole: AccessRole;
}

export type PersonField = keyof PersonValues;

export const PERSON_FIELDS: readonly PersonField[] = ['name', 'jobTitle', 'teamId', 'managerId', 'currentRoleId', 'accessRole'];

export const personFieldLabel: Record<PersonField | 'active', string> = {
  name: 'Name',
  jobTitle: 'Job title',
  teamId: 'Team',
  managerId: 'Manager',
  currentRoleId: 'Current role',
  accessRole: 'Access role',
  active: 'Status',
};

export function valuesOf(person: EditablePersonFragment): PersonValues {
  return {
    name: person.name,
    jobTitle: person.jobTitle ?? '',
    teamId: person.team?.id ?? null,
    managerId: person.manager?.id ?? null,
    currentRoleId: person.currentRole?.id ?? null,
    accessRole: person.accessRole,
  };
}

/** The fields whose edited value differs from the saved one. */
export function changedFields(base: PersonValues, edits: Partial<PersonValues>): PersonField[] {
  return PERSON_FIELDS.filter((field) => field in edits && edits[field] !== base[field]);
}

/** What an update sends for one field: blank text and cleared choices are sent as null (remove the value). */
export function inputValue<F extends PersonField>(field: F, value: PersonValues[F]): PersonValues[F] | null {
  if (field === 'jobTitle') {
    const text = (value as string).trim();
    return (text === '' ? null : text) as PersonValues[F] | null;
  }
  if (field === 'name') return (value as string).trim() as PersonValues[F];
  return value;
}

/** The person as the API says they are now (from a CONFLICT's `extensions.current`), as far as it can be read. */
export interface CurrentPerson {
  values: Partial<PersonValues>;
  active?: boolean;
  version?: number;
  /** Display names carried by the answer itself (team path, manager name, role title), when it has them. */
  names: Partial<Record<'teamId' | 'managerId' | 'currentRoleId', string>>;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** Reads `extensions.current`, whether it is shaped like a Person (team { id path }) or like the input (teamId). */
export function readCurrentPerson(raw: unknown): CurrentPerson | null {
  const current = obj(raw);
  if (!current) return null;
  const values: Partial<PersonValues> = {};
  const names: CurrentPerson['names'] = {};
  if (typeof current['name'] === 'string') values.name = current['name'];
  if ('jobTitle' in current) values.jobTitle = str(current['jobTitle']) ?? '';
  if (current['accessRole'] === 'ADMIN' || current['accessRole'] === 'LEADERSHIP' || current['accessRole'] === 'EMPLOYEE') {
    values.accessRole = current['accessRole'];
  }
  const link = (
    field: 'teamId' | 'managerId' | 'currentRoleId',
    objectKey: 'team' | 'manager' | 'currentRole',
    nameKey: 'path' | 'name' | 'title',
  ) => {
    if (field in current) {
      values[field] = str(current[field]) ?? null;
    } else if (objectKey in current) {
      const related = obj(current[objectKey]);
      values[field] = related ? (str(related['id']) ?? null) : null;
      const name = related ? str(related[nameKey]) : undefined;
      if (name) names[field] = name;
    }
  };
  link('teamId', 'team', 'path');
  link('managerId', 'manager', 'name');
  link('currentRoleId', 'currentRole', 'title');
  return {
    values,
    names,
    active: typeof current['active'] === 'boolean' ? current['active'] : undefined,
    version: typeof current['version'] === 'number' ? current['version'] : undefined,
  };
}
