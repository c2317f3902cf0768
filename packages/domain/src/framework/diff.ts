import type { FrameworkDocument, RoleDocument, SkillDocument } from './document.js';
import { skillScales } from './scales.js';

/**
 * A readable difference between two versions of a framework (or a version and the draft).
 *
 * Parts are matched by key, which never changes when something is renamed: a part whose key is in
 * both documents is the same part, so a new name is a rename, not a removal plus an addition.
 */

export type DiffPartKind =
  | 'framework'
  | 'proficiencyLevel'
  | 'scale'
  | 'skillCategory'
  | 'skill'
  | 'trackGroup'
  | 'track'
  | 'role'
  | 'expectation'
  | 'transition'
  | 'qualification'
  | 'levelling';

/** One field whose value differs, as display text (references shown by name); null = absent. */
export interface FieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

export interface DiffItem {
  /** The part's key (`roleKey/skillKey` for expectations, `fromKey->toKey` for transitions, the level for the scale). */
  key: string;
  /** Its name in the newer document (the older one when removed). */
  label: string;
  /** Its name in the older document, when renamed. */
  previousLabel: string | null;
  /** Field-level changes; for a rename, the other fields that changed besides the name. */
  fields: FieldChange[];
}

export interface DiffSection {
  kind: DiffPartKind;
  /** "Roles", "Skills"… */
  title: string;
  added: DiffItem[];
  removed: DiffItem[];
  renamed: DiffItem[];
  changed: DiffItem[];
}

export interface FrameworkDiff {
  /** One section per kind of part, always in the same order (empty sections included). */
  sections: DiffSection[];
  /** Number of added, removed, renamed and changed items over all sections. */
  changeCount: number;
}

const SECTION_TITLES: Record<DiffPartKind, string> = {
  framework: 'Framework',
  proficiencyLevel: 'Proficiency scale',
  scale: 'Scales',
  skillCategory: 'Skill categories',
  skill: 'Skills',
  trackGroup: 'Track groups',
  track: 'Tracks',
  role: 'Roles',
  expectation: 'Expectations',
  transition: 'Transitions',
  qualification: 'Qualifications',
  levelling: 'Points levelling',
};

/** A part reduced to what a diff compares: a key, a name and display-ready field values. */
interface Comparable {
  key: string;
  name: string;
  fields: ComparableField[];
}

interface ComparableField {
  field: string;
  label: string;
  /** Display text (references by name). */
  value: string | null;
  /** What is compared when it differs from the display text: references by key, so a rename elsewhere is not a change here. */
  identity?: string | null;
}

const identityOf = (field: ComparableField) => (field.identity === undefined ? field.value : field.identity);

function text(value: string | number | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const shown = String(value);
  return shown === '' ? null : shown;
}

function list(values: readonly string[]): string | null {
  return values.length === 0 ? null : values.join('; ');
}

/** Expectations and transitions are named after their roles and skills, so they are never "renamed" themselves. */
const DERIVED_NAMES = new Set<DiffPartKind>(['expectation', 'transition']);
/** Kinds whose additions and removals list their values ("Project Manager: ESG – → 3"). */
const VALUED = new Set<DiffPartKind>(['expectation']);

function valued(kind: DiffPartKind, part: Comparable, side: 'before' | 'after'): FieldChange[] {
  if (!VALUED.has(kind)) return [];
  return part.fields
    .filter((f) => f.value !== null)
    .map((f) => ({ field: f.field, label: f.label, before: side === 'before' ? f.value : null, after: side === 'after' ? f.value : null }));
}

function compareSection(kind: DiffPartKind, before: Comparable[], after: Comparable[]): DiffSection {
  const section: DiffSection = { kind, title: SECTION_TITLES[kind], added: [], removed: [], renamed: [], changed: [] };
  const beforeByKey = new Map(before.map((part) => [part.key, part]));
  const afterKeys = new Set(after.map((part) => part.key));
  for (const part of before) {
    if (!afterKeys.has(part.key)) section.removed.push({ key: part.key, label: part.name, previousLabel: null, fields: valued(kind, part, 'before') });
  }
  for (const part of after) {
    const old = beforeByKey.get(part.key);
    if (!old) {
      section.added.push({ key: part.key, label: part.name, previousLabel: null, fields: valued(kind, part, 'after') });
      continue;
    }
    const oldFields = new Map(old.fields.map((f) => [f.field, f]));
    const fields: FieldChange[] = [];
    const seen = new Set<string>();
    for (const field of part.fields) {
      seen.add(field.field);
      const previous = oldFields.get(field.field);
      if ((previous ? identityOf(previous) : null) !== identityOf(field)) {
        fields.push({ field: field.field, label: field.label, before: previous?.value ?? null, after: field.value });
      }
    }
    for (const field of old.fields) {
      if (!seen.has(field.field) && field.value !== null) {
        fields.push({ field: field.field, label: field.label, before: field.value, after: null });
      }
    }
    if (old.name !== part.name && !DERIVED_NAMES.has(kind)) section.renamed.push({ key: part.key, label: part.name, previousLabel: old.name, fields });
    else if (fields.length > 0) section.changed.push({ key: part.key, label: part.name, previousLabel: null, fields });
  }
  return section;
}

function references(field: string, label: string, keys: string[], name: (key: string) => string): ComparableField {
  return { field, label, value: list(keys.map(name)), identity: list(keys) };
}

/** Names of parts by key, for showing references by name ("PMO" rather than "pmo"). */
function namer(parts: Array<{ key: string; name?: string; title?: string }>): (key: string) => string {
  const names = new Map(parts.map((part) => [part.key, part.name ?? part.title ?? part.key]));
  return (key) => names.get(key) ?? key;
}

/** "3 (Practitioner)", named from the skill's own scale. */
function skillLevelName(doc: FrameworkDocument): (skillKey: string, level: number) => string {
  const scales = skillScales(doc);
  const base = doc.proficiencyScale;
  return (skillKey, level) => {
    const name = (scales.get(skillKey)?.levels ?? base).find((step) => step.level === level)?.name;
    return name ? `${level} (${name})` : String(level);
  };
}

function namedScaleParts(doc: FrameworkDocument): Comparable[] {
  return (doc.scales ?? []).map((scale) => ({
    key: scale.key,
    name: scale.name,
    fields: [...scale.levels]
      .sort((a, b) => a.level - b.level)
      .flatMap((step) => [
        { field: `levels.${step.level}.name`, label: `Name of level ${step.level}`, value: step.name },
        { field: `levels.${step.level}.summary`, label: `Summary of level ${step.level}`, value: text(step.summary) },
      ]),
  }));
}

function trackGroupParts(doc: FrameworkDocument): Comparable[] {
  return (doc.trackGroups ?? []).map((group) => ({
    key: group.key,
    name: group.name,
    fields: [{ field: 'description', label: 'Description', value: text(group.description) }],
  }));
}

function levellingParts(doc: FrameworkDocument): Comparable[] {
  const rule = doc.levelling;
  if (!rule) return [];
  const skillName = namer(doc.skills);
  const table = (points: Record<string, number>) =>
    list(Object.entries(points).sort(([a], [b]) => Number(a) - Number(b)).map(([level, p]) => `level ${level}: ${p}`));
  return [
    {
      key: 'levelling',
      name: 'Points levelling',
      fields: [
        { field: 'pointsByLevel', label: 'Points by level', value: table(rule.pointsByLevel) },
        ...Object.entries(rule.skillPoints ?? {}).map(([skillKey, points]) => ({
          field: `skillPoints.${skillKey}`,
          label: `Points for ${skillName(skillKey)}`,
          value: table(points),
        })),
        { field: 'levels', label: 'Levels', value: list(rule.levels.map((l) => `${l.name} from ${l.minPoints}`)) },
        // One field per level with sub-levels, so the diff says whose sub-levels changed.
        ...rule.levels
          .filter((l) => (l.subLevels?.length ?? 0) > 0)
          .map((l) => ({
            field: `subLevels.${l.name}`,
            label: `Sub-levels of ${l.name}`,
            value: list((l.subLevels ?? []).map((s) => `${s.name} from ${s.minPoints}`)),
          })),
        {
          field: 'titles',
          label: 'Titles',
          value: list(rule.titles.map((t) => `${t.title} ${t.minPoints}${t.maxPoints === undefined ? '+' : `–${t.maxPoints}`}`)),
        },
      ],
    },
  ];
}

function frameworkParts(doc: FrameworkDocument): Comparable[] {
  return [
    {
      // One framework on both sides: its identity across versions is the framework, not its key.
      key: 'framework',
      name: doc.name,
      fields: [
        { field: 'key', label: 'Key', value: doc.key },
        { field: 'description', label: 'Description', value: text(doc.description) },
      ],
    },
  ];
}

function scaleParts(doc: FrameworkDocument): Comparable[] {
  return [...doc.proficiencyScale]
    .sort((a, b) => a.level - b.level)
    .map((step) => ({
      key: String(step.level),
      name: step.name,
      fields: [{ field: 'summary', label: 'Summary', value: step.summary }],
    }));
}

function skillParts(doc: FrameworkDocument): Comparable[] {
  const categoryName = namer(doc.skillCategories);
  const levelName = skillLevelName(doc);
  const scales = skillScales(doc);
  return doc.skills.map((skill: SkillDocument) => {
    const scale = scales.get(skill.key);
    return {
      key: skill.key,
      name: skill.name,
      fields: [
        { field: 'category', label: 'Category', value: categoryName(skill.categoryKey), identity: skill.categoryKey },
        { field: 'description', label: 'Description', value: text(skill.description) },
        {
          field: 'scale',
          label: 'Scale',
          value: scale?.name ?? 'The proficiency scale',
          identity: `${scale?.key ?? ''}:${(scale?.levels ?? []).map((l) => l.level).join(',')}`,
        },
        ...Object.keys(skill.levels)
          .sort((a, b) => Number(a) - Number(b))
          .flatMap((level) => {
            const descriptor = skill.levels[level];
            const at = levelName(skill.key, Number(level));
            return [
              { field: `levels.${level}`, label: `Descriptor at level ${at}`, value: text(descriptor?.summary) },
              { field: `levels.${level}.criteria`, label: `Criteria at level ${at}`, value: list(descriptor?.criteria ?? []) },
              { field: `levels.${level}.examples`, label: `Examples at level ${at}`, value: list(descriptor?.examples ?? []) },
            ];
          }),
      ],
    };
  });
}

function trackParts(doc: FrameworkDocument): Comparable[] {
  const groupName = namer(doc.trackGroups ?? []);
  return doc.tracks.map((track) => ({
    key: track.key,
    name: track.name,
    fields: [
      { field: 'kind', label: 'Kind', value: track.kind },
      { field: 'description', label: 'Description', value: text(track.description) },
      { field: 'group', label: 'Group', value: track.groupKey ? groupName(track.groupKey) : null, identity: track.groupKey ?? null },
    ],
  }));
}

function categoryParts(doc: FrameworkDocument): Comparable[] {
  const scaleName = namer(doc.scales ?? []);
  return doc.skillCategories.map((category) => ({
    key: category.key,
    name: category.name,
    fields: [
      { field: 'description', label: 'Description', value: text(category.description) },
      { field: 'scale', label: 'Scale', value: category.scaleKey ? scaleName(category.scaleKey) : null, identity: category.scaleKey ?? null },
    ],
  }));
}

function roleParts(doc: FrameworkDocument): Comparable[] {
  const trackName = namer(doc.tracks);
  return doc.roles.map((role: RoleDocument) => ({
    key: role.key,
    name: role.title,
    fields: [
      { field: 'track', label: 'Track', value: trackName(role.trackKey), identity: role.trackKey },
      { field: 'level', label: 'Level in track', value: text(role.level) },
      { field: 'band', label: 'Band', value: text(role.band) },
      { field: 'summary', label: 'Summary', value: role.summary },
      { field: 'responsibilities', label: 'Responsibilities', value: list(role.responsibilities) },
      references('sharedWith', 'Also on tracks', role.sharedWithTrackKeys ?? [], trackName),
    ],
  }));
}

/**
 * Expectations of roles that are in both documents, of any skill: a new skill's expectations are
 * listed as added ("Project Manager: ESG – → 3"), a removed skill's as removed (an added or removed
 * role's come and go with it, and are not repeated here). A level of "not expected" is absent.
 */
function expectationParts(doc: FrameworkDocument, shared: { roles: Set<string> }): Comparable[] {
  const skillName = namer(doc.skills);
  return doc.roles
    .filter((role) => shared.roles.has(role.key))
    .flatMap((role) =>
      doc.skills
        .filter((skill) => role.expectations[skill.key] !== undefined)
        .map((skill) => {
          const detail = role.expectationDetails?.[skill.key];
          return {
            key: `${role.key}/${skill.key}`,
            name: `${role.title}: ${skillName(skill.key)}`,
            fields: [
              { field: 'level', label: 'Expected level', value: text(role.expectations[skill.key]) },
              { field: 'optional', label: 'Optional', value: detail?.optional ? 'optional' : null },
              { field: 'weight', label: 'Weight', value: text(detail?.weight) },
              { field: 'statement', label: 'Role-specific statement', value: text(detail?.statement) },
            ],
          };
        }),
    );
}

function transitionParts(doc: FrameworkDocument): Comparable[] {
  const roleName = namer(doc.roles);
  return doc.transitions.map((transition) => ({
    key: `${transition.fromRoleKey}->${transition.toRoleKey}`,
    name: `${roleName(transition.fromRoleKey)} → ${roleName(transition.toRoleKey)}`,
    fields: [
      { field: 'kind', label: 'Kind', value: transition.kind },
      { field: 'typicalMonths', label: 'Typical months before the move', value: text(transition.typicalMonths) },
      { field: 'guidance', label: 'Guidance', value: text(transition.guidance) },
    ],
  }));
}

function qualificationParts(doc: FrameworkDocument): Comparable[] {
  const skillName = namer(doc.skills);
  const roleName = namer(doc.roles);
  return doc.qualifications.map((qualification) => ({
    key: qualification.key,
    name: qualification.name,
    fields: [
      { field: 'provider', label: 'Provider', value: qualification.provider },
      { field: 'url', label: 'Web address', value: text(qualification.url) },
      { field: 'validityMonths', label: 'Valid for (months)', value: text(qualification.validityMonths) },
      { field: 'description', label: 'Description', value: text(qualification.description) },
      references('skills', 'Skills', qualification.skillKeys, skillName),
      references('requiredFor', 'Required for', qualification.requiredForRoleKeys, roleName),
      references('recommendedFor', 'Recommended for', qualification.recommendedForRoleKeys, roleName),
    ],
  }));
}

/** Everything that differs between two framework documents, section by section. */
export function diffFrameworks(before: FrameworkDocument, after: FrameworkDocument): FrameworkDiff {
  const keysOf = (parts: Array<{ key: string }>) => new Set(parts.map((part) => part.key));
  const afterRoles = keysOf(after.roles);
  const shared = { roles: new Set(before.roles.map((r) => r.key).filter((key) => afterRoles.has(key))) };
  const sections = [
    compareSection('framework', frameworkParts(before), frameworkParts(after)),
    compareSection('proficiencyLevel', scaleParts(before), scaleParts(after)),
    compareSection('scale', namedScaleParts(before), namedScaleParts(after)),
    compareSection('skillCategory', categoryParts(before), categoryParts(after)),
    compareSection('skill', skillParts(before), skillParts(after)),
    compareSection('trackGroup', trackGroupParts(before), trackGroupParts(after)),
    compareSection('track', trackParts(before), trackParts(after)),
    compareSection('role', roleParts(before), roleParts(after)),
    compareSection('expectation', expectationParts(before, shared), expectationParts(after, shared)),
    compareSection('transition', transitionParts(before), transitionParts(after)),
    compareSection('qualification', qualificationParts(before), qualificationParts(after)),
    compareSection('levelling', levellingParts(before), levellingParts(after)),
  ];
  const changeCount = sections.reduce(
    (sum, s) => sum + s.added.length + s.removed.length + s.renamed.length + s.changed.length,
    0,
  );
  return { sections, changeCount };
}
