import { draftOperationSchema, parseDraftOperation, type DraftOperation, type FrameworkProblem } from '@trellis/domain';
import type { DraftOperationInput } from './framework-draft.models.js';

/** The input fields that arrive as lists in GraphQL and become the domain's `levels`, per kind. */
const LEVELS_FIELD: Record<string, 'levels' | 'expectations' | 'proficiencyScale' | 'scales' | 'trackGroups'> = {
  addSkill: 'levels',
  updateSkill: 'levels',
  setExpectationsRow: 'expectations',
  setProficiencyScale: 'proficiencyScale',
  setScales: 'scales',
  setTrackGroups: 'trackGroups',
};
const LIST_FIELDS = new Set(['levels', 'expectations', 'proficiencyScale', 'scales', 'trackGroups']);

/** A level input as the domain's descriptor: the plain summary when that is all it has (version 1's form). */
function descriptorOf(input: { descriptor?: string | null; criteria?: string[] | null; examples?: string[] | null }): unknown {
  const criteria = input.criteria ?? [];
  const examples = input.examples ?? [];
  if (criteria.length === 0 && examples.length === 0) return input.descriptor ?? { criteria, examples };
  return { ...(input.descriptor ? { summary: input.descriptor } : {}), criteria, examples };
}

/** A points rule input as the document's rule: lists of level points become records keyed by level. */
function levellingOf(input: NonNullable<DraftOperationInput['levelling']>): unknown {
  const table = (points: Array<{ level: number; points: number }>) => Object.fromEntries(points.map((p) => [String(p.level), p.points]));
  const skillPoints = input.skillPoints ?? [];
  return {
    kind: 'points',
    pointsByLevel: table(input.pointsByLevel),
    ...(skillPoints.length > 0 ? { skillPoints: Object.fromEntries(skillPoints.map((s) => [s.skillKey, table(s.points)])) } : {}),
    levels: input.levels.map((l) => ({
      minPoints: l.minPoints,
      name: l.name,
      ...(l.subLevels && l.subLevels.length > 0 ? { subLevels: l.subLevels.map((s) => ({ name: s.name, minPoints: s.minPoints })) } : {}),
    })),
    titles: (input.titles ?? []).map((t) => ({ title: t.title, minPoints: t.minPoints, ...(t.maxPoints !== null && t.maxPoints !== undefined ? { maxPoints: t.maxPoints } : {}) })),
  };
}

/** A level or skill listed twice would silently keep the last as a record: refuse it instead. */
function repeatedLevellingEntries(input: NonNullable<DraftOperationInput['levelling']>, path: string): FrameworkProblem[] {
  const problems: FrameworkProblem[] = [];
  const repeated = (values: Array<string | number>, at: (i: number) => string, what: string) => {
    const seen = new Set<string | number>();
    values.forEach((value, i) => {
      if (seen.has(value)) problems.push({ path: at(i), message: `${what} ${value} is listed twice` });
      seen.add(value);
    });
  };
  repeated(input.pointsByLevel.map((p) => p.level), (i) => `${path}.pointsByLevel[${i}].level`, 'level');
  repeated((input.skillPoints ?? []).map((s) => s.skillKey), (i) => `${path}.skillPoints[${i}].skillKey`, 'skill');
  (input.skillPoints ?? []).forEach((s, j) => repeated(s.points.map((p) => p.level), (i) => `${path}.skillPoints[${j}].points[${i}].level`, 'level'));
  return problems;
}

function fieldsOf(kind: string): Set<string> {
  const option = draftOperationSchema.options.find((candidate) => candidate.shape.kind.value === kind);
  return new Set(option ? Object.keys(option.shape) : []);
}

/**
 * Turns GraphQL operation inputs into the domain's operations, reporting every problem with its
 * path (`operations[1].title: must not be empty`), including fields the kind does not read, so
 * nothing a client sends is silently ignored.
 */
export function toDraftOperations(inputs: DraftOperationInput[]): { operations: DraftOperation[] } | { problems: FrameworkProblem[] } {
  const operations: DraftOperation[] = [];
  const problems: FrameworkProblem[] = [];
  inputs.forEach((input, index) => {
    const path = `operations[${index}]`;
    const allowed = fieldsOf(input.kind);
    const plain: Record<string, unknown> = { kind: input.kind };
    for (const [field, value] of Object.entries(input)) {
      if (field === 'kind' || value === undefined) continue;
      if (LIST_FIELDS.has(field)) {
        if (LEVELS_FIELD[input.kind] !== field) problems.push({ path: `${path}.${field}`, message: `is not used by ${input.kind}` });
        continue;
      }
      if (!allowed.has(field)) problems.push({ path: `${path}.${field}`, message: `is not used by ${input.kind}` });
      else if (field === 'levelling') {
        const rule = value as DraftOperationInput['levelling'];
        if (rule) problems.push(...repeatedLevellingEntries(rule, `${path}.levelling`));
        plain.levelling = rule ? levellingOf(rule) : null;
      }
      else plain[field] = value;
    }
    const listField = LEVELS_FIELD[input.kind];
    const list = listField ? input[listField] : undefined;
    if (list !== undefined && list !== null) {
      if (listField === 'levels') plain.levels = Object.fromEntries(input.levels!.map((l) => [String(l.level), descriptorOf(l)]));
      if (listField === 'scales') {
        plain.scales = input.scales!.map((scale) => ({
          key: scale.key,
          name: scale.name,
          levels: scale.levels.map((l) => ({ level: l.level, name: l.name, ...(l.summary ? { summary: l.summary } : {}) })),
        }));
      }
      if (listField === 'trackGroups') {
        plain.trackGroups = input.trackGroups!.map((group) => ({ key: group.key, name: group.name, ...(group.description ? { description: group.description } : {}) }));
      }
      if (listField === 'expectations') plain.levels = Object.fromEntries(input.expectations!.map((e) => [e.skillKey, e.level]));
      if (listField === 'proficiencyScale') plain.levels = input.proficiencyScale!.map((l) => ({ ...l }));
    }
    const parsed = parseDraftOperation(plain, path);
    if ('problems' in parsed) {
      // The domain calls every list `levels`; name the field the client sent.
      problems.push(...parsed.problems.map((p) => (listField ? { ...p, path: p.path.replace(`${path}.levels`, `${path}.${listField}`) } : p)));
    } else operations.push(parsed.operation);
  });
  return problems.length > 0 ? { problems } : { operations };
}
