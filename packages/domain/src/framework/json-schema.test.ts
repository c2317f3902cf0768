import { frameworkDocumentJsonSchema } from './json-schema.js';

type Schema = { type?: string; required?: string[]; properties?: Record<string, Schema>; items?: Schema; pattern?: string };

describe('frameworkDocumentJsonSchema', () => {
  const schema = frameworkDocumentJsonSchema() as Schema & Record<string, unknown>;

  it('describes the document with its required sections', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.type).toBe('object');
    expect(schema.required).toEqual(
      expect.arrayContaining(['schemaVersion', 'key', 'name', 'proficiencyScale', 'skills', 'roles', 'transitions', 'qualifications']),
    );
  });

  it('leaves fields with defaults optional, as a person writes them', () => {
    const qualification = schema.properties?.qualifications?.items;
    expect(qualification?.required).toEqual(expect.arrayContaining(['key', 'name', 'provider', 'skillKeys']));
    expect(qualification?.required).not.toContain('requiredForRoleKeys');
  });

  it('carries the key pattern', () => {
    expect(schema.properties?.key?.pattern).toBe('^[a-z0-9]+(-[a-z0-9]+)*$');
  });
});
