import { z } from 'zod';

/**
 * Input primitives shared by the API (which validates every argument with them before a resolver
 * runs) and the web forms. Each refuses what PostgreSQL cannot store or a person did not mean to
 * type: NUL and other control characters, lone UTF-16 surrogates (half an emoji), and text longer
 * than the field holds.
 */

/** Lengths of the free-text fields, in UTF-16 code units (what `string.length` counts). */
export const TEXT_LIMITS = {
  /** A name, title, key or other one-line value. */
  name: 200,
  /** An e-mail address (RFC 5321's limit). */
  email: 254,
  /** A link. */
  url: 2000,
  /** A note, comment, evidence, description or reflection. */
  note: 5000,
  /** A password (argon2 hashes whatever it gets; a megabyte of it is a denial of service). */
  password: 256,
  /** An opaque token from a link (invitation, password reset). */
  token: 512,
  /** A file pasted or uploaded as text: a framework document (5 MB imports) or a CSV. */
  file: 10_000_000,
} as const;

// C0 controls and DEL; tab, line feed and carriage return are allowed only in multi-line text.
// Matching control characters is the point of these two expressions.
/* eslint-disable no-control-regex */
const CONTROL = /[\u0000-\u001f\u007f]/;
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/* eslint-enable no-control-regex */
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSAFE_TEXT_MESSAGE = 'Contains characters that cannot be stored (a control character or a broken emoji).';

/** Why a text cannot be stored as typed, or null. `multiLine` allows tabs and line breaks. */
export function unsafeTextProblem(value: string, options: { multiLine?: boolean } = {}): string | null {
  if ((options.multiLine ? CONTROL_BUT_LINE_BREAKS : CONTROL).test(value) || LONE_SURROGATE.test(value)) return UNSAFE_TEXT_MESSAGE;
  return null;
}

const tooLong = (max: number) => `Use at most ${max.toLocaleString('en-GB')} characters.`;

function safeText(max: number, multiLine: boolean) {
  return z
    .string()
    .max(max, tooLong(max))
    .refine((value) => unsafeTextProblem(value, { multiLine }) === null, UNSAFE_TEXT_MESSAGE);
}

/** One line of text: no line breaks or other control characters, at most `max` characters. */
export function singleLineText(max: number = TEXT_LIMITS.name) {
  return safeText(max, false);
}

/** Text that may have several lines (tabs and line breaks allowed), at most `max` characters. */
export function multiLineText(max: number = TEXT_LIMITS.note) {
  return safeText(max, true);
}

/** Like singleLineText, and not blank once trimmed (`message` says what to enter). */
export function requiredText(message: string, max: number = TEXT_LIMITS.name) {
  return singleLineText(max).refine((value) => value.trim().length > 0, message);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id: every Trellis id is a UUID, so anything else names nothing. */
export const uuidSchema = z.string().regex(UUID, 'Not a valid id.');

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** YYYY-MM-DD naming a day that exists (not 2027-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date as YYYY-MM-DD (`message` when it is not one). */
export function calendarDate(message = 'Enter a date as YYYY-MM-DD, one that exists.') {
  return z.string().refine(isCalendarDate, message);
}

/** An e-mail address as typed (the API normalises it): one line, with an @, at most 254 characters. */
export const emailSchema = singleLineText(TEXT_LIMITS.email).refine(
  (value) => /^[^\s@]+@[^\s@]+$/.test(value.trim()),
  'Enter an e-mail address such as name@example.com.',
);

/** http(s)://host... (the domain runs without a URL class: browsers and Node parse the rest alike). */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#@]+(?:[/?#]\S*)?$/i.test(value);
}

/** An http(s) link. */
export const httpUrlSchema = singleLineText(TEXT_LIMITS.url).refine(isHttpUrl, 'Enter a link starting with https:// (or http://).');

/** A key of a framework part: a lowercase slug such as "risk-management". */
export const slugSchema = z
  .string()
  .max(TEXT_LIMITS.name, tooLong(TEXT_LIMITS.name))
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a lowercase slug such as "risk-management"');

/** A whole number in a range (GraphQL Int is already 32-bit; this says what makes sense). */
export function intBetween(min: number, max: number, message = `Use a whole number from ${min} to ${max}.`) {
  return z.number().int(message).min(min, message).max(max, message);
}

/** Versions and revisions sent back with an edit: never negative. */
export const versionSchema = intBetween(0, 2_147_483_647, 'Not a valid version: reload and try again.');
