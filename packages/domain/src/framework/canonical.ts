import { frameworkDocumentSchema, type FrameworkDocument } from './document.js';

/**
 * A framework document in its one written form: fields in the schema's order, parts in their
 * document order, expectations in the framework's skill order and descriptors by level. Storage
 * does not keep object key order (PostgreSQL jsonb sorts keys), so exports go through this: the
 * same framework always exports as the same text, whether it was read from a version or a draft.
 */
export function canonicalFrameworkDocument(document: FrameworkDocument): FrameworkDocument {
  const parsed = frameworkDocumentSchema.parse(document);
  const skillOrder = new Map(parsed.skills.map((skill, index) => [skill.key, index]));
  const bySkillOrder = ([a]: [string, unknown], [b]: [string, unknown]) =>
    (skillOrder.get(a) ?? Number.MAX_SAFE_INTEGER) - (skillOrder.get(b) ?? Number.MAX_SAFE_INTEGER) || (a < b ? -1 : a > b ? 1 : 0);
  return {
    ...parsed,
    skills: parsed.skills.map((skill) => ({
      ...skill,
      levels: Object.fromEntries(Object.entries(skill.levels).sort(([a], [b]) => Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0))),
    })),
    roles: parsed.roles.map((role) => ({ ...role, expectations: Object.fromEntries(Object.entries(role.expectations).sort(bySkillOrder)) })),
  };
}
