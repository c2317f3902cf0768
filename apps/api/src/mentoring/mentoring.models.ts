import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import {
  agendaItemSchema,
  answerNextStepInputSchema,
  boardPairSchema,
  commentInputSchema,
  directPairingSchema,
  findMentorsInputSchema,
  logSessionInputSchema,
  meetingPreferencesInputSchema,
  mentorAssessmentInputSchema,
  mentorRequestSchema,
  mentorshipMoveInputSchema,
  mentorshipSharingInputSchema,
  programmeInputSchema,
  programmeParticipantSchema,
  proposedPlanActionSchema,
  publishPairsSchema,
  saveMentorProfileSchema,
} from '@trellis/domain';
import { InputSchema } from '../common/input-validation.js';

// --- Profiles -----------------------------------------------------------------------------------

@ObjectType()
export class MeetingPreferences {
  @Field(() => [String], { description: 'in-person, video, phone, chat' }) modes: string[];
  @Field(() => String, { nullable: true, description: 'weekly, fortnightly, monthly, as-needed' }) frequency: string | null;
  @Field() note: string;
}

@ObjectType({ description: 'A person’s offer to mentor.' })
export class MentorProfile {
  @Field(() => ID) id: string;
  @Field(() => ID) personId: string;
  @Field(() => Int, { description: 'Mentees at once.' }) capacity: number;
  @Field(() => [String]) offeredSkillKeys: string[];
  @Field(() => MeetingPreferences) meeting: MeetingPreferences;
  @Field() acceptsOtherTeams: boolean;
  @Field() paused: boolean;
  @Field() about: string;
  @Field(() => Int) version: number;
  @Field() updatedAt: Date;
}

@ObjectType({ description: 'A skill to offer as a mentor, suggested from my own assessments (level 4 or above).' })
export class OfferedSkillSuggestion {
  @Field() skillKey: string;
  @Field() skillName: string;
  @Field(() => Int) level: number;
  @Field() managerConfirmed: boolean;
  @Field(() => Int, { nullable: true }) selfLevel: number | null;
  @Field(() => Int, { nullable: true }) managerLevel: number | null;
}

@InputType()
@InputSchema(meetingPreferencesInputSchema)
export class MeetingPreferencesInput {
  @Field(() => [String], { nullable: true }) modes?: string[];
  @Field(() => String, { nullable: true }) frequency?: string | null;
  @Field(() => String, { nullable: true }) note?: string;
}

@InputType()
@InputSchema(saveMentorProfileSchema)
export class SaveMentorProfileInput {
  @Field(() => Int, { nullable: true }) capacity?: number;
  @Field(() => [String]) offeredSkillKeys: string[];
  @Field(() => MeetingPreferencesInput, { nullable: true }) meeting?: MeetingPreferencesInput;
  @Field({ nullable: true }) acceptsOtherTeams?: boolean;
  @Field({ nullable: true }) paused?: boolean;
  @Field(() => String, { nullable: true }) about?: string;
  @Field(() => Int, { nullable: true, description: 'The version I read; null when I have no profile yet.' }) expectedVersion?: number | null;
}

// --- Finding a mentor ----------------------------------------------------------------------------

@ObjectType()
export class MentorFocusSkill {
  @Field() skillKey: string;
  @Field() skillName: string;
  @Field(() => Int, { nullable: true }) currentLevel: number | null;
  @Field(() => Int) neededLevel: number;
}

@ObjectType({ description: 'How one mentor covers one focus skill.' })
export class MentorSkillMatch {
  @Field() skillKey: string;
  @Field() skillName: string;
  @Field(() => Int) needed: number;
  @Field(() => Int, { nullable: true }) menteeLevel: number | null;
  @Field(() => Int, { nullable: true }) mentorLevel: number | null;
  @Field({ description: 'full, partial or none' }) coverage: string;
  @Field(() => String, { nullable: true, description: 'manager, self or null' }) basis: string | null;
  @Field({ description: '"Risk & opportunity management: 4, you need 3"' }) explanation: string;
}

@ObjectType({ description: 'A suggested mentor, with the score explained.' })
export class MentorSuggestion {
  @Field(() => ID) mentorId: string;
  @Field() mentorName: string;
  @Field(() => String, { nullable: true }) teamName: string | null;
  @Field() about: string;
  @Field(() => MeetingPreferences) meeting: MeetingPreferences;
  @Field(() => Float) score: number;
  @Field(() => Float) coverage: number;
  @Field(() => Float) crossTeamBonus: number;
  @Field({ description: 'same, other or unknown' }) team: string;
  @Field(() => Int) freePlaces: number;
  @Field(() => [MentorSkillMatch]) skills: MentorSkillMatch[];
  @Field() explanation: string;
}

@ObjectType()
export class MentorSearch {
  @Field({ description: 'plan (my plan’s gaps), chosen, or none (no plan and no skills chosen)' }) focusSource: string;
  @Field(() => [MentorFocusSkill]) focusSkills: MentorFocusSkill[];
  @Field(() => [MentorSuggestion]) suggestions: MentorSuggestion[];
  @Field(() => Int, { description: 'Mentors not suggested (never named).' }) excludedCount: number;
  @Field(() => [String]) uncoveredSkillKeys: string[];
}

@InputType()
@InputSchema(findMentorsInputSchema)
export class FindMentorsInput {
  @Field(() => [String], { nullable: true }) focusSkillKeys?: string[];
  @Field({ nullable: true }) includeReportingLine?: boolean;
  @Field(() => Int, { nullable: true }) limit?: number;
}

// --- Mentorships ---------------------------------------------------------------------------------

@ObjectType({ description: 'What the mentee shares with this mentor.' })
export class MentorshipSharing {
  @Field() plan: boolean;
  @Field() planComments: boolean;
  @Field() assessments: boolean;
  @Field() checkIns: boolean;
  @Field() evidence: boolean;
}

@ObjectType({ description: 'A mentoring relationship: requested → active ⇄ paused → ended.' })
export class Mentorship {
  @Field(() => ID) id: string;
  @Field(() => ID) menteeId: string;
  @Field(() => ID) mentorId: string;
  @Field(() => ID, { nullable: true }) programmeId: string | null;
  @Field() status: string;
  @Field(() => [String]) focusSkillKeys: string[];
  @Field() message: string;
  @Field(() => String, { nullable: true }) endsOn: string | null;
  @Field() requestedAt: Date;
  @Field(() => Date, { nullable: true }) activeSince: Date | null;
  @Field(() => Date, { nullable: true }) endedAt: Date | null;
  @Field(() => String, { nullable: true }) endReason: string | null;
  @Field(() => String, { nullable: true }) declineReason: string | null;
  @Field(() => String, { nullable: true }) moveNote: string | null;
  @Field(() => MentorshipSharing) sharing: MentorshipSharing;
  @Field(() => Int) version: number;
}

@InputType()
@InputSchema(mentorRequestSchema)
export class RequestMentorInput {
  @Field(() => ID) mentorId: string;
  @Field() message: string;
  @Field(() => [String]) focusSkillKeys: string[];
  @Field(() => String, { nullable: true }) endsOn?: string | null;
}

@InputType()
@InputSchema(directPairingSchema)
export class PairMentorInput {
  @Field(() => ID) menteeId: string;
  @Field(() => ID) mentorId: string;
  @Field(() => [String]) focusSkillKeys: string[];
  @Field(() => String, { nullable: true }) endsOn?: string | null;
  @Field(() => String, { nullable: true }) note?: string;
}

@InputType()
@InputSchema(mentorshipMoveInputSchema)
export class MoveMentorshipInput {
  @Field(() => ID) mentorshipId: string;
  @Field(() => Int) expectedVersion: number;
  @Field({ description: 'accept, decline, withdraw, pause, resume, end' }) move: string;
  @Field(() => [String], { nullable: true }) focusSkillKeys?: string[] | null;
  @Field(() => String, { nullable: true, description: 'no-capacity, not-a-fit, timing, other' }) declineReason?: string | null;
  @Field(() => String, { nullable: true, description: 'goals-met, no-longer-useful, left-organisation, other' }) endReason?: string | null;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
@InputSchema(mentorshipSharingInputSchema)
export class SetMentorshipSharingInput {
  @Field(() => ID) mentorshipId: string;
  @Field(() => Int) expectedVersion: number;
  @Field() plan: boolean;
  @Field() planComments: boolean;
  @Field() assessments: boolean;
  @Field() checkIns: boolean;
  @Field() evidence: boolean;
}

// --- Sessions, comments, mentor assessments ------------------------------------------------------

@ObjectType()
export class AgendaItem {
  @Field() text: string;
  @Field(() => String, { nullable: true }) focusSkillKey: string | null;
  @Field(() => ID, { nullable: true }) planActionId: string | null;
}

@ObjectType()
export class SessionNextStep {
  @Field() type: string;
  @Field() title: string;
  @Field() description: string;
  @Field(() => [String]) skillKeys: string[];
  @Field(() => String, { nullable: true }) dueOn: string | null;
  @Field() status: string;
}

@ObjectType({ description: 'A logged mentoring session.' })
export class MentoringSession {
  @Field(() => ID) id: string;
  @Field(() => ID) mentorshipId: string;
  @Field() heldOn: string;
  @Field(() => Int) minutes: number;
  @Field(() => [AgendaItem]) agenda: AgendaItem[];
  @Field() sharedNotes: string;
  @Field(() => String, { nullable: true, description: 'Only for the person who logged the session.' }) privateNotes: string | null;
  @Field(() => [SessionNextStep]) nextSteps: SessionNextStep[];
  @Field(() => ID) loggedById: string;
  @Field() createdAt: Date;
}

@InputType()
@InputSchema(agendaItemSchema)
export class AgendaItemInput {
  @Field() text: string;
  @Field(() => String, { nullable: true }) focusSkillKey?: string | null;
  @Field(() => ID, { nullable: true }) planActionId?: string | null;
}

@InputType()
@InputSchema(proposedPlanActionSchema)
export class SessionNextStepInput {
  @Field(() => String, { nullable: true }) type?: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field(() => [String], { nullable: true }) skillKeys?: string[];
  @Field(() => String, { nullable: true }) dueOn?: string | null;
}

@InputType()
@InputSchema(logSessionInputSchema)
export class LogMentoringSessionInput {
  @Field(() => ID) mentorshipId: string;
  @Field() heldOn: string;
  @Field(() => Int) minutes: number;
  @Field(() => [AgendaItemInput], { nullable: true }) agenda?: AgendaItemInput[];
  @Field(() => String, { nullable: true }) sharedNotes?: string;
  @Field(() => String, { nullable: true }) privateNotes?: string;
  @Field(() => [SessionNextStepInput], { nullable: true }) nextSteps?: SessionNextStepInput[];
}

@InputType()
@InputSchema(answerNextStepInputSchema)
export class AnswerNextStepInput {
  @Field(() => ID) sessionId: string;
  @Field(() => Int, { description: 'The next step’s position in the session (from 0).' }) index: number;
  @Field({ description: 'accept or decline' }) answer: string;
}

@ObjectType({ description: 'A comment in a mentorship (threaded by parentId).' })
export class MentoringComment {
  @Field(() => ID) id: string;
  @Field(() => ID) mentorshipId: string;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field(() => Int) depth: number;
  @Field(() => ID, { nullable: true }) planActionId: string | null;
  @Field(() => ID) authorId: string;
  @Field() body: string;
  @Field() createdAt: Date;
}

@InputType()
@InputSchema(commentInputSchema)
export class AddMentoringCommentInput {
  @Field(() => ID) mentorshipId: string;
  @Field() body: string;
  @Field(() => ID, { nullable: true }) parentId?: string | null;
  @Field(() => ID, { nullable: true }) planActionId?: string | null;
}

@ObjectType({ description: 'The mentor’s assessment of a focus skill: a third source beside self and manager.' })
export class MentorAssessment {
  @Field(() => ID) id: string;
  @Field(() => ID) mentorshipId: string;
  @Field() skillKey: string;
  @Field() skillName: string;
  @Field(() => Int) level: number;
  @Field() note: string;
  @Field() assessedAt: Date;
}

@InputType()
@InputSchema(mentorAssessmentInputSchema)
export class AddMentorAssessmentInput {
  @Field(() => ID) mentorshipId: string;
  @Field() skillKey: string;
  @Field(() => Int) level: number;
  @Field(() => String, { nullable: true }) note?: string;
}

// --- Programmes ----------------------------------------------------------------------------------

@ObjectType()
export class ProgrammeParticipant {
  @Field(() => ID) personId: string;
  @Field() part: string;
  @Field(() => [String]) focusSkillKeys: string[];
}

@ObjectType({ description: 'A mentoring programme.' })
export class MentoringProgramme {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() description: string;
  @Field() startsOn: string;
  @Field() endsOn: string;
  @Field() mentorsMayJoin: string;
  @Field() menteesMayJoin: string;
  @Field(() => ID, { nullable: true }) leadId: string | null;
  @Field({ description: 'upcoming, running or finished' }) phase: string;
  @Field(() => [ProgrammeParticipant]) participants: ProgrammeParticipant[];
}

@InputType()
@InputSchema(programmeInputSchema)
export class CreateProgrammeInput {
  @Field() name: string;
  @Field(() => String, { nullable: true }) description?: string;
  @Field() startsOn: string;
  @Field() endsOn: string;
  @Field(() => String, { nullable: true, description: 'anyone or invited' }) mentorsMayJoin?: string;
  @Field(() => String, { nullable: true, description: 'anyone or invited' }) menteesMayJoin?: string;
  @Field(() => ID, { nullable: true }) leadId?: string | null;
}

@InputType()
@InputSchema(programmeParticipantSchema)
export class ProgrammeParticipantInput {
  @Field(() => ID) programmeId: string;
  @Field(() => ID) personId: string;
  @Field({ description: 'mentor or mentee' }) part: string;
  @Field(() => [String], { nullable: true }) focusSkillKeys?: string[];
}

@ObjectType()
export class BoardPair {
  @Field(() => ID) menteeId: string;
  @Field(() => ID) mentorId: string;
  @Field(() => Float) score: number;
  @Field() explanation: string;
}

@ObjectType()
export class BoardUnassigned {
  @Field(() => ID) menteeId: string;
  @Field({ description: 'no-suitable-mentor or no-place-left' }) reason: string;
}

@ObjectType()
export class BoardMentorLoad {
  @Field(() => ID) mentorId: string;
  @Field(() => Int) assigned: number;
  @Field(() => Int) freePlacesLeft: number;
}

@ObjectType({ description: 'The best overall assignment of a programme’s mentees to its mentors.' })
export class MatchingBoard {
  @Field(() => ID) programmeId: string;
  @Field(() => [BoardPair]) pairs: BoardPair[];
  @Field(() => [BoardUnassigned]) unassigned: BoardUnassigned[];
  @Field(() => Int) assignedCount: number;
  @Field(() => Float) totalScore: number;
  @Field(() => [BoardMentorLoad]) mentorLoad: BoardMentorLoad[];
}

@InputType()
@InputSchema(boardPairSchema)
export class BoardPairInput {
  @Field(() => ID) menteeId: string;
  @Field(() => ID) mentorId: string;
}

@InputType()
@InputSchema(publishPairsSchema)
export class PublishProgrammePairsInput {
  @Field(() => ID) programmeId: string;
  @Field(() => [BoardPairInput]) pairs: BoardPairInput[];
}
