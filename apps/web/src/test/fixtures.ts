import type { FrameworkBrowserQuery, FrameworksQuery, RolePageQuery } from '../gql/graphql';

type Framework = NonNullable<FrameworkBrowserQuery['framework']>;
type Version = NonNullable<Framework['currentVersion']>;
type Role = NonNullable<RolePageQuery['role']>;

export const scale: Version['proficiencyScale'] = [
  { __typename: 'ProficiencyLevel', level: 1, name: 'Aware', summary: 'Knows the vocabulary.' },
  { __typename: 'ProficiencyLevel', level: 2, name: 'Practised', summary: 'Applies it with support.' },
  { __typename: 'ProficiencyLevel', level: 3, name: 'Competent', summary: 'Applies it unaided.' },
  { __typename: 'ProficiencyLevel', level: 4, name: 'Proficient', summary: 'Adapts it and coaches others.' },
  { __typename: 'ProficiencyLevel', level: 5, name: 'Expert', summary: 'Shapes practice for the organisation.' },
];

export const frameworksList: FrameworksQuery['frameworks'] = [
  {
    __typename: 'Framework',
    id: 'fw-pmo',
    key: 'pmo',
    name: 'PMO career framework',
    description: 'Portfolio, programme and project office careers.',
    currentVersion: {
      __typename: 'FrameworkVersion',
      id: 'fv-pmo-3',
      number: 3,
      status: 'PUBLISHED',
      publishedAt: '2025-03-14T10:00:00Z',
    },
  },
  {
    __typename: 'Framework',
    id: 'fw-eng',
    key: 'engineering',
    name: 'Engineering ladder',
    description: null,
    currentVersion: null,
  },
];

const trackNames: Record<string, string> = { 'track-pmo': 'PMO career track', 'track-delivery': 'Project delivery track', 'track-business': 'Lateral: business roles' };
const role = (id: string, title: string, level: number, band: number, trackId = 'track-pmo') =>
  ({ __typename: 'Role', id, key: id, title, level, band, track: { __typename: 'Track', id: trackId, name: trackNames[trackId]! } }) as const;

const browsedLevel = (level: number, name: string, descriptor: string | null, criteria: string[] = [], examples: string[] = []) =>
  ({ __typename: 'SkillLevel', level, name, descriptor, hasDescriptor: descriptor !== null || criteria.length > 0 || examples.length > 0, criteria, examples }) as const;

/** The PMO framework's current version. Roles are deliberately listed out of level order. */
export const pmoFramework: Framework = {
  __typename: 'Framework',
  id: 'fw-pmo',
  key: 'pmo',
  name: 'PMO career framework',
  description: 'Portfolio, programme and project office careers.',
  currentVersion: {
    __typename: 'FrameworkVersion',
    id: 'fv-pmo-3',
    number: 3,
    status: 'PUBLISHED',
    publishedAt: '2025-03-14T10:00:00Z',
    proficiencyScale: scale,
    trackGroups: [{ __typename: 'TrackGroup', key: 'office', name: 'Project office', description: 'Roles that run the PMO and its projects.' }],
    scales: [
      {
        __typename: 'SkillScale',
        key: 'depth',
        name: 'Depth',
        levels: [
          { __typename: 'ScaleLevel', level: 1, name: 'Aware' },
          { __typename: 'ScaleLevel', level: 2, name: 'Practising' },
          { __typename: 'ScaleLevel', level: 3, name: 'Leading' },
        ],
      },
    ],
    skillCategories: [
      {
        __typename: 'SkillCategory',
        id: 'cat-reporting',
        name: 'Reporting',
        description: null,
        skills: [
          {
            __typename: 'Skill',
            id: 'skill-data',
            name: 'Data analysis',
            description: 'Turning numbers into **decisions**.',
            scale: { __typename: 'SkillScale', key: 'depth', name: 'Depth' },
            levels: [
              browsedLevel(1, 'Aware', 'Reads a *dashboard*.', ['Spots a missing figure'], ['Checked the weekly RAG report']),
              browsedLevel(2, 'Practising', null),
              browsedLevel(3, 'Leading', 'Designs the reporting <script>alert(1)</script> model.'),
            ],
          },
        ],
      },
    ],
    levelling: null,
    tracks: [
      {
        __typename: 'Track',
        id: 'track-pmo',
        key: 'pmo',
        name: 'PMO career track',
        kind: 'CORE',
        description: 'From administration to running the PMO.',
        groupKey: 'office',
        roles: [
          role('role-senior-pmo-analyst', 'Senior PMO Analyst', 3, 3),
          role('role-pmo-administrator', 'PMO Administrator', 1, 1),
          role('role-head-of-pmo', 'Head of PMO', 5, 5),
          role('role-pmo-analyst', 'PMO Analyst', 2, 2),
          role('role-pmo-manager', 'PMO Manager', 4, 4),
        ],
      },
      {
        __typename: 'Track',
        id: 'track-delivery',
        key: 'delivery',
        name: 'Project delivery track',
        kind: 'CORE',
        description: null,
        groupKey: 'office',
        roles: [
          role('role-project-manager', 'Project Manager', 3, 3, 'track-delivery'),
          role('role-project-support-officer', 'Project Support Officer', 1, 1, 'track-delivery'),
          // Shared: the PMO track's first rung is a rung of the delivery track too.
          role('role-pmo-administrator', 'PMO Administrator', 1, 1),
        ],
      },
      {
        __typename: 'Track',
        id: 'track-business',
        key: 'business',
        name: 'Lateral: business roles',
        kind: 'LATERAL',
        description: 'Business-facing roles PMO people often move into.',
        groupKey: null,
        roles: [role('role-business-analyst', 'Business Analyst', 1, 2, 'track-business')],
      },
    ],
    transitions: [
      {
        __typename: 'Transition',
        id: 't-admin-analyst',
        kind: 'PROMOTION',
        typicalMonths: 24,
        guidance: 'Own a reporting cycle end to end.',
        from: { __typename: 'Role', id: 'role-pmo-administrator', title: 'PMO Administrator' },
        to: { __typename: 'Role', id: 'role-pmo-analyst', title: 'PMO Analyst' },
      },
      {
        __typename: 'Transition',
        id: 't-analyst-ba',
        kind: 'LATERAL',
        typicalMonths: 18,
        guidance: null,
        from: { __typename: 'Role', id: 'role-pmo-analyst', title: 'PMO Analyst' },
        to: { __typename: 'Role', id: 'role-business-analyst', title: 'Business Analyst' },
      },
      {
        __typename: 'Transition',
        id: 't-analyst-senior',
        kind: 'PROMOTION',
        typicalMonths: 30,
        guidance: 'Lead assurance reviews.',
        from: { __typename: 'Role', id: 'role-pmo-analyst', title: 'PMO Analyst' },
        to: { __typename: 'Role', id: 'role-senior-pmo-analyst', title: 'Senior PMO Analyst' },
      },
    ],
  },
};

const skillLevels = (prefix: string): Role['expectations'][number]['skill']['levels'] =>
  scale.map((step) => ({
    __typename: 'SkillLevel',
    level: step.level,
    name: step.name,
    // Level 5 of data analysis has no descriptor: shown as "No descriptor", never invented.
    descriptor: prefix === 'Data analysis' && step.level === 5 ? null : `${prefix} at level ${step.level}.`,
    hasDescriptor: !(prefix === 'Data analysis' && step.level === 5),
    criteria: prefix === 'Status reporting' && step.level === 3 ? ['Runs the monthly cycle alone', 'Challenges optimistic RAG ratings'] : [],
    examples: prefix === 'Status reporting' && step.level === 3 ? ['Rebuilt the board pack for the ERP programme'] : [],
  }));

const reporting = { __typename: 'SkillCategory', id: 'cat-reporting', key: 'reporting', name: 'Reporting & management information' } as const;
const risk = { __typename: 'SkillCategory', id: 'cat-risk', key: 'risk', name: 'Risk & issue management' } as const;

/** PMO Analyst: expectations interleave two categories so grouping is visible. */
export const pmoAnalyst: Role = {
  __typename: 'Role',
  id: 'role-pmo-analyst',
  key: 'pmo-analyst',
  title: 'PMO Analyst',
  level: 2,
  band: 2,
  summary: 'Owns reporting cycles and change control for a programme.',
  responsibilities: ['Run the monthly reporting cycle', 'Lead change control'],
  track: { __typename: 'Track', id: 'track-pmo', name: 'PMO career track', kind: 'CORE' },
  frameworkVersion: {
    __typename: 'FrameworkVersion',
    id: 'fv-pmo-3',
    number: 3,
    status: 'PUBLISHED',
    framework: { __typename: 'Framework', id: 'fw-pmo', name: 'PMO career framework' },
    proficiencyScale: scale,
  },
  expectations: [
    {
      __typename: 'Expectation',
      id: 'exp-status-reporting',
      level: 3,
      descriptor: 'Owns a reporting cycle end to end and challenges optimistic RAG ratings.',
      criteria: ['Runs the monthly cycle alone', 'Challenges optimistic RAG ratings'],
      examples: ['Rebuilt the board pack for the ERP programme'],
      optional: false,
      weight: 2,
      statement: 'Owns the programme-level report, not only a project’s.',
      skill: {
        __typename: 'Skill',
        id: 'skill-status-reporting',
        key: 'status-reporting',
        name: 'Status reporting',
        description: 'Turning progress data into reports for boards.',
        category: reporting,
        levels: skillLevels('Status reporting'),
      },
    },
    {
      __typename: 'Expectation',
      id: 'exp-risk',
      level: 2,
      descriptor: 'Maintains the risk register and chases owners for updates.',
      criteria: [],
      examples: [],
      optional: true,
      weight: 1,
      statement: null,
      skill: {
        __typename: 'Skill',
        id: 'skill-risk',
        key: 'risk-management',
        name: 'Risk management',
        description: null,
        category: risk,
        levels: skillLevels('Risk management'),
      },
    },
    {
      __typename: 'Expectation',
      id: 'exp-data-analysis',
      level: 4,
      descriptor: 'Finds trends across the portfolio and explains them to senior managers.',
      criteria: [],
      examples: [],
      optional: false,
      weight: 1,
      statement: null,
      skill: {
        __typename: 'Skill',
        id: 'skill-data-analysis',
        key: 'data-analysis',
        name: 'Data analysis & insight',
        description: null,
        category: reporting,
        levels: skillLevels('Data analysis'),
      },
    },
  ],
  qualifications: [
    {
      __typename: 'RoleQualification',
      requirement: 'RECOMMENDED',
      qualification: {
        __typename: 'Qualification',
        id: 'q-p3o',
        key: 'p3o-foundation',
        name: 'P3O Foundation',
        provider: 'PeopleCert',
        url: 'https://example.org/p3o',
        validityMonths: null,
      },
    },
    {
      __typename: 'RoleQualification',
      requirement: 'REQUIRED',
      qualification: {
        __typename: 'Qualification',
        id: 'q-pfq',
        key: 'apm-pfq',
        name: 'APM Project Fundamentals',
        provider: 'Association for Project Management',
        url: null,
        validityMonths: 36,
      },
    },
  ],
  transitionsOut: [
    {
      __typename: 'Transition',
      id: 't-analyst-senior',
      kind: 'PROMOTION',
      typicalMonths: 30,
      guidance: 'Lead assurance reviews.',
      to: {
        __typename: 'Role',
        id: 'role-senior-pmo-analyst',
        title: 'Senior PMO Analyst',
        level: 3,
        track: { __typename: 'Track', id: 'track-pmo', name: 'PMO career track' },
      },
    },
    {
      __typename: 'Transition',
      id: 't-analyst-ba',
      kind: 'LATERAL',
      typicalMonths: 18,
      guidance: null,
      to: {
        __typename: 'Role',
        id: 'role-business-analyst',
        title: 'Business Analyst',
        level: 1,
        track: { __typename: 'Track', id: 'track-business', name: 'Lateral: business roles' },
      },
    },
  ],
  transitionsIn: [
    {
      __typename: 'Transition',
      id: 't-admin-analyst',
      kind: 'PROMOTION',
      typicalMonths: 24,
      guidance: 'Own a reporting cycle end to end.',
      from: {
        __typename: 'Role',
        id: 'role-pmo-administrator',
        title: 'PMO Administrator',
        level: 1,
        track: { __typename: 'Track', id: 'track-pmo', name: 'PMO career track' },
      },
    },
  ],
};
