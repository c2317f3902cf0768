import { aboutDuration, forecastText } from './planLabels';

describe('the readiness forecast in words', () => {
  it.each([
    [0.4, 'within a month'],
    [1, 'about 1 month'],
    [6.6, 'about 7 months'],
    [17.4, 'about 17 months'],
    [18, 'about 1½ years'],
    [30, 'about 2½ years'],
    [69.8, 'about 6 years'],
  ])('%s months reads "%s"', (months, words) => expect(aboutDuration(months)).toBe(words));

  it('speaks to the person, or of them to whoever else reads it', () => {
    const forecast = { kind: 'forecast', monthsToReady: 69.8, levelsGained: 3, historyMonths: 10 };
    expect(forecastText(forecast)).toBe('At your pace so far (3 levels gained in 10 months), ready in about 6 years.');
    expect(forecastText(forecast, 'their')).toBe('At their pace so far (3 levels gained in 10 months), ready in about 6 years.');
    expect(forecastText({ kind: 'ready' })).toBe('Ready now on what is known.');
    expect(forecastText({ kind: 'none', reason: 'less than 90 days of ratings' })).toBe('No forecast yet: less than 90 days of ratings.');
  });
});
