import {
  expectationDetailSchema,
  frameworkDocumentSchema,
  levelDescriptorObjectSchema,
  pointsLevellingSchema,
  proficiencyLevelSchema,
  qualificationSchema,
  roleSchema,
  scaleSchema,
  skillCategorySchema,
  skillSchema,
  trackGroupSchema,
  trackSchema,
  transitionSchema,
} from './document.js';
import { formatProblemPath, type FrameworkProblem } from './validate.js';

/**
 * What an import changed without being asked, said rather than done silently: fields the document
 * format does not know (dropped), and names, titles and texts with spaces around them (trimmed).
 * Reads the raw input beside the schema; `validateFramework` still decides whether it imports.
 * (The API adds its own: a framework key already taken is renamed, a draft keeps its framework's key.)
 */
export type ImportWarning = FrameworkProblem;

type Obj = Record<string, unknown>;
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);

const fieldsOf = (schema: { shape: Record<string, unknown> }) => new Set(Object.keys(schema.shape));

const SECTIONS: Record<string, Set<string>> = {
  proficiencyScale: fieldsOf(proficiencyLevelSchema),
  scales: fieldsOf(scaleSchema),
  skillCategories: fieldsOf(skillCategorySchema),
  skills: fieldsOf(skillSchema),
  trackGroups: fieldsOf(trackGroupSchema),
  tracks: fieldsOf(trackSchema),
  roles: fieldsOf(roleSchema),
  transitions: fieldsOf(transitionSchema),
  qualifications: fieldsOf(qualificationSchema),
};
const TOP = fieldsOf(frameworkDocumentSchema);
const DESCRIPTOR = fieldsOf(levelDescriptorObjectSchema);
const DETAIL = fieldsOf(expectationDetailSchema);
const LEVELLING = fieldsOf(pointsLevellingSchema);

function unknownFields(value: Obj, known: Set<string>, path: Array<string | number>, warnings: ImportWarning[]): void {
  const extra = Object.keys(value).filter((field) => !known.has(field));
  if (extra.length === 0) return;
  warnings.push({
    path: formatProblemPath(path),
    message: `dropped unknown ${extra.length === 1 ? 'field' : 'fields'} ${extra.map((f) => `"${f}"`).join(', ')}`,
  });
}

function trimmed(value: unknown, path: Array<string | number>, warnings: ImportWarning[]): void {
  if (typeof value === 'string' && value.trim() !== value && value.trim() !== '') {
    warnings.push({ path: formatProblemPath(path), message: `trimmed the spaces around "${value.trim().slice(0, 60)}"` });
  }
}

/** Every silent change an import of `input` would make, in document order. */
export function frameworkImportWarnings(input: unknown): ImportWarning[] {
  const warnings: ImportWarning[] = [];
  if (!isObj(input)) return warnings;
  unknownFields(input, TOP, [], warnings);
  trimmed(input.name, ['name'], warnings);
  for (const [section, known] of Object.entries(SECTIONS)) {
    const entries = input[section];
    if (!Array.isArray(entries)) continue;
    entries.forEach((entry, index) => {
      if (!isObj(entry)) return;
      const at = [section, index];
      unknownFields(entry, known, at, warnings);
      for (const field of ['name', 'title', 'provider']) trimmed(entry[field], [...at, field], warnings);
      if (section === 'skills' && isObj(entry.levels)) {
        for (const [level, descriptor] of Object.entries(entry.levels)) {
          if (isObj(descriptor)) unknownFields(descriptor, DESCRIPTOR, [...at, 'levels', level], warnings);
        }
      }
      if (section === 'roles' && isObj(entry.expectationDetails)) {
        for (const [skillKey, detail] of Object.entries(entry.expectationDetails)) {
          if (isObj(detail)) unknownFields(detail, DETAIL, [...at, 'expectationDetails', skillKey], warnings);
        }
      }
    });
  }
  if (isObj(input.levelling)) unknownFields(input.levelling, LEVELLING, ['levelling'], warnings);
  return warnings;
}
