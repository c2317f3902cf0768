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
