import type { DraftOperation, FrameworkDocument } from '@trellis/domain';
import { graphql } from '../../gql';
import type { DraftFieldsFragment, DraftOperationInput, DraftOperationKind, TrackKind, TransitionKind } from '../../gql/graphql';

export const DraftFields = graphql(`
  fragment DraftFields on FrameworkDraft {
    frameworkId
    revision
    updatedAt
    updatedBy {
      id
      name
    }
    key
    name
    description
    proficiencyScale {
      level
      name
      summary
    }
    skillCategories {
      key
      name
      description
    }
    skills {
      key
      name
      categoryKey
      description
      levels {
        level
        descriptor
      }
    }
    tracks {
      key
      name
      kind
      description
    }
    roles {
      key
      title
      trackKey
      level
      band
      summary
      responsibilities
      expectations {
        skillKey
        level
      }
    }
    transitions {
      fromRoleKey
      toRoleKey
      kind
      typicalMonths
      guidance
    }
    qualifications {
      key
      name
      provider
      url
      validityMonths
      description
      skillKeys
      requiredForRoleKeys
      recommendedForRoleKeys
    }
  }
`);

export type Draft = DraftFieldsFragment;

/** Leaves out nulls: the document omits what a part does not have. */
function present<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };
}

/**
 * The draft as a FrameworkDocument, so the editor can run the same domain operations as the API:
 * to check an edit before sending it, and to build the operations that undo it.
 */
export function toDocument(draft: Draft): FrameworkDocument {
  return {
    schemaVersion: '1',
    key: draft.key,
    name: draft.name,
    ...present({ description: draft.description }),
    proficiencyScale: draft.proficiencyScale.map(({ level, name, summary }) => ({ level, name, summary })),
    skillCategories: draft.skillCategories.map((c) => ({ key: c.key, name: c.name, ...present({ description: c.description }) })),
    skills: draft.skills.map((s) => ({
      key: s.key,
      name: s.name,
      categoryKey: s.categoryKey,
      ...present({ description: s.description }),
      levels: Object.fromEntries(s.levels.map((l) => [String(l.level), l.descriptor])),
    })),
    tracks: draft.tracks.map((t) => ({ key: t.key, name: t.name, kind: t.kind.toLowerCase() as 'core', ...present({ description: t.description }) })),
    roles: draft.roles.map((r) => ({
      key: r.key,
      title: r.title,
      trackKey: r.trackKey,
      level: r.level,
      ...present({ band: r.band }),
      summary: r.summary,
      responsibilities: [...r.responsibilities],
      expectations: Object.fromEntries(r.expectations.map((e) => [e.skillKey, e.level])),
    })),
    transitions: draft.transitions.map((t) => ({
      fromRoleKey: t.fromRoleKey,
      toRoleKey: t.toRoleKey,
      kind: t.kind.toLowerCase() as 'promotion',
      ...present({ typicalMonths: t.typicalMonths, guidance: t.guidance }),
    })),
    qualifications: draft.qualifications.map((q) => ({
      key: q.key,
      name: q.name,
      provider: q.provider,
      ...present({ url: q.url, validityMonths: q.validityMonths, description: q.description }),
      skillKeys: [...q.skillKeys],
      requiredForRoleKeys: [...q.requiredForRoleKeys],
      recommendedForRoleKeys: [...q.recommendedForRoleKeys],
    })),
  };
}

/** A domain operation as the API's DraftOperationInput: enum names in capitals, records as lists. */
export function toOperationInput(operation: DraftOperation): DraftOperationInput {
  const { kind, ...fields } = operation as DraftOperation & Record<string, unknown>;
  const input: Record<string, unknown> = { kind: kind.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase() as DraftOperationKind };
  for (const [field, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (field === 'trackKind') input.trackKind = (value as string).toUpperCase() as TrackKind;
    else if (field === 'transitionKind') input.transitionKind = (value as string).toUpperCase() as TransitionKind;
    else if (field === 'levels' && kind === 'setExpectationsRow') {
      input.expectations = Object.entries(value as Record<string, number | null>).map(([skillKey, level]) => ({ skillKey, level }));
    } else if (field === 'levels' && kind === 'setProficiencyScale') input.proficiencyScale = value;
    else if (field === 'levels') {
      input.levels = Object.entries(value as Record<string, string>).map(([level, descriptor]) => ({ level: Number(level), descriptor }));
    } else input[field] = value;
  }
  return input as unknown as DraftOperationInput;
}
