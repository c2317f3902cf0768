import { z } from 'zod';

/**
 * Accounts: e-mail addresses (a person's identity within an organisation), passwords and the
 * organisation-wide access role of an account.
 */

/** The form in which e-mail addresses are stored and compared: trimmed and lower-case. */
export function normaliseEmail(s: string): string {
  return s.trim().toLowerCase();
}

const LOCAL_PART = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/i;
const DOMAIN_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
const TOP_LEVEL_LABEL = /^[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/**
 * Whether the string, exactly as given, is a plausible e-mail address: `local@domain.tld` with an
 * ASCII local part (dot-atom), at least two domain labels and an alphabetic top-level label, within
 * the length limits of RFC 5321 (64 for the local part, 254 in all). Surrounding whitespace makes it
 * false, so normalise first ({@link normaliseEmail}). Quoted local parts, IP-address domains and
 * non-ASCII addresses are deliberately not accepted.
 */
export function isEmailAddress(s: string): boolean {
  if (s.length > 254) return false;
  const at = s.lastIndexOf('@');
  if (at <= 0) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  if (local.length > 64 || !LOCAL_PART.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  const top = labels[labels.length - 1]!;
  return labels.slice(0, -1).every((label) => DOMAIN_LABEL.test(label)) && TOP_LEVEL_LABEL.test(top);
}

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/**
 * A short deny-list of the most common passwords that are long enough to pass the length rule
 * (shorter ones fail it anyway). Compared case-insensitively.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '0123456789',
  '1234567890',
  '12345678910',
  '123456789a',
  '1234567890a',
  '0987654321',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  '1qaz2wsx3edc',
  'zaq12wsxcde3',
  'a1b2c3d4e5',
  'abcdefghij',
  'abc1234567',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  'qwerty123456',
  'asdfghjkl1',
  'zxcvbnm123',
  'password12',
  'password123',
  'password1234',
  'password12345',
  'password!1',
  'password1!',
  'passw0rd12',
  'passw0rd123',
  'p@ssw0rd123',
  'p@ssword123',
  'iloveyou12',
  'iloveyou123',
  'letmein123',
  'letmein1234',
  'welcome123',
  'welcome1234',
  'welcome2024',
  'welcome2025',
  'changeme123',
  'trustno1234',
  'administrator',
  'admin12345',
  'admin123456',
  'football123',
  'baseball123',
  'superman123',
  'princess123',
  'sunshine123',
  'starwars123',
  'monkey12345',
  'dragon12345',
]);

/**
 * What is wrong with a proposed password, as short sentences for the person choosing it; empty when
 * it is acceptable. Rules: at least {@link MIN_PASSWORD_LENGTH} and at most {@link MAX_PASSWORD_LENGTH}
 * characters; not one character repeated; not just the person's e-mail address (or the part before
 * the @) or name; not one of the most common passwords. Length counts characters, not UTF-16 units.
 */
export function passwordProblems(password: string, context: { email?: string; name?: string } = {}): string[] {
  const problems: string[] = [];
  const characters = [...password];
  if (characters.length < MIN_PASSWORD_LENGTH) {
    problems.push(`password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (characters.length > MAX_PASSWORD_LENGTH) {
    problems.push(`password must have at most ${MAX_PASSWORD_LENGTH} characters`);
  }
  if (characters.length > 0 && characters.every((c) => c === characters[0])) {
    problems.push('password must not be one character repeated');
  }
  const lowered = password.trim().toLowerCase();
  const personal = new Set<string>();
  if (context.email) {
    const email = normaliseEmail(context.email);
    personal.add(email);
    const at = email.lastIndexOf('@');
    if (at > 0) personal.add(email.slice(0, at));
  }
  if (context.name) {
    const name = context.name.trim().toLowerCase();
    personal.add(name);
    personal.add(name.replace(/\s+/g, ''));
  }
  personal.delete('');
  if (personal.has(lowered)) problems.push('password must not be your e-mail address or name');
  if (COMMON_PASSWORDS.has(lowered)) problems.push('password is one of the most common passwords');
  return problems;
}

/** The organisation-wide access roles of an account, from most to least powerful. */
export const ACCESS_ROLES = ['admin', 'leadership', 'employee'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];
export const accessRoleSchema = z.enum(ACCESS_ROLES);

/** One line per access role, for settings screens and invitations. */
export const ACCESS_ROLE_DESCRIPTIONS: Readonly<Record<AccessRole, string>> = {
  admin: 'The PMO lead: manages frameworks, people and settings.',
  leadership: 'Sees organisation-wide reports.',
  employee: 'Everyone: their own growth, plans, assessments and mentoring.',
};

export function isAccessRole(value: unknown): value is AccessRole {
  return typeof value === 'string' && (ACCESS_ROLES as readonly string[]).includes(value);
}
