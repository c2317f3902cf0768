import { levelLabel, plainSummary, ratingOptions, shortLevelLabel, skillLevelLabel, skillLevelShort } from './levels';
import { FT_LEVELS, scaleFields } from './fixtures';

const ft = scaleFields(FT_LEVELS, { descriptors: { 4: 'Leads **delivery** of [services](https://example.com)\n\n- and reviews others' } });
const three = scaleFields(['Spots', 'Handles', 'Leads']);

describe('naming levels on a skill’s own scale', () => {
  it('names a level by the skill’s scale, not the framework’s', () => {
    expect(skillLevelLabel(ft, 3)).toBe('Level 3 · Working knowledge');
    expect(skillLevelLabel(three, 3)).toBe('Level 3 · Leads');
    expect(skillLevelShort(ft, 4)).toBe('4 · Practitioner');
    expect(levelLabel(0, ft.scale.levels)).toBe('Not expected');
  });

  it('keeps a level above the scale as its number, and says nothing was rated', () => {
    expect(skillLevelLabel(three, 5)).toBe('Level 5');
    expect(shortLevelLabel(5, three.scale.levels)).toBe('5');
    expect(skillLevelShort(three, null)).toBe('—');
    expect(skillLevelShort(three, undefined, 'Not rated')).toBe('Not rated');
    expect(skillLevelLabel(undefined, 2)).toBe('Level 2');
  });

  it('offers exactly the skill’s levels, each with its own descriptor summary, else the scale’s', () => {
    const withScaleSummary = { ...three, scale: { levels: three.scale.levels.map((l) => (l.level === 2 ? { ...l, summary: 'Handles it alone' } : l)) } };
    expect(ratingOptions(withScaleSummary).map((o) => o.label)).toEqual(['1 · Spots', '2 · Handles: Handles it alone', '3 · Leads']);
    const options = ratingOptions(ft);
    expect(options).toHaveLength(5);
    expect(options[3]).toEqual({ level: 4, name: 'Practitioner', summary: 'Leads **delivery** of [services](https://example.com)\n\n- and reviews others', label: '4 · Practitioner: Leads delivery of services and reviews others' });
  });

  it('writes Markdown as one plain line, cut on a word', () => {
    expect(plainSummary('# Heading\n\n*Runs* `it` ~~alone~~ and ![chart](x.png)')).toBe('Heading Runs it alone and chart');
    expect(plainSummary('Plans the whole portfolio of projects every quarter', 30)).toBe('Plans the whole portfolio of…');
    expect(plainSummary(null)).toBe('');
  });
});
