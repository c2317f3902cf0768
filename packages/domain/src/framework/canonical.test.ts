import { canonicalFrameworkDocument } from './canonical.js';
import { summaryDescriptor } from './scales.js';
import { frameworkDocumentSchema, type FrameworkDocument } from './document.js';
import { pmoFramework } from './pmo-framework.js';
import { smallFramework } from './test-fixtures.js';

/** Rebuilds every object with its keys in reverse order, as a store that does not keep key order might. */
function shuffled(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shuffled);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, shuffled(inner)]));
  }
  return value;
}

describe('canonicalFrameworkDocument', () => {
  it('writes the same text whatever the key order it was read in', () => {
    for (const document of [smallFramework(), pmoFramework]) {
      const canonical = JSON.stringify(canonicalFrameworkDocument(document));
      expect(JSON.stringify(canonicalFrameworkDocument(shuffled(document) as FrameworkDocument))).toBe(canonical);
      // The written form is version 2's: the same framework, its descriptors as objects.
      expect(JSON.parse(canonical)).toEqual({ ...frameworkDocumentSchema.parse(document), schemaVersion: '2' });
    }
  });

  it('orders fields as the schema, expectations as the skills and descriptors by level', () => {
    const document = smallFramework();
    document.roles[0]!.expectations = { mentoring: 1, planning: 2 };
    document.skills[0]!.levels = { '10': summaryDescriptor('x'), '2': summaryDescriptor('b'), '1': summaryDescriptor('a') };
    const canonical = canonicalFrameworkDocument(shuffled(document) as FrameworkDocument);
    expect(Object.keys(canonical)).toEqual(['schemaVersion', 'key', 'name', 'proficiencyScale', 'skillCategories', 'skills', 'tracks', 'roles', 'transitions', 'qualifications']);
    expect(Object.keys(canonical.roles[0]!.expectations)).toEqual(['planning', 'mentoring']);
    expect(Object.keys(canonical.skills[0]!.levels)).toEqual(['1', '2', '10']);
    expect(Object.keys(canonical.roles[0]!)).toEqual(['key', 'title', 'trackKey', 'level', 'band', 'summary', 'responsibilities', 'expectations']);
  });
});
