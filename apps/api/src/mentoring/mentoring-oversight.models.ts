import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { mentoringSettingsInputSchema } from '@trellis/domain';
import { InputSchema } from '../common/input-validation.js';

@ObjectType({ description: 'The organisation’s mentoring settings.' })
export class MentoringSettings {
  @Field(() => Int, { description: 'A pair with no session for this many weeks is fizzling (1 to 26; default 6).' }) fizzleWeeks: number;
  @Field({ description: 'no-preference or prefer-other-teams: whether mentors from other teams are preferred when suggesting and on the matching board.' })
  crossTeam: string;
  @Field(() => Int, { description: 'Send it back when saving (0: never saved); a stale one is refused.' }) version: number;
}

@InputType()
@InputSchema(mentoringSettingsInputSchema)
export class MentoringSettingsInput {
  @Field(() => Int) fizzleWeeks: number;
  @Field() crossTeam: string;
  @Field(() => Int) expectedVersion: number;
}

@ObjectType({ description: 'How often a pair meets: sessions so far, the last one, and whether the pair is fizzling.' })
export class MentorshipRhythm {
  @Field() fizzling: boolean;
  @Field(() => String, { nullable: true, description: 'The latest session held (YYYY-MM-DD).' }) lastSessionOn: string | null;
  @Field(() => Int) sessions: number;
  @Field(() => Int) minutes: number;
  @Field(() => Int, { nullable: true, description: 'Whole weeks without a session (null unless active).' }) weeksWithoutSession: number | null;
  @Field(() => String, { nullable: true, description: '"No session for 7 weeks", when fizzling.' }) message: string | null;
}

@ObjectType({ description: 'An open relationship on the mentoring admin page.' })
export class OversightRelationship {
  @Field(() => ID) mentorshipId: string;
  @Field(() => ID) menteeId: string;
  @Field() menteeName: string;
  @Field(() => ID) mentorId: string;
  @Field() mentorName: string;
  @Field({ description: 'active or paused' }) status: string;
  @Field(() => String, { nullable: true }) programmeName: string | null;
  @Field(() => String, { nullable: true }) activeSince: string | null;
  @Field(() => String, { nullable: true }) lastSessionOn: string | null;
  @Field(() => Int) sessions: number;
  @Field(() => Int) minutes: number;
  @Field() fizzling: boolean;
  @Field(() => Int, { nullable: true }) weeksWithoutSession: number | null;
  @Field(() => String, { nullable: true }) message: string | null;
}

@ObjectType({ description: 'A mentee waiting for a mentor’s answer.' })
export class WaitingMentee {
  @Field(() => ID) mentorshipId: string;
  @Field(() => ID) menteeId: string;
  @Field() menteeName: string;
  @Field(() => ID) mentorId: string;
  @Field() mentorName: string;
  @Field() requestedAt: Date;
  @Field(() => Int) daysWaiting: number;
}

@ObjectType({ description: 'A mentor with no free place.' })
export class MentorAtCapacity {
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field(() => String, { nullable: true }) teamName: string | null;
  @Field(() => Int) capacity: number;
  @Field(() => Int) occupiedPlaces: number;
}

@ObjectType({ description: 'A mentee (waiting, or on a programme’s board) whose focus skills no available mentor covers.' })
export class UncoveredMentee {
  @Field(() => ID) personId: string;
  @Field() name: string;
  @Field(() => [String]) skillKeys: string[];
  @Field(() => [String]) skillNames: string[];
}

@ObjectType({ description: 'The mentoring admin page.' })
export class MentoringOversight {
  @Field(() => Int) fizzleWeeks: number;
  @Field(() => [OversightRelationship], { description: 'Active and paused relationships, fizzling ones first.' }) relationships: OversightRelationship[];
  @Field(() => [WaitingMentee], { description: 'Open requests, longest waiting first.' }) waiting: WaitingMentee[];
  @Field(() => [MentorAtCapacity]) mentorsAtCapacity: MentorAtCapacity[];
  @Field(() => [UncoveredMentee]) uncovered: UncoveredMentee[];
}

