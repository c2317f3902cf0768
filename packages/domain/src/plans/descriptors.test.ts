import { pmoFramework } from '../framework/pmo-framework.js';
import { descriptorActivities, imperative } from './descriptors.js';

describe('imperative', () => {
  it.each([
    ['Runs', 'Run'],
    ['applies', 'apply'],
    ['Assesses', 'Assess'],
    ['Coaches', 'Coach'],
    ['Establishes', 'Establish'],
    ['Analyses', 'Analyse'],
    ['re-energises', 're-energise'],
    ['Triages', 'Triage'],
    ['Does', 'Do'],
  ])('%s → %s', (verb, base) => expect(imperative(verb)).toBe(base));
});

describe('descriptorActivities', () => {
  it('splits a descriptor into its activities at commas before a verb, as imperatives', () => {
    expect(
      descriptorActivities('Runs risk management for complex programmes, performs quantitative or aggregated risk analysis and advises boards on overall risk exposure and appetite.'),
    ).toEqual(['Run risk management for complex programmes', 'Perform quantitative or aggregated risk analysis']);
    expect(descriptorActivities('Facilitates risk identification, assesses probability and impact, agrees responses with owners and tracks them through to closure.')).toEqual([
      'Facilitate risk identification',
      'Assess probability and impact',
      'Agree responses with owners',
    ]);
  });

  it('does not split lists of nouns, even nouns ending in "s"', () => {
    expect(descriptorActivities('Provides board secretariat: agendas, papers, minutes, decision and action logs, and stage-gate checklists.')).toEqual(['Provide board secretariat']);
    expect(descriptorActivities('Triages issues independently, agrees resolution owners and deadlines, and escalates appropriately when tolerances are at risk.')).toEqual([
      'Triage issues independently',
      'Agree resolution owners and deadlines',
      'Escalate appropriately when tolerances are at risk',
    ]);
    expect(descriptorActivities('Sets organisation-wide change-control policy integrated with configuration, financial and benefits controls.')).toEqual([
      'Set organisation-wide change-control policy integrated with configuration, financial and benefits controls',
    ]);
  });

  it('keeps two verbs that share an object, and an adverb before the verb', () => {
    expect(descriptorActivities('Builds and manages a project budget, forecasts outturn, explains variances and works with finance business partners on month-end.')).toEqual([
      'Build and manage a project budget',
      'Forecast outturn',
      'Explain variances',
    ]);
    expect(descriptorActivities('Runs or supports agile and hybrid delivery, adapting reporting and governance so they fit iterative work.')).toEqual([
      'Run or support agile and hybrid delivery, adapting reporting and governance so they fit iterative work',
    ]);
    expect(descriptorActivities('Independently analyses schedule, cost, risk and resource data to identify trends and emerging problems, and explains them in plain language.')).toEqual([
      'Independently analyse schedule, cost, risk and resource data to identify trends and emerging problems',
      'Explain them in plain language',
    ]);
  });

  it('ends a phrase before "and is ..." and ignores brackets', () => {
    expect(descriptorActivities('Directs complex programmes or major projects and is a recognised authority on delivery control.')).toEqual(['Direct complex programmes or major projects']);
    expect(descriptorActivities('Builds forward-looking analysis (forecasts, scenario models, earned value, portfolio heat maps) and uses it to shape board recommendations.')).toEqual([
      'Build forward-looking analysis (forecasts, scenario models, earned value, portfolio heat maps)',
    ]);
  });

  it('names no activity for a descriptor that does not start with a verb', () => {
    expect(descriptorActivities('Recognised facilitator for executive and cross-organisation events.')).toEqual([]);
    expect(descriptorActivities('Aware that the organisation has a delivery method.')).toEqual([]);
    expect(descriptorActivities('')).toEqual([]);
  });

  it('gives a first activity for most level descriptors of the built-in framework, each a short phrase starting with a capital', () => {
    const descriptors = pmoFramework.skills.flatMap((s) => Object.entries(s.levels).filter(([level]) => level !== '1').map(([, d]) => d.summary ?? ''));
    const activities = descriptors.map(descriptorActivities);
    expect(activities.filter((a) => a.length > 0).length / descriptors.length).toBeGreaterThan(0.9);
    for (const list of activities) {
      for (const activity of list) {
        expect(activity).toMatch(/^[A-Z]/);
        expect(activity).not.toMatch(/[,.;:]$/);
        // never a third-person verb left at the start
        expect(activity.split(' ')[0]).not.toMatch(/^(Runs|Leads|Manages|Designs|Builds|Sets|Owns)$/);
      }
    }
  });
});
