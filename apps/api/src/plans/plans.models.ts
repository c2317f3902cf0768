import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  addPlanActionInputSchema,
  changePlanDirectionInputSchema,
  checkInProgressInputSchema,
  createPlanInputSchema,
  namePlanApproverSchema,
  planVersionInputSchema,
  recordCheckInInputSchema,
  removePlanActionInputSchema,
  sendBackPlanInputSchema,
  setReviewRhythmInputSchema,
  updatePlanActionInputSchema,
} from '@trellis/domain';
import { InputSchema } from '../common/input-validation.js';
import { CheckInFocusAnswer, CheckInFocusInput, ProfileCoverage, SkillBasisValue } from './plan-known.models.js';

export enum PlanStatusValue {
  DRAFT = 'draft',
  PROPOSED = 'proposed',
  AGREED = 'agreed',
  ACTIVE = 'active',
  COMPLETED = 'completed',
  ABANDONED = 'abandoned',
}
registerEnumType(PlanStatusValue, { name: 'PlanStatus' });

export enum PlanActionStatusValue {
  NOT_STARTED = 'not-started',
  IN_PROGRESS = 'in-progress',
  DONE = 'done',
  DROPPED = 'dropped',
}
registerEnumType(PlanActionStatusValue, { name: 'PlanActionStatus' });

export enum PlanActionTypeValue {
  QUALIFICATION = 'qualification',
  ON_THE_JOB = 'on-the-job',
  READING = 'reading',
  MENTORING = 'mentoring',
  COURSE = 'course',
  OTHER = 'other',
}
registerEnumType(PlanActionTypeValue, { name: 'PlanActionType' });

export enum RevisionReasonValue {
  INITIAL = 'initial',
  NEW_TARGET_ROLE = 'new-target-role',
  RE_BASELINE = 're-baseline',
  OTHER = 'other',
}
registerEnumType(RevisionReasonValue, { name: 'RevisionReason' });

export enum ReviewStateValue {
  UPCOMING = 'upcoming',
  DUE = 'due',
  OVERDUE = 'overdue',
}
registerEnumType(ReviewStateValue, { name: 'ReviewState' });

export enum RelationshipValue {
  OWNER = 'owner',
  MANAGER = 'manager',
  APPROVER = 'approver',
  MENTOR = 'mentor',
  SHARED = 'shared',
  OTHER = 'other',
}
registerEnumType(RelationshipValue, { name: 'PlanRelationship', description: 'Who the caller is to the plan’s owner.' });

export enum PlanApproverKindValue {
  MANAGER = 'manager',
  TEAM_APPROVER = 'team-approver',
  ORGANISATION_APPROVER = 'organisation-approver',
  SKIP_LEVEL = 'skip-level',
  NOBODY = 'nobody',
}
registerEnumType(PlanApproverKindValue, { name: 'PlanApproverKind', description: 'Why this person agrees the plan (or that nobody can yet).' });

@ObjectType({ description: 'What the caller may do with a plan (the plan policy): the page shows only these controls.' })
export class PlanAbilities {
  @Field() view: boolean;
  @Field({ description: 'Change its actions, direction and rhythm; complete or abandon it.' }) edit: boolean;
  @Field({ description: 'Propose it for agreement, or withdraw the proposal.' }) propose: boolean;
  @Field({ description: 'Agree it, or send it back with a comment.' }) review: boolean;
  @Field() comment: boolean;
  @Field() checkIn: boolean;
  @Field({ description: 'Add the manager’s rating of the person’s skills.' }) rate: boolean;
  @Field() share: boolean;
  @Field({ description: 'Read its check-ins (never someone else’s private note).' }) seeCheckIns: boolean;
  @Field({ description: 'Read the evidence on its actions.' }) seeEvidence: boolean;
  @Field({ description: 'Confirm an action’s evidence (a mentor the evidence is shared with).' }) signOff: boolean;
}

@ObjectType({ description: 'Who agrees a person’s plan, said before they propose it.' })
export class PlanApprover {
  @Field(() => PlanApproverKindValue) kind: PlanApproverKindValue;
  @Field(() => ID, { nullable: true }) personId: string | null;
  @Field(() => String, { nullable: true }) name: string | null;
  @Field({ description: 'A sentence for the person: who agrees their plan and why, or what to do when nobody can.' }) explanation: string;
}

@ObjectType({ description: 'An approver an admin named: for a team (and the teams under it), or the organisation (team null).' })
export class NamedPlanApprover {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true }) teamId: string | null;
  @Field(() => ID) personId: string;
  @Field() createdAt: Date;
}

@ObjectType()
export class PlanAction {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'The revision the action was planned in.' }) revisionNumber: number;
  @Field(() => Int) position: number;
  @Field(() => PlanActionTypeValue) type: PlanActionTypeValue;
  @Field() title: string;
  @Field() description: string;
  @Field(() => [String]) skillKeys: string[];
  @Field(() => ID, { nullable: true }) qualificationId: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dueOn: string | null;
  @Field(() => PlanActionStatusValue) status: PlanActionStatusValue;
  @Field(() => String, { nullable: true }) evidence: string | null;
  @Field(() => Date, { nullable: true }) doneAt: Date | null;
  @Field(() => String, { nullable: true, description: 'The suggestion of the plan’s proposal it was added from; null for my own.' }) suggestionId: string | null;
}

@ObjectType()
export class BaselineSkill {
  @Field() skillKey: string;
  @Field(() => Int) baselineLevel: number;
  @Field(() => Int) targetLevel: number;
}

@ObjectType({ description: 'One revision of a plan, kept when the plan changes direction.' })
export class PlanRevision {
  @Field(() => Int) number: number;
  @Field(() => RevisionReasonValue) reason: RevisionReasonValue;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => ID) targetRoleId: string;
  @Field(() => ID) frameworkVersionId: string;
  @Field(() => [BaselineSkill]) baseline: BaselineSkill[];
  @Field() createdAt: Date;
}

@ObjectType()
export class CheckInProgress {
  @Field(() => ID) actionId: string;
  @Field(() => PlanActionStatusValue) status: PlanActionStatusValue;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType({ description: 'A review: a reflection and the progress on each action then.' })
export class CheckIn {
  @Field(() => ID) id: string;
  @Field(() => Int) revisionNumber: number;
  @Field() reflection: string;
  @Field(() => [CheckInProgress]) progress: CheckInProgress[];
  @Field(() => [CheckInFocusAnswer], { description: 'How each focus skill went.' }) focus: CheckInFocusAnswer[];
  @Field(() => String, { nullable: true, description: 'The note its author kept for themselves: null for everyone else, whoever they are.' })
  privateNote: string | null;
  @Field() recordedAt: Date;
}

@ObjectType({ description: 'Plan vs actual for one revision.' })
export class RevisionOutcome {
  @Field(() => Int) number: number;
  @Field(() => RevisionReasonValue) reason: RevisionReasonValue;
  @Field(() => Int) plannedShortfall: number;
  @Field(() => Int) closedShortfall: number;
  @Field(() => Int) actionsPlanned: number;
  @Field(() => Int) actionsDone: number;
  @Field(() => Int) actionsDropped: number;
}

@ObjectType({ description: 'One expected skill of a role against the assessed profile (met, unmet or unassessed).' })
export class ExpectationGap {
  @Field() skillKey: string;
  @Field(() => Int) requiredLevel: number;
  @Field(() => String, { nullable: true }) requiredLevelName: string | null;
  @Field(() => Int, { nullable: true, description: 'The known level (rated, or assumed from the current role); null when unknown.' }) currentLevel: number | null;
  @Field(() => SkillBasisValue) basis: SkillBasisValue;
  @Field(() => Int, { description: '0 when unknown: an unknown skill is neither met nor short.' }) shortfall: number;
  @Field({ description: 'met, unmet or unknown' }) status: string;
}

@ObjectType()
export class QualificationReadiness {
  @Field() key: string;
  @Field() name: string;
  @Field() required: boolean;
  @Field({ description: 'held, missing, expired or expiring' }) state: string;
  @Field(() => Date, { nullable: true }) expiresOn: Date | null;
}

@ObjectType({ description: 'When the person would be ready at their pace so far.' })
export class ReadinessForecast {
  @Field({ description: 'ready, forecast or not-enough-history' }) kind: string;
  @Field(() => String, { nullable: true }) reason: string | null;
  @Field(() => Float, { nullable: true }) shortfallClosedPerMonth: number | null;
  @Field(() => Float, { nullable: true }) monthsToReady: number | null;
  @Field(() => Date, { nullable: true }) readyBy: Date | null;
  @Field(() => Int, { nullable: true, description: 'Levels of the role’s shortfall closed over the history the forecast rests on.' }) levelsGained: number | null;
  @Field(() => Float, { nullable: true }) historyMonths: number | null;
}

@ObjectType()
export class Readiness {
  @Field(() => ID) roleId: string;
  @Field(() => Float, { description: 'Share of the known expectations met, 0..1 (unknown ones are not counted: see coverage).' }) shareMet: number;
  @Field(() => ProfileCoverage) coverage: ProfileCoverage;
  @Field({ description: 'What the figures rest on, in a sentence.' }) assumption: string;
  @Field(() => [ExpectationGap], { description: 'Expectations neither rated nor assumed.' }) unknownSkills: ExpectationGap[];
  @Field(() => Int) totalShortfall: number;
  @Field(() => [ExpectationGap]) skills: ExpectationGap[];
  @Field(() => [ExpectationGap], { description: 'Known skills below the expectation, largest shortfall first.' }) blockingGaps: ExpectationGap[];
  @Field(() => [QualificationReadiness]) qualifications: QualificationReadiness[];
  @Field(() => ReadinessForecast) forecast: ReadinessForecast;
}

@ObjectType({ description: 'A development plan towards a target role.' })
export class Plan {
  @Field(() => ID) id: string;
  @Field(() => PlanStatusValue) status: PlanStatusValue;
  @Field(() => RelationshipValue) relationship: RelationshipValue;
  @Field(() => PlanAbilities, { description: 'What the caller may do with this plan.' }) viewerCan: PlanAbilities;
  @Field(() => ID) frameworkVersionId: string;
  @Field(() => Int) reviewRhythmWeeks: number;
  @Field() timeZone: string;
  @Field(() => String, { nullable: true, description: 'The date (in timeZone) the next review is due, YYYY-MM-DD.' }) reviewDueOn: string | null;
  @Field(() => ReviewStateValue, { nullable: true }) reviewState: ReviewStateValue | null;
  @Field({ description: 'No activity for 30 days or more.' }) stale: boolean;
  @Field(() => Date, { nullable: true }) agreedAt: Date | null;
  @Field(() => Date, { nullable: true }) lastReviewAt: Date | null;
  @Field() lastActivityAt: Date;
  @Field(() => String, { nullable: true, description: 'The manager’s comment when they last sent it back.' }) sentBackComment: string | null;
  @Field(() => Int, { description: 'The current revision number.' }) revision: number;
  @Field(() => Int, { description: 'Increases with every change; changes naming an older version are refused.' }) version: number;
  @Field(() => String, { nullable: true }) lastChange: string | null;
  @Field(() => [PlanAction]) actions: PlanAction[];
  @Field(() => [PlanRevision]) revisions: PlanRevision[];
  @Field(() => [CheckIn], { description: 'Newest first.' }) checkIns: CheckIn[];
  @Field(() => Readiness, { description: 'Readiness for the target role now.' }) readiness: Readiness;
  @Field(() => [RevisionOutcome]) planVsActual: RevisionOutcome[];
}

@ObjectType({ description: "One report's plan as their manager sees it." })
export class TeamPlan {
  @Field(() => Plan, { nullable: true }) plan: Plan | null;
  @Field() overdue: boolean;
  @Field() waitingForAgreement: boolean;
}

@ObjectType({ description: 'A plan someone shared with me.' })
export class SharedPlan {
  @Field() sharedAt: Date;
  @Field(() => Plan, { nullable: true, description: 'Their current plan; null when they have none yet.' }) plan: Plan | null;
}

@ObjectType()
export class Notification {
  @Field(() => ID) id: string;
  @Field() kind: string;
  @Field() message: string;
  @Field(() => ID, { nullable: true }) planId: string | null;
  @Field(() => String, { nullable: true, description: 'Where in the app it leads (a path such as /plans/<personId>).' }) link: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
}

@InputType()
@InputSchema(createPlanInputSchema)
export class CreatePlanInput {
  @Field(() => ID) targetRoleId: string;
  // Nullable with defaults: graphql-jit does not apply the defaults of omitted non-null input fields.
  @Field(() => Int, { nullable: true, defaultValue: 8, description: 'Review every 4, 6, 8 or 12 weeks (default 8).' }) reviewRhythmWeeks?: number | null;
  @Field(() => String, { nullable: true, defaultValue: 'UTC', description: 'IANA time zone review dates are counted in (default UTC).' }) timeZone?: string | null;
}

@InputType()
@InputSchema(planVersionInputSchema)
export class PlanVersionInput {
  @Field(() => ID) planId: string;
  @Field(() => Int) expectedVersion: number;
}

@InputType()
@InputSchema(sendBackPlanInputSchema)
export class SendBackPlanInput extends PlanVersionInput {
  @Field() comment: string;
}

@InputType()
@InputSchema(updatePlanActionInputSchema)
export class UpdatePlanActionInput {
  @Field(() => ID) actionId: string;
  @Field(() => Int, { description: 'The plan version the change was made from.' }) expectedPlanVersion: number;
  @Field(() => PlanActionStatusValue, { nullable: true }) status?: PlanActionStatusValue | null;
  @Field(() => String, { nullable: true }) evidence?: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; only while the plan is a draft.' }) dueOn?: string | null;
  @Field(() => PlanActionTypeValue, { nullable: true, description: 'Only while the plan is a draft.' }) type?: PlanActionTypeValue | null;
  @Field(() => [String], { nullable: true, description: 'Keys of skills of the plan’s framework version; only while the plan is a draft.' }) skillKeys?: string[] | null;
}

@InputType()
@InputSchema(addPlanActionInputSchema)
export class AddPlanActionInput extends PlanVersionInput {
  @Field(() => PlanActionTypeValue) type: PlanActionTypeValue;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => [String], { nullable: true, defaultValue: [], description: 'Keys of skills of the plan’s framework version.' }) skillKeys?: string[] | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' }) dueOn?: string | null;
}

@InputType()
@InputSchema(setReviewRhythmInputSchema)
export class SetReviewRhythmInput extends PlanVersionInput {
  @Field(() => Int, { description: 'Review every 4, 6, 8 or 12 weeks.' }) reviewRhythmWeeks: number;
}

@InputType()
@InputSchema(removePlanActionInputSchema)
export class RemovePlanActionInput {
  @Field(() => ID) actionId: string;
  @Field(() => Int, { description: 'The plan version the change was made from.' }) expectedPlanVersion: number;
}

@InputType()
@InputSchema(checkInProgressInputSchema)
export class CheckInProgressInput {
  @Field(() => ID) actionId: string;
  @Field(() => PlanActionStatusValue) status: PlanActionStatusValue;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
@InputSchema(recordCheckInInputSchema)
export class RecordCheckInInput extends PlanVersionInput {
  @Field() reflection: string;
  @Field(() => [CheckInProgressInput], { nullable: true, defaultValue: [] }) progress?: CheckInProgressInput[] | null;
  @Field(() => [CheckInFocusInput], { nullable: true, defaultValue: [], description: 'How each focus skill went.' }) focus?: CheckInFocusInput[] | null;
  @Field(() => String, { nullable: true, description: 'A note only the person recording the check-in will ever see.' }) privateNote?: string | null;
}

@InputType()
@InputSchema(changePlanDirectionInputSchema)
export class ChangePlanDirectionInput extends PlanVersionInput {
  @Field(() => ID) targetRoleId: string;
  @Field(() => RevisionReasonValue) reason: RevisionReasonValue;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@InputType()
@InputSchema(namePlanApproverSchema)
export class NamePlanApproverInput {
  @Field(() => ID, { nullable: true, description: 'The team (and the teams under it); null for the whole organisation.' }) teamId: string | null;
  @Field(() => ID) personId: string;
}
