import { z } from 'zod';

/**
 * Small validation primitives for mentoring inputs. packages/domain had none for free text yet
 * (issue 8 asks for shared ones: lengths, ids, dates, text without control characters); these are
 * written so they can move to a shared module unchanged when it lands.
 *
 * Lengths count characters (code points), not UTF-16 units, so an emoji is one character.
 */

// C0 controls, DEL and C1 controls. Multi-line text keeps line feeds and tabs (carriage returns are
// normalised away first).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_EXCEPT_LF_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/u;

function characters(s: string): number {
  let n = 0;
  for (const _ of s) n += 1;
  return n;
}

/** True when the text has a control character (line breaks and tabs too, unless `multiline`). */
export function hasControlCharacters(text: string, options: { multiline?: boolean } = {}): boolean {
  return (options.multiline ? CONTROL_EXCEPT_LF_TAB : CONTROL).test(text);
}

/**
 * One line of text: trimmed, at least `min` (default 1) and at most `max` characters, no control
 * characters (no line breaks either).
 */
export function singleLineText(max: number, options: { min?: number } = {}) {
  const min = options.min ?? 1;
  return z
    .string()
    .trim()
    .refine((s) => !hasControlCharacters(s), { message: 'must be one line without control characters' })
    .refine((s) => characters(s) >= min, { message: min === 1 ? 'must not be empty' : `must have at least ${min} characters` })
    .refine((s) => characters(s) <= max, { message: `must have at most ${max} characters` });
}

/**
 * Free text over several lines (notes, messages): Windows and old Mac line ends become "\n", the
 * whole is trimmed, at most `max` characters; line feeds and tabs are allowed, other control
 * characters are not. Empty is allowed unless `min` says otherwise.
 */
export function multilineText(max: number, options: { min?: number } = {}) {
  const min = options.min ?? 0;
  return z
    .string()
    .transform((s) => s.replace(/\r\n?/g, '\n').trim())
    .refine((s) => !hasControlCharacters(s, { multiline: true }), { message: 'must not contain control characters' })
    .refine((s) => characters(s) >= min, { message: min === 1 ? 'must not be empty' : `must have at least ${min} characters` })
    .refine((s) => characters(s) <= max, { message: `must have at most ${max} characters` });
}

/** "YYYY-MM-DD" naming a day that exists (not 2027-02-30). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export const calendarDateSchema = z.string().refine(isCalendarDate, { message: 'must be a calendar date (YYYY-MM-DD)' });

/** A skill (or other framework part) key: a lowercase slug, as in the framework document. */
export const skillKeySchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a skill key such as "risk-management"');

/** A database id (a UUID of any version, as PostgreSQL accepts them). */
export const idSchema = z.guid({ message: 'must be an id (UUID)' });

/** An array of distinct values (the first repeated one is named). */
export function distinct<T extends z.ZodType<string>>(item: T, options: { min?: number; max: number; what: string }) {
  const min = options.min ?? 0;
  return z
    .array(item)
    .min(min, { message: min === 1 ? `choose at least one ${options.what}` : `choose at least ${min} ${options.what}s` })
    .max(options.max, { message: `choose at most ${options.max} ${options.what}s` })
    .superRefine((values, ctx) => {
      const seen = new Set<string>();
      values.forEach((value, index) => {
        if (seen.has(value)) ctx.addIssue({ code: 'custom', message: `${options.what} "${value}" is listed twice`, path: [index] });
        seen.add(value);
      });
    });
}
