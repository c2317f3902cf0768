import { calendarDateSchema, distinct, hasControlCharacters, idSchema, isCalendarDate, multilineText, singleLineText, skillKeySchema } from './text.js';

describe('text primitives', () => {
  it('finds control characters (line breaks and tabs only in one-line text)', () => {
    expect(hasControlCharacters('plain text, émoji 😀')).toBe(false);
    for (const c of ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f']) {
      expect(hasControlCharacters(`a${c}b`)).toBe(true);
      expect(hasControlCharacters(`a${c}b`, { multiline: true })).toBe(true);
    }
    expect(hasControlCharacters('a\nb')).toBe(true);
    expect(hasControlCharacters('a\tb')).toBe(true);
    expect(hasControlCharacters('a\nb\tc', { multiline: true })).toBe(false);
  });

  it('singleLineText trims, needs content, counts characters and refuses line breaks', () => {
    const title = singleLineText(5);
    expect(title.parse('  hello ')).toBe('hello');
    expect(title.parse('😀😀😀😀😀')).toBe('😀😀😀😀😀');
    expect(title.safeParse('   ').error?.issues[0]?.message).toBe('must not be empty');
    expect(title.safeParse('toolong').error?.issues[0]?.message).toBe('must have at most 5 characters');
    expect(title.safeParse('a\nb').error?.issues[0]?.message).toBe('must be one line without control characters');
    expect(singleLineText(10, { min: 3 }).safeParse('ab').error?.issues[0]?.message).toBe('must have at least 3 characters');
  });

  it('multilineText normalises line ends, trims and may be empty', () => {
    const notes = multilineText(20);
    expect(notes.parse('\r\n one\r\ntwo\rthree \n')).toBe('one\ntwo\nthree');
    expect(notes.parse('')).toBe('');
    expect(notes.safeParse('bell\u0007').error?.issues[0]?.message).toBe('must not contain control characters');
    expect(notes.safeParse('x'.repeat(21)).error?.issues[0]?.message).toBe('must have at most 20 characters');
    expect(multilineText(20, { min: 1 }).safeParse(' \n ').error?.issues[0]?.message).toBe('must not be empty');
  });

  it('calendar dates name days that exist', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate('2025-01-01T00:00:00Z')).toBe(false);
    expect(calendarDateSchema.safeParse('2027-02-30').error?.issues[0]?.message).toBe('must be a calendar date (YYYY-MM-DD)');
  });

  it('keys and ids', () => {
    expect(skillKeySchema.safeParse('risk-management').success).toBe(true);
    expect(skillKeySchema.safeParse('Risk Management').success).toBe(false);
    expect(idSchema.safeParse('6f1c2a4e-1111-4a5b-9c3d-0123456789ab').success).toBe(true);
    expect(idSchema.safeParse('11111111-1111-1111-1111-111111111111').success).toBe(true);
    expect(idSchema.safeParse('not-an-id').error?.issues[0]?.message).toBe('must be an id (UUID)');
  });

  it('distinct lists name the repeated entry and keep to their bounds', () => {
    const list = distinct(skillKeySchema, { min: 1, max: 3, what: 'skill' });
    expect(list.parse(['a', 'b'])).toEqual(['a', 'b']);
    expect(list.safeParse(['a', 'b', 'a']).error?.issues).toEqual([expect.objectContaining({ path: [2], message: 'skill "a" is listed twice' })]);
    expect(list.safeParse([]).error?.issues[0]?.message).toBe('choose at least one skill');
    expect(list.safeParse(['a', 'b', 'c', 'd']).error?.issues[0]?.message).toBe('choose at most 3 skills');
  });
});
