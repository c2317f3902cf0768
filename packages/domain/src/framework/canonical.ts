import { FRAMEWORK_DOCUMENT_SCHEMA_VERSION, frameworkDocumentSchema, type FrameworkDocument, type FrameworkDocumentInput } from './document.js';

const byLevel = ([a]: [string, unknown], [b]: [string, unknown]) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * A framework document in its one written form: the current schema version, fields in the schema's
 * order, parts in their document order, expectations (and their details) in the framework's skill
 * order, descriptors as objects by level. Storage does not keep object key order (PostgreSQL jsonb
 * sorts keys), so exports go through this: the same framework always exports as the same text,
 * whether it was read from a version or a draft, and a version 1 document comes out in version 2's form.
 */
export function canonicalFrameworkDocument(document: FrameworkDocument | FrameworkDocumentInput): FrameworkDocument {
  const parsed = frameworkDocumentSchema.parse(document);
  const skillOrder = new Map(parsed.skills.map((skill, index) => [skill.key, index]));
  const bySkillOrder = ([a]: [string, unknown], [b]: [string, unknown]) =>
    (skillOrder.get(a) ?? Number.MAX_SAFE_INTEGER) - (skillOrder.get(b) ?? Number.MAX_SAFE_INTEGER) || (a < b ? -1 : a > b ? 1 : 0);
  const { levelling } = parsed;
  return {
    ...parsed,
    schemaVersion: FRAMEWORK_DOCUMENT_SCHEMA_VERSION,
    ...(parsed.scales ? { scales: parsed.scales.map((scale) => ({ ...scale, levels: [...scale.levels].sort((a, b) => a.level - b.level) })) } : {}),
    skills: parsed.skills.map((skill) => ({
      ...skill,
      levels: Object.fromEntries(
        Object.entries(skill.levels)
          .sort(byLevel)
          .map(([level, d]) => [level, { ...(d.summary !== undefined ? { summary: d.summary } : {}), criteria: d.criteria, examples: d.examples }]),
      ),
    })),
    roles: parsed.roles.map((role) => ({
      ...role,
      expectations: Object.fromEntries(Object.entries(role.expectations).sort(bySkillOrder)),
      ...(role.expectationDetails ? { expectationDetails: Object.fromEntries(Object.entries(role.expectationDetails).sort(bySkillOrder)) } : {}),
    })),
    ...(levelling
      ? {
          levelling: {
            ...levelling,
            pointsByLevel: Object.fromEntries(Object.entries(levelling.pointsByLevel).sort(byLevel)),
            ...(levelling.skillPoints
              ? {
                  skillPoints: Object.fromEntries(
                    Object.entries(levelling.skillPoints)
                      .sort(bySkillOrder)
                      .map(([skillKey, points]) => [skillKey, Object.fromEntries(Object.entries(points).sort(byLevel))]),
                  ),
                }
              : {}),
          },
        }
      : {}),
  };
}
