import { formatMonths, formatValidity } from './labels';

describe('labels', () => {
  it.each([
    [null, null],
    [0, 'No minimum'],
    [1, '1 month'],
    [18, '18 months'],
    [12, '1 year'],
    [36, '3 years'],
  ])('formatMonths(%p) is %p', (months, text) => {
    expect(formatMonths(months)).toBe(text);
  });

  it('describes validity', () => {
    expect(formatValidity(null)).toBe('Does not expire');
    expect(formatValidity(24)).toBe('Valid for 2 years');
  });
});
