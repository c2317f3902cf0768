import type { DraftOperation, FrameworkDocument, LevelDescriptor, PointsLevelling, ScaleDocument } from '@trellis/domain';
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
    scales {
      key
      name
      levels {
        level
        name
        summary
      }
    }
    skillCategories {
      key
      name
      description
      scaleKey
    }
    skills {
      key
      name
      categoryKey
      description
      scaleKey
      levels {
        level
        descriptor
        criteria
        examples
      }
    }
    trackGroups {
      key
      name
      description
    }
    tracks {
      key
      name
      kind
      description
      groupKey
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
        optional
        weight
        statement
      }
      sharedWithTrackKeys
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
    levelling {
      pointsByLevel {
        level
        points
      }
      skillPoints {
        skillKey
        points {
          level
          points
        }
      }
      levels {
        minPoints
        name
        subLevels {
          name
          minPoints
        }
      }
      titles {
        title
        minPoints
        maxPoints
      }
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
  const details = (r: Draft['roles'][number]) =>
    Object.fromEntries(
      r.expectations
        .map((e) => [e.skillKey, { ...(e.optional ? { optional: true } : {}), ...present({ weight: e.weight, statement: e.statement }) }] as const)
        .filter(([, detail]) => Object.keys(detail).length > 0),
    );
  return {
    schemaVersion: '2',
    key: draft.key,
    name: draft.name,
    ...present({ description: draft.description }),
    proficiencyScale: draft.proficiencyScale.map(({ level, name, summary }) => ({ level, name, summary })),
    ...(draft.scales.length > 0
      ? { scales: draft.scales.map((sc) => ({ key: sc.key ?? '', name: sc.name ?? '', levels: sc.levels.map((l) => ({ level: l.level, name: l.name, ...present({ summary: l.summary }) })) })) }
      : {}),
    skillCategories: draft.skillCategories.map((c) => ({ key: c.key, name: c.name, ...present({ description: c.description, scaleKey: c.scaleKey }) })),
    skills: draft.skills.map((s) => ({
      key: s.key,
      name: s.name,
      categoryKey: s.categoryKey,
      ...present({ description: s.description, scaleKey: s.scaleKey }),
      levels: Object.fromEntries(
        s.levels.map((l) => [String(l.level), { ...present({ summary: l.descriptor }), criteria: [...l.criteria], examples: [...l.examples] }]),
      ),
    })),
    ...(draft.trackGroups.length > 0 ? { trackGroups: draft.trackGroups.map((g) => ({ key: g.key, name: g.name, ...present({ description: g.description }) })) } : {}),
    tracks: draft.tracks.map((t) => ({ key: t.key, name: t.name, kind: t.kind.toLowerCase() as 'core', ...present({ description: t.description, groupKey: t.groupKey }) })),
    roles: draft.roles.map((r) => ({
      key: r.key,
      title: r.title,
      trackKey: r.trackKey,
      level: r.level,
      ...present({ band: r.band }),
      summary: r.summary,
      responsibilities: [...r.responsibilities],
      expectations: Object.fromEntries(r.expectations.map((e) => [e.skillKey, e.level])),
      ...(Object.keys(details(r)).length > 0 ? { expectationDetails: details(r) } : {}),
      ...(r.sharedWithTrackKeys.length > 0 ? { sharedWithTrackKeys: [...r.sharedWithTrackKeys] } : {}),
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
    ...(draft.levelling
      ? {
          levelling: {
            kind: 'points' as const,
            pointsByLevel: Object.fromEntries(draft.levelling.pointsByLevel.map((p) => [String(p.level), p.points])),
            ...(draft.levelling.skillPoints.length > 0
              ? { skillPoints: Object.fromEntries(draft.levelling.skillPoints.map((s) => [s.skillKey, Object.fromEntries(s.points.map((p) => [String(p.level), p.points]))])) }
              : {}),
            levels: draft.levelling.levels.map((l) => ({
              minPoints: l.minPoints,
              name: l.name,
              ...(l.subLevels.length > 0 ? { subLevels: l.subLevels.map((s) => ({ name: s.name, minPoints: s.minPoints })) } : {}),
            })),
            titles: draft.levelling.titles.map((t) => ({ title: t.title, minPoints: t.minPoints, ...present({ maxPoints: t.maxPoints }) })),
          },
        }
      : {}),
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
      input.levels = Object.entries(value as Record<string, string | LevelDescriptor>).map(([level, d]) =>
        typeof d === 'string'
          ? { level: Number(level), descriptor: d }
          : {
              level: Number(level),
              descriptor: d.summary ?? null,
              // Only what the descriptor has: a summary alone is sent as before.
              ...(d.criteria.length > 0 ? { criteria: d.criteria } : {}),
              ...(d.examples.length > 0 ? { examples: d.examples } : {}),
            },
      );
    } else if (field === 'scales') {
      input.scales = (value as ScaleDocument[]).map((sc) => ({ key: sc.key, name: sc.name, levels: sc.levels.map((l) => ({ level: l.level, name: l.name, summary: l.summary ?? null })) }));
    } else if (field === 'levelling') input.levelling = value === null ? null : levellingInput(value as PointsLevelling);
    else input[field] = value;
  }
  return input as unknown as DraftOperationInput;
}

/** A points rule as the API's PointsLevellingInput: records keyed by level become lists. */
function levellingInput(rule: PointsLevelling) {
  const list = (table: Record<string, number>) => Object.entries(table).map(([level, points]) => ({ level: Number(level), points }));
  return {
    pointsByLevel: list(rule.pointsByLevel),
    skillPoints: Object.entries(rule.skillPoints ?? {}).map(([skillKey, table]) => ({ skillKey, points: list(table) })),
    levels: rule.levels.map((l) => ({ minPoints: l.minPoints, name: l.name, subLevels: (l.subLevels ?? []).map((s) => ({ name: s.name, minPoints: s.minPoints })) })),
    titles: rule.titles.map((t) => ({ title: t.title, minPoints: t.minPoints, maxPoints: t.maxPoints ?? null })),
  };
}
