import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { FrameworkVersion } from '../framework.models.js';
import { migrationChoiceInputSchema } from '@trellis/domain';
import { InputSchema } from '../../common/input-validation.js';

/** GraphQL shapes of version history: diffs, the publish preview and report, and migration choices. */

export enum DiffPartKindValue {
  FRAMEWORK = 'framework',
  PROFICIENCY_LEVEL = 'proficiencyLevel',
  SCALE = 'scale',
  SKILL_CATEGORY = 'skillCategory',
  SKILL = 'skill',
  TRACK_GROUP = 'trackGroup',
  TRACK = 'track',
  ROLE = 'role',
  EXPECTATION = 'expectation',
  TRANSITION = 'transition',
  QUALIFICATION = 'qualification',
  LEVELLING = 'levelling',
}
registerEnumType(DiffPartKindValue, { name: 'DiffPartKind' });

export enum MigrationPartKindValue {
  ROLE = 'role',
  SKILL = 'skill',
}
registerEnumType(MigrationPartKindValue, { name: 'MigrationPartKind' });

export enum RoleImpactStatusValue {
  KEPT = 'kept',
  ADDED = 'added',
  REMOVED = 'removed',
}
registerEnumType(RoleImpactStatusValue, { name: 'RoleImpactStatus' });

@ObjectType({ description: 'One field whose value differs, as display text (references by name); null = absent.' })
export class FieldChange {
  @Field() field: string;
  @Field() label: string;
  @Field(() => String, { nullable: true }) before: string | null;
  @Field(() => String, { nullable: true }) after: string | null;
}

@ObjectType({ description: 'A part that was added, removed, renamed or changed.' })
export class DiffItem {
  @Field() key: string;
  @Field({ description: 'Its name in the newer version (the older one when removed).' }) label: string;
  @Field(() => String, { nullable: true, description: 'Its name in the older version, when renamed.' }) previousLabel: string | null;
  @Field(() => [FieldChange]) fields: FieldChange[];
}

@ObjectType()
export class DiffSection {
  @Field(() => DiffPartKindValue) kind: DiffPartKindValue;
  @Field() title: string;
  @Field(() => [DiffItem]) added: DiffItem[];
  @Field(() => [DiffItem]) removed: DiffItem[];
  @Field(() => [DiffItem]) renamed: DiffItem[];
  @Field(() => [DiffItem]) changed: DiffItem[];
}

@ObjectType({ description: 'What differs between two versions of a framework (or a version and the draft).' })
export class FrameworkDiff {
  @Field({ description: 'For example "Version 1".' }) fromLabel: string;
  @Field({ description: 'For example "Version 2" or "Draft".' }) toLabel: string;
  @Field(() => Int) changeCount: number;
  @Field(() => [DiffSection]) sections: DiffSection[];
}

@ObjectType({ description: 'One thing wrong with a framework document, located by its path.' })
export class DocumentProblem {
  @Field({ description: 'For example roles[3].expectations.risk-management (empty: the whole document).' }) path: string;
  @Field() message: string;
}

@ObjectType({ description: 'A part of the new version a gone role or skill may be carried to.' })
export class MigrationOption {
  @Field() key: string;
  @Field() label: string;
}

@ObjectType({ description: 'A role or skill of the published version that the draft no longer has: what should its data become?' })
export class MigrationQuestion {
  @Field(() => MigrationPartKindValue) kind: MigrationPartKindValue;
  @Field() fromKey: string;
  @Field() fromLabel: string;
  @Field(() => String, { nullable: true, description: 'The suggested answer; null suggests removing.' }) suggestedToKey: string | null;
  @Field() reason: string;
  @Field(() => [MigrationOption], { description: 'The roles (or skills) of the draft it may be carried to.' }) options: MigrationOption[];
}

@ObjectType()
export class ExpectationChange {
  @Field() skillKey: string;
  @Field() skillName: string;
  @Field(() => Int, { nullable: true }) before: number | null;
  @Field(() => Int, { nullable: true }) after: number | null;
}

@ObjectType({ description: 'What publishing the draft means for one role and the people in it or aiming at it.' })
export class RoleImpact {
  @Field() roleKey: string;
  @Field() title: string;
  @Field(() => RoleImpactStatusValue) status: RoleImpactStatusValue;
  @Field(() => String, { nullable: true, description: 'For a removed role: the draft role its people are carried to by the suggested answers.' })
  carriedToKey: string | null;
  @Field(() => Int) people: number;
  @Field(() => Int) aiming: number;
  @Field(() => Int, { description: 'People in or aiming at the role with an assessed profile.' }) assessed: number;
  @Field(() => Int) shortfallsToday: number;
  @Field(() => Int, { nullable: true }) shortfallsUnderDraft: number | null;
  @Field(() => Int, {
    description: "Assessed people with some of the role's expectations unknown today (neither rated nor assumed from their current role): their shortfalls are counted on what is known.",
  })
  partlyKnownToday: number;
  @Field(() => Int, { nullable: true, description: 'The same under the draft; null when the draft removes the role.' }) partlyKnownUnderDraft: number | null;
  @Field(() => [ExpectationChange]) changedExpectations: ExpectationChange[];
}

@ObjectType({ description: 'Everything to look at before publishing the draft.' })
export class PublishPreview {
  @Field(() => Int) draftRevision: number;
  @Field(() => Int, { nullable: true, description: 'The published version the draft replaces.' }) publishedVersionNumber: number | null;
  @Field(() => Int) nextVersionNumber: number;
  @Field(() => [DocumentProblem], { description: 'What must be fixed in the draft before it can be published.' }) problems: DocumentProblem[];
  @Field(() => FrameworkDiff, { nullable: true }) diff: FrameworkDiff | null;
  @Field(() => [MigrationQuestion]) questions: MigrationQuestion[];
  @Field(() => [RoleImpact]) impact: RoleImpact[];
  @Field({ description: 'Whether assessed profiles are available, so shortfalls are counted.' }) shortfallsCounted: boolean;
}

@InputType({ description: 'The answer to a migration question: toKey names the new role or skill; null removes it.' })
@InputSchema(migrationChoiceInputSchema)
export class MigrationChoiceInput {
  @Field(() => MigrationPartKindValue) kind: MigrationPartKindValue;
  @Field() fromKey: string;
  @Field(() => String, { nullable: true }) toKey: string | null;
}

@ObjectType({ description: 'What one kind of data did when the version was published.' })
export class FollowerReport {
  @Field() name: string;
  @Field() describe: string;
  @Field(() => Int) moved: number;
  @Field(() => Int) cleared: number;
}

@ObjectType()
export class PublishReport {
  @Field(() => FrameworkVersion) version: FrameworkVersion;
  @Field(() => [FollowerReport]) followers: FollowerReport[];
}
