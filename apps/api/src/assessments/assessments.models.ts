import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { recordAssessmentInputSchema } from '@trellis/domain';
import { InputSchema } from '../common/input-validation.js';

export enum AssessmentSourceValue {
  SELF = 'self',
  MANAGER = 'manager',
}
registerEnumType(AssessmentSourceValue, { name: 'AssessmentSource' });

@ObjectType({ description: 'One dated rating of one skill; never overwritten.' })
export class Assessment {
  @Field(() => ID) id: string;
  @Field(() => ID, { description: 'The skill in a published framework version.' }) skillId: string;
  @Field() skillKey: string;
  @Field() skillName: string;
  @Field(() => Int) level: number;
  @Field(() => AssessmentSourceValue) source: AssessmentSourceValue;
  @Field() assessedAt: Date;
  @Field(() => String, { nullable: true }) evidenceNote: string | null;
  @Field(() => String, { nullable: true }) evidenceUrl: string | null;
  @Field({ description: 'False once a later framework version removed the skill: kept in the history, no longer counted in the profile.' })
  counts: boolean;
}

@ObjectType({ description: "A skill's latest self and manager ratings side by side." })
export class ProfileEntry {
  @Field() skillKey: string;
  @Field() skillName: string;
  @Field(() => Int, { nullable: true }) selfLevel: number | null;
  @Field(() => Int, { nullable: true }) managerLevel: number | null;
  @Field(() => Int, { nullable: true, description: 'managerLevel − selfLevel when both exist.' }) difference: number | null;
  @Field(() => Int, { description: 'The level gap analysis uses: the more recent rating (the manager’s on a tie).' }) level: number;
  @Field(() => String, { nullable: true, description: 'The evidence the person gave with their latest self rating.' }) selfEvidenceNote: string | null;
  @Field(() => String, { nullable: true }) selfEvidenceUrl: string | null;
  @Field(() => String, { nullable: true, description: 'The manager’s comment with their latest rating.' }) managerComment: string | null;
  @Field(() => String, { nullable: true }) managerEvidenceUrl: string | null;
}

@ObjectType({ description: "A person's assessments: the whole history (oldest first) and the current profile." })
export class PersonAssessments {
  @Field(() => ID) personId: string;
  @Field(() => [Assessment]) assessments: Assessment[];
  @Field(() => [ProfileEntry]) current: ProfileEntry[];
}

@InputType()
@InputSchema(recordAssessmentInputSchema)
export class RecordAssessmentInput {
  @Field(() => ID) skillId: string;
  @Field(() => Int) level: number;
  @Field(() => String, { nullable: true }) evidenceNote?: string | null;
  @Field(() => String, { nullable: true }) evidenceUrl?: string | null;
}
