import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DRAFT_OPERATION_KINDS, type DraftOperationKind, type FrameworkDocument } from '@trellis/domain';
import { ImportWarning, PointsLevellingRule, pointsLevellingView, ProficiencyLevel, SkillScale, TrackGroup, TrackKindValue, TransitionKindValue } from '../framework.models.js';
import type { FrameworkDraftEntity } from './framework-draft.entities.js';
import {
  createFrameworkInputSchema,
  draftExpectationInputSchema,
  draftOperationInputSchema,
  draftSkillLevelInputSchema,
  levelPointsInputSchema,
  pointsLevelInputSchema,
  subLevelInputSchema,
  pointsLevellingInputSchema,
  pointsTitleInputSchema,
  skillPointsInputSchema,
  proficiencyLevelInputSchema,
  scaleInputSchema,
  scaleLevelInputSchema,
  trackGroupInputSchema,
} from '@trellis/domain';
import { InputSchema } from '../../common/input-validation.js';

/**
 * GraphQL shapes of a framework draft: the draft document's parts as typed objects, named by key
 * (a draft has no database ids), and the one input every edit is sent as.
 */

/** GraphQL enum names for the domain's operation kinds: ADD_TRACK ↔ addTrack. */
const DraftOperationKindValue = Object.fromEntries(
  DRAFT_OPERATION_KINDS.map((kind) => [kind.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase(), kind]),
) as Record<string, DraftOperationKind>;
registerEnumType(DraftOperationKindValue, {
  name: 'DraftOperationKind',
  description: 'What a draft operation does; see DraftOperationInput for the fields each kind reads.',
});

export enum FrameworkSourceValue {
  TEMPLATE = 'template',
  COPY = 'copy',
  BLANK = 'blank',
  IMPORT = 'import',
}
registerEnumType(FrameworkSourceValue, { name: 'FrameworkSource' });

@ObjectType()
export class DraftTrack {
  @Field() key: string;
  @Field() name: string;
  @Field(() => TrackKindValue) kind: TrackKindValue;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) groupKey: string | null;
}

@ObjectType({ description: 'The level a draft role expects of one skill, and on what terms.' })
export class DraftExpectation {
  @Field() skillKey: string;
  @Field(() => Int) level: number;
  @Field() optional: boolean;
  @Field(() => Float, { nullable: true, description: 'null: weight 1.' }) weight: number | null;
  @Field(() => String, { nullable: true }) statement: string | null;
}

@ObjectType()
export class DraftRole {
  @Field() key: string;
  @Field() title: string;
  @Field() trackKey: string;
  @Field(() => Int, { description: 'The rung on its track, 1 = first.' }) level: number;
  @Field(() => Int, { nullable: true }) band: number | null;
  @Field() summary: string;
  @Field(() => [String]) responsibilities: string[];
  @Field(() => [DraftExpectation]) expectations: DraftExpectation[];
  @Field(() => [String]) sharedWithTrackKeys: string[];
}

@ObjectType()
export class DraftSkillCategory {
  @Field() key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true }) scaleKey: string | null;
}

@ObjectType()
export class DraftSkillLevel {
  @Field(() => Int) level: number;
  @Field(() => String, { nullable: true, description: 'The summary; null when the descriptor has only criteria or examples.' }) descriptor: string | null;
  @Field(() => [String]) criteria: string[];
  @Field(() => [String]) examples: string[];
}

@ObjectType()
export class DraftSkill {
  @Field() key: string;
  @Field() name: string;
  @Field() categoryKey: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true, description: "A named scale's key; null: the category's, else the proficiency scale." }) scaleKey: string | null;
  @Field(() => [DraftSkillLevel], { description: 'The descriptors written so far, by level (a level left out has none).' }) levels: DraftSkillLevel[];
}

@ObjectType()
export class DraftTransition {
  @Field() fromRoleKey: string;
  @Field() toRoleKey: string;
  @Field(() => TransitionKindValue) kind: TransitionKindValue;
  @Field(() => Int, { nullable: true }) typicalMonths: number | null;
  @Field(() => String, { nullable: true }) guidance: string | null;
}

@ObjectType()
export class DraftQualification {
  @Field() key: string;
  @Field() name: string;
  @Field() provider: string;
  @Field(() => String, { nullable: true }) url: string | null;
  @Field(() => Int, { nullable: true }) validityMonths: number | null;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => [String]) skillKeys: string[];
  @Field(() => [String]) requiredForRoleKeys: string[];
  @Field(() => [String]) recommendedForRoleKeys: string[];
}

@ObjectType({ description: "A framework's working copy, edited by admins and published as a new version." })
export class FrameworkDraft {
  @Field(() => ID) frameworkId: string;
  @Field(() => Int, { description: 'Increases with every change; edits name the revision they were made on.' }) revision: number;
  @Field(() => Date) updatedAt: Date;
  @Field() key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => [ProficiencyLevel]) proficiencyScale: ProficiencyLevel[];
  @Field(() => [SkillScale]) scales: SkillScale[];
  @Field(() => [DraftSkillCategory]) skillCategories: DraftSkillCategory[];
  @Field(() => [DraftSkill]) skills: DraftSkill[];
  @Field(() => [TrackGroup]) trackGroups: TrackGroup[];
  @Field(() => [DraftTrack]) tracks: DraftTrack[];
  @Field(() => [DraftRole]) roles: DraftRole[];
  @Field(() => [DraftTransition]) transitions: DraftTransition[];
  @Field(() => [DraftQualification]) qualifications: DraftQualification[];
  @Field(() => PointsLevellingRule, { nullable: true }) levelling: PointsLevellingRule | null;
  @Field(() => [ImportWarning], { description: 'Only in the answer to replaceFrameworkDraft: what the import changed without being asked.' })
  importWarnings: ImportWarning[];
  /** Resolved by the draft resolver. */
  updatedByPersonId: string | null;
  basedOnVersionId: string | null;
}

/** The draft as GraphQL serves it: the document's records become lists, absent optionals null. */
export function draftView(draft: FrameworkDraftEntity): FrameworkDraft {
  const document: FrameworkDocument = draft.document;
  return {
    frameworkId: draft.frameworkId,
    revision: draft.revision,
    updatedAt: new Date(draft.updatedAt),
    updatedByPersonId: draft.updatedByPersonId,
    basedOnVersionId: draft.basedOnVersionId,
    importWarnings: [],
    key: document.key,
    name: document.name,
    description: document.description ?? null,
    proficiencyScale: [...document.proficiencyScale].sort((a, b) => a.level - b.level),
    scales: (document.scales ?? []).map((scale) => ({
      key: scale.key,
      name: scale.name,
      levels: [...scale.levels].sort((a, b) => a.level - b.level).map((l) => ({ level: l.level, name: l.name, summary: l.summary ?? null })),
    })),
    skillCategories: document.skillCategories.map((c) => ({ key: c.key, name: c.name, description: c.description ?? null, scaleKey: c.scaleKey ?? null })),
    skills: document.skills.map((s) => ({
      key: s.key,
      name: s.name,
      categoryKey: s.categoryKey,
      description: s.description ?? null,
      scaleKey: s.scaleKey ?? null,
      levels: Object.entries(s.levels)
        // Drafts stored before version 2 may still hold strings until read through the schema.
        .map(([level, d]) => (typeof d === 'string' ? { level: Number(level), descriptor: d as string, criteria: [], examples: [] } : { level: Number(level), descriptor: d.summary ?? null, criteria: d.criteria ?? [], examples: d.examples ?? [] }))
        .sort((a, b) => a.level - b.level),
    })),
    trackGroups: (document.trackGroups ?? []).map((g) => ({ key: g.key, name: g.name, description: g.description ?? null })),
    tracks: document.tracks.map((t) => ({ key: t.key, name: t.name, kind: t.kind as TrackKindValue, description: t.description ?? null, groupKey: t.groupKey ?? null })),
    roles: document.roles.map((r) => ({
      key: r.key,
      title: r.title,
      trackKey: r.trackKey,
      level: r.level,
      band: r.band ?? null,
      summary: r.summary,
      responsibilities: r.responsibilities,
      expectations: Object.entries(r.expectations).map(([skillKey, level]) => {
        const detail = r.expectationDetails?.[skillKey];
        return { skillKey, level, optional: detail?.optional ?? false, weight: detail?.weight ?? null, statement: detail?.statement ?? null };
      }),
      sharedWithTrackKeys: r.sharedWithTrackKeys ?? [],
    })),
    transitions: document.transitions.map((t) => ({
      fromRoleKey: t.fromRoleKey,
      toRoleKey: t.toRoleKey,
      kind: t.kind as TransitionKindValue,
      typicalMonths: t.typicalMonths ?? null,
      guidance: t.guidance ?? null,
    })),
    qualifications: document.qualifications.map((q) => ({
      key: q.key,
      name: q.name,
      provider: q.provider,
      url: q.url ?? null,
      validityMonths: q.validityMonths ?? null,
      description: q.description ?? null,
      skillKeys: q.skillKeys,
      requiredForRoleKeys: q.requiredForRoleKeys,
      recommendedForRoleKeys: q.recommendedForRoleKeys,
    })),
    levelling: document.levelling ? pointsLevellingView(document.levelling) : null,
  };
}

@InputType()
@InputSchema(draftSkillLevelInputSchema)
export class DraftSkillLevelInput {
  @Field(() => Int) level: number;
  @Field(() => String, { nullable: true, description: 'The summary (Markdown).' }) descriptor?: string | null;
  @Field(() => [String], { nullable: true }) criteria?: string[] | null;
  @Field(() => [String], { nullable: true }) examples?: string[] | null;
}

@InputType()
@InputSchema(scaleLevelInputSchema)
export class ScaleLevelInput {
  @Field(() => Int) level: number;
  @Field() name: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
}

@InputType({ description: 'A named scale (SET_SCALES): 1 to 7 levels with their names.' })
@InputSchema(scaleInputSchema)
export class ScaleInput {
  @Field() key: string;
  @Field() name: string;
  @Field(() => [ScaleLevelInput]) levels: ScaleLevelInput[];
}

@InputType({ description: 'A group of tracks, e.g. a department (SET_TRACK_GROUPS).' })
@InputSchema(trackGroupInputSchema)
export class TrackGroupInput {
  @Field() key: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType({ description: 'The points reaching a level earns (cumulative).' })
@InputSchema(levelPointsInputSchema)
export class LevelPointsInput {
  @Field(() => Int) level: number;
  @Field(() => Int) points: number;
}

@InputType({ description: "A skill's own points per level, in place of the rule's pointsByLevel." })
@InputSchema(skillPointsInputSchema)
export class SkillPointsInput {
  @Field() skillKey: string;
  @Field(() => [LevelPointsInput]) points: LevelPointsInput[];
}

@InputType({ description: "A sub-level within a level (Monzo's A–E): its name and the fewest points it needs." })
@InputSchema(subLevelInputSchema)
export class SubLevelInput {
  @Field() name: string;
  @Field(() => Int) minPoints: number;
}

@InputType()
@InputSchema(pointsLevelInputSchema)
export class PointsLevelInput {
  @Field(() => Int) minPoints: number;
  @Field() name: string;
  @Field(() => [SubLevelInput], { nullable: true, description: 'Its sub-levels in order; the first starts at the level\'s minPoints. Empty or null: none.' })
  subLevels?: SubLevelInput[] | null;
}

@InputType()
@InputSchema(pointsTitleInputSchema)
export class PointsTitleInput {
  @Field() title: string;
  @Field(() => Int) minPoints: number;
  @Field(() => Int, { nullable: true, description: 'null: no upper bound.' }) maxPoints?: number | null;
}

@InputType({ description: 'A points levelling rule (SET_LEVELLING): points per skill level, levels by the fewest points, titles by range.' })
@InputSchema(pointsLevellingInputSchema)
export class PointsLevellingInput {
  @Field(() => [LevelPointsInput]) pointsByLevel: LevelPointsInput[];
  @Field(() => [SkillPointsInput], { nullable: true }) skillPoints?: SkillPointsInput[] | null;
  @Field(() => [PointsLevelInput]) levels: PointsLevelInput[];
  @Field(() => [PointsTitleInput], { nullable: true }) titles?: PointsTitleInput[] | null;
}

@InputType({ description: 'One cell of a role row: null clears it.' })
@InputSchema(draftExpectationInputSchema)
export class DraftExpectationInput {
  @Field() skillKey: string;
  @Field(() => Int, { nullable: true }) level: number | null;
}

@InputType()
@InputSchema(proficiencyLevelInputSchema)
export class ProficiencyLevelInput {
  @Field(() => Int) level: number;
  @Field() name: string;
  @Field() summary: string;
}

@InputType({
  description:
    'One edit of a draft. `kind` says which; each kind reads its own fields (as in @trellis/domain DraftOperation) and ' +
    'refuses others. Parts are named by key. In updates an absent field is unchanged and null clears it. ' +
    '`levels` are a skill\'s descriptors, `expectations` a pasted role row (SET_EXPECTATIONS_ROW), `proficiencyScale` ' +
    'the whole scale (SET_PROFICIENCY_SCALE); `level` is a role\'s rung or an expectation level (null clears it).',
})
@InputSchema(draftOperationInputSchema)
export class DraftOperationInput {
  @Field(() => DraftOperationKindValue) kind: DraftOperationKind;
  @Field({ nullable: true }) key?: string;
  @Field({ nullable: true }) intoKey?: string;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) title?: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => TrackKindValue, { nullable: true }) trackKind?: TrackKindValue;
  @Field({ nullable: true }) trackKey?: string;
  @Field(() => Int, { nullable: true }) level?: number | null;
  @Field(() => Int, { nullable: true }) band?: number | null;
  @Field({ nullable: true }) summary?: string;
  @Field(() => [String], { nullable: true }) responsibilities?: string[];
  @Field(() => Int, { nullable: true, description: 'Where to put it (0 = first); adds put it last without one.' }) position?: number;
  @Field({ nullable: true }) categoryKey?: string;
  @Field(() => [DraftSkillLevelInput], { nullable: true }) levels?: DraftSkillLevelInput[];
  @Field({ nullable: true }) roleKey?: string;
  @Field({ nullable: true }) skillKey?: string;
  @Field(() => [DraftExpectationInput], { nullable: true }) expectations?: DraftExpectationInput[];
  @Field(() => [ProficiencyLevelInput], { nullable: true }) proficiencyScale?: ProficiencyLevelInput[];
  @Field({ nullable: true }) fromRoleKey?: string;
  @Field({ nullable: true }) toRoleKey?: string;
  @Field(() => TransitionKindValue, { nullable: true }) transitionKind?: TransitionKindValue;
  @Field(() => Int, { nullable: true }) typicalMonths?: number | null;
  @Field(() => String, { nullable: true }) guidance?: string | null;
  @Field({ nullable: true }) provider?: string;
  @Field(() => String, { nullable: true }) url?: string | null;
  @Field(() => Int, { nullable: true }) validityMonths?: number | null;
  @Field(() => [String], { nullable: true }) skillKeys?: string[];
  @Field(() => [String], { nullable: true }) requiredForRoleKeys?: string[];
  @Field(() => [String], { nullable: true }) recommendedForRoleKeys?: string[];
  @Field(() => String, { nullable: true, description: "A skill's scale (ADD_SKILL, UPDATE_SKILL; null: back to its category's)." }) scaleKey?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'SET_EXPECTATION_DETAIL: listed but not counted.' }) optional?: boolean | null;
  @Field(() => Float, { nullable: true, description: 'SET_EXPECTATION_DETAIL: how much the skill counts (null: 1).' }) weight?: number | null;
  @Field(() => String, { nullable: true, description: 'SET_EXPECTATION_DETAIL: what this role does at that level.' }) statement?: string | null;
  @Field(() => [ScaleInput], { nullable: true, description: 'SET_SCALES: every named scale.' }) scales?: ScaleInput[];
  @Field(() => String, { nullable: true, description: "UPDATE_TRACK: the track's group (null: none)." }) groupKey?: string | null;
  @Field(() => [String], { nullable: true, description: 'UPDATE_ROLE: the other tracks the role is a rung of too (null or []: its own only).' })
  sharedWithTrackKeys?: string[] | null;
  @Field(() => [TrackGroupInput], { nullable: true, description: 'SET_TRACK_GROUPS: every track group.' }) trackGroups?: TrackGroupInput[];
  @Field(() => PointsLevellingInput, { nullable: true, description: 'SET_LEVELLING: the whole points rule; null removes it.' }) levelling?: PointsLevellingInput | null;
}

@InputType()
@InputSchema(createFrameworkInputSchema)
export class CreateFrameworkInput {
  @Field(() => FrameworkSourceValue) source: FrameworkSourceValue;
  @Field({ nullable: true, description: 'Required except for IMPORT, where it defaults to the document\'s name.' }) name?: string;
  @Field(() => ID, { nullable: true, description: 'The framework to copy (COPY).' }) frameworkId?: string;
  @Field({ nullable: true, description: 'The framework document as JSON text (IMPORT).' }) json?: string;
}
