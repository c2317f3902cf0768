import type { FrameworkDocument } from './document.js';
import { summaryDescriptor } from './scales.js';

/**
 * A small, valid framework for tests: a 3-level scale, three skills, two tracks, four roles
 * (a PMO ladder plus a project manager reachable laterally) and one qualification.
 * Returns a fresh copy every time, so tests may mutate it.
 */
export function smallFramework(): FrameworkDocument {
  const levels = (what: string) => ({
    '1': summaryDescriptor(`Knows the basics of ${what}.`),
    '2': summaryDescriptor(`Practises ${what} with support.`),
    '3': summaryDescriptor(`Practises ${what} independently.`),
  });
  return {
    schemaVersion: '1',
    key: 'test-framework',
    name: 'Test framework',
    proficiencyScale: [
      { level: 1, name: 'Aware', summary: 'Knows the concepts.' },
      { level: 2, name: 'Practised', summary: 'Applies with support.' },
      { level: 3, name: 'Competent', summary: 'Applies independently.' },
    ],
    skillCategories: [
      { key: 'delivery', name: 'Delivery' },
      { key: 'people', name: 'People' },
    ],
    skills: [
      { key: 'planning', name: 'Planning', categoryKey: 'delivery', levels: levels('planning') },
      { key: 'risk-management', name: 'Risk management', categoryKey: 'delivery', levels: levels('risk management') },
      { key: 'mentoring', name: 'Mentoring', categoryKey: 'people', levels: levels('mentoring') },
    ],
    tracks: [
      { key: 'pmo', name: 'PMO', kind: 'core' },
      { key: 'delivery', name: 'Delivery', kind: 'core' },
    ],
    roles: [
      {
        key: 'pmo-analyst',
        title: 'PMO Analyst',
        trackKey: 'pmo',
        level: 1,
        band: 1,
        summary: 'Runs reporting.',
        responsibilities: ['Run the reporting cycle'],
        expectations: { planning: 1, 'risk-management': 1 },
      },
      {
        key: 'senior-pmo-analyst',
        title: 'Senior PMO Analyst',
        trackKey: 'pmo',
        level: 2,
        band: 2,
        summary: 'Runs assurance.',
        responsibilities: ['Run health checks'],
        expectations: { planning: 2, 'risk-management': 2, mentoring: 1 },
      },
      {
        key: 'pmo-manager',
        title: 'PMO Manager',
        trackKey: 'pmo',
        level: 3,
        band: 3,
        summary: 'Runs the PMO team.',
        responsibilities: ['Manage the team'],
        expectations: { planning: 3, 'risk-management': 3, mentoring: 2 },
      },
      {
        key: 'project-manager',
        title: 'Project Manager',
        trackKey: 'delivery',
        level: 1,
        band: 2,
        summary: 'Delivers projects.',
        responsibilities: ['Deliver a project'],
        expectations: { planning: 3, 'risk-management': 2 },
      },
    ],
    transitions: [
      { fromRoleKey: 'pmo-analyst', toRoleKey: 'senior-pmo-analyst', kind: 'promotion', typicalMonths: 24 },
      { fromRoleKey: 'senior-pmo-analyst', toRoleKey: 'pmo-manager', kind: 'promotion', typicalMonths: 36 },
      { fromRoleKey: 'senior-pmo-analyst', toRoleKey: 'project-manager', kind: 'lateral', typicalMonths: 12 },
      { fromRoleKey: 'project-manager', toRoleKey: 'senior-pmo-analyst', kind: 'lateral', typicalMonths: 12 },
    ],
    qualifications: [
      {
        key: 'pmp',
        name: 'Project Management Professional (PMP)',
        provider: 'Project Management Institute (PMI)',
        validityMonths: 36,
        skillKeys: ['planning', 'risk-management'],
        requiredForRoleKeys: [],
        recommendedForRoleKeys: ['project-manager'],
      },
    ],
  };
}

/**
 * The small framework using every part of document version 2: a named 5-level scale ("Technical",
 * FT's level names) for the delivery category and a 1-level scale of its own for mentoring (with no
 * descriptor), descriptors with criteria and examples, optional, weighted and role-specific
 * expectations, a role shared by two tracks, a track group and a points levelling rule (one level with sub-levels A–C).
 */
export function everyPartFramework(): FrameworkDocument {
  const doc = smallFramework();
  doc.schemaVersion = '2';
  doc.scales = [
    {
      key: 'technical',
      name: 'Technical',
      levels: [
        { level: 1, name: 'Awareness' },
        { level: 2, name: 'Foundational' },
        { level: 3, name: 'Working knowledge', summary: 'Works on it **unaided**.' },
        { level: 4, name: 'Practitioner' },
        { level: 5, name: 'Expert' },
      ],
    },
    { key: 'single', name: 'Single step', levels: [{ level: 1, name: 'Does it' }] },
  ];
  doc.skillCategories[0]!.scaleKey = 'technical';
  const planning = doc.skills[0]!;
  planning.levels = {
    '1': { summary: 'Knows the basics of planning.', criteria: [], examples: [] },
    '3': {
      summary: 'Plans a project alone.',
      criteria: ['Builds a **baselined** schedule', 'Re-plans when the critical path moves'],
      examples: ['Planned the [office move](https://example.org/move)'],
    },
    '5': { criteria: ['Sets the planning standard for the organisation'], examples: [] },
  };
  doc.skills[2]!.scaleKey = 'single';
  doc.skills[2]!.levels = {};
  doc.trackGroups = [{ key: 'operations', name: 'Operations', description: 'The PMO and delivery.' }];
  doc.tracks[0]!.groupKey = 'operations';
  doc.tracks[1]!.groupKey = 'operations';
  for (const role of doc.roles) if (role.expectations.mentoring !== undefined) role.expectations.mentoring = 1;
  const analyst = doc.roles[0]!;
  analyst.sharedWithTrackKeys = ['delivery'];
  const senior = doc.roles[1]!;
  senior.expectations = { planning: 4, 'risk-management': 2, mentoring: 1 };
  senior.expectationDetails = {
    planning: { weight: 2, statement: 'Plans the **whole** PMO reporting cycle.' },
    mentoring: { optional: true },
  };
  doc.roles[2]!.expectations = { planning: 5, 'risk-management': 3, mentoring: 1 };
  doc.roles[3]!.expectations = { planning: 4, 'risk-management': 2 };
  doc.levelling = {
    kind: 'points',
    pointsByLevel: { '1': 1, '2': 3, '3': 6, '4': 12, '5': 20 },
    skillPoints: { mentoring: { '1': 5 } },
    levels: [
      { minPoints: 0, name: '1.1' },
      { minPoints: 10, name: '2.1', subLevels: [{ name: 'A', minPoints: 10 }, { name: 'B', minPoints: 15 }, { name: 'C', minPoints: 20 }] },
      { minPoints: 25, name: '3.1' },
    ],
    titles: [
      { title: 'Analyst', minPoints: 0, maxPoints: 9 },
      { title: 'Senior Analyst', minPoints: 10, maxPoints: 24 },
      { title: 'Lead', minPoints: 25 },
    ],
  };
  return doc;
}
