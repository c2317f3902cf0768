import { frameworkDocumentSchema } from '../framework/document.js';
import { parseDraftOperation } from '../framework/draft-operations.js';
import { pmoFramework } from '../framework/pmo-framework.js';
import { addPlanActionInputSchema, updatePlanActionInputSchema } from './plans-inputs.js';
import {
  calendarDate,
  emailSchema,
  httpUrlSchema,
  isCalendarDate,
  multiLineText,
  singleLineText,
  TEXT_LIMITS,
  unsafeTextProblem,
  UNSAFE_TEXT_MESSAGE,
  uuidSchema,
} from './text.js';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

describe('text PostgreSQL can store and a person meant to type', () => {
  it.each([
    ['a NUL byte', 'a\u0000b'],
    ['a bell', '\u0007'],
    ['an escape sequence', '\u001b[31m'],
    ['DEL', '\u007f'],
    ['a lone high surrogate', 'x\ud800'],
    ['a lone low surrogate', '\udc00y'],
    ['two high surrogates', '\ud83d\ud83d'],
  ])('refuses %s', (_what, value) => {
    expect(unsafeTextProblem(value)).toBe(UNSAFE_TEXT_MESSAGE);
    expect(unsafeTextProblem(value, { multiLine: true })).toBe(UNSAFE_TEXT_MESSAGE);
    expect(messages(singleLineText().safeParse(value))).toEqual([UNSAFE_TEXT_MESSAGE]);
  });

  it('keeps emoji, accents and other scripts', () => {
    for (const value of ['👩🏽‍💻 Zoë', 'Ærøskøbing', '北京', 'مرحبا', '']) expect(singleLineText().safeParse(value).success).toBe(true);
  });

  it('allows tabs and line breaks only in multi-line text', () => {
    expect(singleLineText().safeParse('two\nlines').success).toBe(false);
    expect(singleLineText().safeParse('a\ttab').success).toBe(false);
    expect(multiLineText().safeParse('two\r\nlines\tand a tab').success).toBe(true);
  });

  it('limits lengths', () => {
    expect(singleLineText(5).safeParse('12345').success).toBe(true);
    expect(messages(singleLineText(5).safeParse('123456'))).toEqual(['Use at most 5 characters.']);
    expect(multiLineText().safeParse('x'.repeat(TEXT_LIMITS.note + 1)).success).toBe(false);
  });
});

describe('ids, dates, addresses and links', () => {
  it('ids are UUIDs', () => {
    expect(uuidSchema.safeParse('8b8704dc-6e02-4776-abab-9319885cdb96').success).toBe(true);
    for (const value of ['', 'x', '1', '8b8704dc-6e02-4776-abab-9319885cdb961', '8b8704dc\u00006e02-4776-abab-9319885cdb96']) {
      expect(messages(uuidSchema.safeParse(value))).toEqual(['Not a valid id.']);
    }
  });

  it('dates are YYYY-MM-DD days that exist', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const value of ['', '2027-02-29', '2027-02-30', '2027-13-01', '2027-1-1', '99999-01-01', '2027-01-01T00:00:00Z', 'tomorrow']) {
      expect(isCalendarDate(value)).toBe(false);
    }
    expect(messages(calendarDate('Due when?').safeParse(''))).toEqual(['Due when?']);
  });

  it('e-mail addresses and links', () => {
    expect(emailSchema.safeParse('name@example.com').success).toBe(true);
    expect(emailSchema.safeParse('not-an-email').success).toBe(false);
    expect(emailSchema.safeParse(`${'x'.repeat(250)}@example.com`).success).toBe(false);
    expect(httpUrlSchema.safeParse('https://example.com/x').success).toBe(true);
    expect(httpUrlSchema.safeParse('javascript:alert(1)').success).toBe(false);
  });
});

describe('input schemas', () => {
  it('report each problem at its path', () => {
    const result = addPlanActionInputSchema.safeParse({
      planId: 'x',
      expectedVersion: -1,
      type: 'course',
      title: 't'.repeat(201),
      dueOn: '',
      skillKeys: ['ok', 'a\u0000'],
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['dueOn', 'expectedVersion', 'planId', 'skillKeys.1', 'title']);
    expect(updatePlanActionInputSchema.safeParse({ actionId: '8b8704dc-6e02-4776-abab-9319885cdb96', expectedPlanVersion: 1, dueOn: null }).success).toBe(true);
  });
});

describe('framework documents and draft edits refuse what cannot be stored', () => {
  it('a document with a NUL byte, a lone surrogate or a 100,000-character title', () => {
    expect(frameworkDocumentSchema.safeParse(pmoFramework).success).toBe(true);
    const withRole = (patch: Record<string, unknown>) => ({ ...pmoFramework, roles: [{ ...pmoFramework.roles[0]!, ...patch }, ...pmoFramework.roles.slice(1)] });
    expect(frameworkDocumentSchema.safeParse({ ...pmoFramework, name: 'a\u0000b' }).success).toBe(false);
    expect(frameworkDocumentSchema.safeParse({ ...pmoFramework, description: 'x\ud800' }).success).toBe(false);
    expect(frameworkDocumentSchema.safeParse(withRole({ title: 'T'.repeat(100_000) })).success).toBe(false);
    expect(frameworkDocumentSchema.safeParse(withRole({ expectations: { ['k\u0000']: 1 } })).success).toBe(false);
  });

  it('a draft edit with a NUL byte', () => {
    expect('problems' in parseDraftOperation({ kind: 'updateFramework', name: 'Nul\u0000' }, 'op')).toBe(true);
    expect('problems' in parseDraftOperation({ kind: 'updateFramework', name: 'Fine' }, 'op')).toBe(false);
  });
});
