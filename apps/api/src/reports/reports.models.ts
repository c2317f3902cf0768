import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { reportFilterInputSchema, reportSettingsInputSchema } from '@trellis/domain';
import { InputSchema } from '../common/input-validation.js';

export enum ReportKindValue {
  HEATMAP = 'heatmap',
  GAPS = 'gaps',
  COVERAGE = 'coverage',
  SUCCESSION = 'succession',
  CALIBRATION = 'calibration',
  PARTICIPATION = 'participation',
  TRAINING = 'training',
  TREND = 'trend',
}
registerEnumType(ReportKindValue, { name: 'ReportKind', description: 'A report, for its CSV download.' });

@InputType({ description: 'Which snapshot, which part of the organisation, which people.' })
@InputSchema(reportFilterInputSchema)
export class ReportFilterInput {
  @Field(() => String, { nullable: true, description: 'A month end (YYYY-MM) of the last 12; absent: now.' }) month?: string | null;
  @Field(() => ID, { nullable: true, description: 'The team drilled into (its row, then its sub-teams); absent: the organisation.' }) teamId?: string | null;
  @Field(() => ID, { nullable: true }) trackId?: string | null;
  @Field(() => ID, { nullable: true }) roleId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Only the skills of this category.' }) categoryId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Succession: one target role only.' }) targetRoleId?: string | null;
}

@InputType()
@InputSchema(reportSettingsInputSchema)
export class ReportSettingsInput {
  @Field(() => Int, { description: 'The smallest group a figure may describe (at least 3).' }) k: number;
  @Field(() => Int) expectedVersion: number;
}

@ObjectType({ description: 'A figure: its value, how many people it is over, or why it is not shown.' })
export class ReportFigure {
  @Field(() => Float, { nullable: true }) value: number | null;
  @Field(() => Int, { nullable: true }) people: number | null;
  @Field(() => String, { nullable: true, description: 'small, complementary (would reveal a small group by subtraction), unpublished; null: shown.' })
  suppressed: string | null;
}

@ObjectType()
export class ReportMeta {
  @Field(() => String, { nullable: true, description: 'The month end (YYYY-MM), null for now.' }) month: string | null;
  @Field(() => Int) k: number;
  @Field(() => Date) refreshedAt: Date;
  @Field(() => Int) people: number;
  @Field(() => Boolean, { description: 'Whether figures by track and role exist (not for organisations with very many teams).' }) filters: boolean;
}

@ObjectType()
export class ReportOption {
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => ID, { nullable: true, description: "A role's track." }) trackId: string | null;
}

@ObjectType()
export class ReportTeam {
  @Field(() => String, { description: 'A team id, or "*" for the organisation.' }) teamId: string;
  @Field(() => String) name: string;
  @Field(() => String) path: string;
}

@ObjectType()
export class ReportOverview {
  @Field(() => ReportMeta, { nullable: true, description: 'null until the first snapshot is built (a minute after start at most).' })
  meta: ReportMeta | null;
  @Field(() => [String], { description: 'Month ends with a snapshot, newest first.' }) months: string[];
  @Field(() => [ReportOption]) tracks: ReportOption[];
  @Field(() => [ReportOption]) roles: ReportOption[];
  @Field(() => [ReportOption]) categories: ReportOption[];
  @Field(() => [ReportTeam], { description: 'The team drilled into and the teams above it (breadcrumbs), the organisation first.' })
  trail: ReportTeam[];
}

@ObjectType()
export class HeatmapColumnModel {
  @Field(() => ID) skillId: string;
  @Field(() => String) name: string;
  @Field(() => ID) categoryId: string;
  @Field(() => String) categoryName: string;
}

@ObjectType({ description: 'One team of the heatmap: a value per column (null where suppressed or nobody was rated).' })
export class HeatmapRowModel {
  @Field(() => String) teamId: string;
  @Field(() => String) name: string;
  @Field(() => String) path: string;
  @Field(() => Boolean) isDrillRoot: boolean;
  @Field(() => Boolean) hasChildren: boolean;
  @Field(() => [Int], { nullable: 'items', description: 'People assessed per skill.' }) assessed: (number | null)[];
  @Field(() => [Float], { nullable: 'items' }) averageLevel: (number | null)[];
  @Field(() => [Float], { nullable: 'items', description: 'Share (0..1) of the rated people with an expectation meeting it.' }) shareMeeting: (number | null)[];
  @Field(() => [Boolean]) assessedSuppressed: boolean[];
  @Field(() => [Boolean]) meetingSuppressed: boolean[];
}

@ObjectType({ description: 'The heatmap as one compact matrix: columns, then one row per team.' })
export class SkillHeatmap {
  @Field(() => ReportMeta) meta: ReportMeta;
  @Field(() => [HeatmapColumnModel]) columns: HeatmapColumnModel[];
  @Field(() => [HeatmapRowModel]) rows: HeatmapRowModel[];
}

@ObjectType()
export class SkillGapModel {
  @Field(() => ID) skillId: string;
  @Field(() => String) skillName: string;
  @Field(() => ReportFigure) withExpectation: ReportFigure;
  @Field(() => ReportFigure) unrated: ReportFigure;
  @Field(() => ReportFigure) short: ReportFigure;
  @Field(() => ReportFigure) shareShort: ReportFigure;
  @Field(() => ReportFigure) meanShortfall: ReportFigure;
}

@ObjectType()
export class GapRowModel {
  @Field(() => String) teamId: string;
  @Field(() => String) teamName: string;
  @Field(() => ID, { nullable: true }) roleId: string | null;
  @Field(() => String, { nullable: true }) roleTitle: string | null;
  @Field(() => [SkillGapModel], { description: 'The largest shares falling short first (at most 15).' }) gaps: SkillGapModel[];
}

@ObjectType()
export class CoverageRiskModel {
  @Field(() => ID) skillId: string;
  @Field(() => String) skillName: string;
  @Field(() => Int) level: number;
  @Field(() => Int, { description: 'People at or above the level (at most 1: a resignation away from a gap).' }) holders: number;
  @Field(() => [String]) neededByRoles: string[];
  @Field(() => Int) peopleNeeding: number;
}

@ObjectType()
export class TeamCoverageModel {
  @Field(() => String) teamId: string;
  @Field(() => String) teamName: string;
  @Field(() => Int, { nullable: true }) people: number | null;
  @Field(() => String, { nullable: true }) suppressed: string | null;
  @Field(() => [CoverageRiskModel]) risks: CoverageRiskModel[];
}

@ObjectType()
export class LevelHeadcountModel {
  @Field(() => ID) skillId: string;
  @Field(() => String) skillName: string;
  @Field(() => Int) level: number;
  @Field(() => Int) required: number;
  @Field(() => Int) actual: number;
}

@ObjectType()
export class SkillGapsReport {
  @Field(() => ReportMeta) meta: ReportMeta;
  @Field(() => [GapRowModel]) byTeam: GapRowModel[];
  @Field(() => [GapRowModel], { description: 'Per role in the team drilled into (empty without track and role figures).' }) byRole: GapRowModel[];
  @Field(() => [TeamCoverageModel]) coverage: TeamCoverageModel[];
  @Field(() => String, { nullable: true, description: 'Why required vs actual is not shown.' }) requiredVsActualSuppressed: string | null;
  @Field(() => [LevelHeadcountModel]) requiredVsActual: LevelHeadcountModel[];
}

@ObjectType()
export class SuccessionBlockerModel {
  @Field(() => String) kind: string;
  @Field(() => ID) id: string;
  @Field(() => String) name: string;
  @Field(() => ReportFigure) people: ReportFigure;
  @Field(() => ReportFigure) meanShortfall: ReportFigure;
}

@ObjectType()
export class SuccessionCellModel {
  @Field(() => String) teamId: string;
  @Field(() => String) teamName: string;
  @Field(() => ID) targetRoleId: string;
  @Field(() => String) targetRoleTitle: string;
  @Field(() => ReportFigure) candidates: ReportFigure;
  @Field(() => ReportFigure) now: ReportFigure;
  @Field(() => ReportFigure) within6Months: ReportFigure;
  @Field(() => ReportFigure) within12Months: ReportFigure;
  @Field(() => ReportFigure) later: ReportFigure;
  @Field(() => ReportFigure) unknown: ReportFigure;
  @Field(() => [SuccessionBlockerModel]) blockers: SuccessionBlockerModel[];
}

@ObjectType()
export class SuccessionReportModel {
  @Field(() => ReportMeta) meta: ReportMeta;
  @Field(() => [SuccessionCellModel]) cells: SuccessionCellModel[];
}

@ObjectType()
export class CalibrationCellModel {
  @Field(() => String) teamId: string;
  @Field(() => String) teamName: string;
  @Field(() => ID) skillId: string;
  @Field(() => String) skillName: string;
  @Field(() => String, { description: 'manager (manager − self), mentor (mentor − self) or mentorVsManager (mentor − manager).' }) source: string;
  @Field(() => ReportFigure) pairs: ReportFigure;
  @Field(() => ReportFigure, { description: 'Mean of (assessor − baseline) in levels.' }) meanDifference: ReportFigure;
  @Field(() => ReportFigure) standardDeviation: ReportFigure;
}

@ObjectType()
export class AssessorCalibrationModel {
  @Field(() => ID) assessorId: string;
  @Field(() => String) assessorName: string;
  @Field(() => String) source: string;
  @Field(() => ReportFigure) people: ReportFigure;
  @Field(() => ReportFigure) meanDifference: ReportFigure;
  @Field(() => ReportFigure) offset: ReportFigure;
  @Field(() => ReportFigure) shrunkOffset: ReportFigure;
  @Field(() => String, { nullable: true, description: 'above / below: rates far from the other assessors.' }) flag: string | null;
}

@ObjectType()
export class CalibrationReportModel {
  @Field(() => ReportMeta) meta: ReportMeta;
  @Field(() => [CalibrationCellModel]) bySkill: CalibrationCellModel[];
  @Field(() => [AssessorCalibrationModel]) assessors: AssessorCalibrationModel[];
}

@ObjectType({ description: 'Mentoring coverage of a team (shares, counts of pairs); figures over fewer than k people suppressed.' })
export class ParticipationMentoringModel {
  @Field(() => ReportFigure, { description: 'Share of the people with an active mentor or waiting for one.' }) mentees: ReportFigure;
  @Field(() => ReportFigure, { description: 'Share of the mentees with an active mentor.' }) withActiveMentor: ReportFigure;
  @Field(() => ReportFigure, { description: 'Share of the mentees waiting for a mentor (an open request).' }) waiting: ReportFigure;
  @Field(() => ReportFigure, { description: 'Mentees waiting for a mentor (people).' }) waitingPeople: ReportFigure;
  @Field(() => ReportFigure, { description: 'Share of the people with an open plan who have an active mentor.' }) planCoverage: ReportFigure;
  @Field(() => ReportFigure, { description: 'Active mentoring pairs (over the mentees with an active mentor).' }) activePairs: ReportFigure;
  @Field(() => ReportFigure, { description: 'Active pairs fizzling (no session for the organisation’s N weeks).' }) fizzlingPairs: ReportFigure;
  @Field(() => ReportFigure, { description: 'Share of the active pairs fizzling.' }) fizzling: ReportFigure;
}

@ObjectType()
export class ParticipationRowModel {
  @Field(() => String) teamId: string;
  @Field(() => String) teamName: string;
  @Field(() => ReportFigure) people: ReportFigure;
  @Field(() => ReportFigure) withPlan: ReportFigure;
  @Field(() => ReportFigure) agreed: ReportFigure;
  @Field(() => ReportFigure) active: ReportFigure;
  @Field(() => ReportFigure) reviewedOnTime: ReportFigure;
  @Field(() => ReportFigure) overdue: ReportFigure;
  @Field(() => ReportFigure) stale: ReportFigure;
  @Field(() => ParticipationMentoringModel, { nullable: true, description: 'Null in snapshots built before mentoring joined the reports.' })
  mentoring: ParticipationMentoringModel | null;
}

@ObjectType()
export class TrainingTeamFigure {
  @Field(() => String) teamId: string;
  @Field(() => String) teamName: string;
  @Field(() => ReportFigure) people: ReportFigure;
}

@ObjectType()
export class TrainingDemandModel {
  @Field(() => String) kind: string;
  @Field(() => String) itemId: string;
  @Field(() => String) title: string;
  @Field(() => [TrainingTeamFigure]) byTeam: TrainingTeamFigure[];
}

@ObjectType()
export class ParticipationReportModel {
  @Field(() => ReportMeta) meta: ReportMeta;
  @Field(() => [ParticipationRowModel]) rows: ParticipationRowModel[];
  @Field(() => [TrainingDemandModel]) training: TrainingDemandModel[];
}

@ObjectType({ description: "One of my reports' readiness for their plan's target role (people by name: my own reports only)." })
export class ReportReadiness {
  @Field(() => ID) personId: string;
  @Field(() => String) name: string;
  @Field(() => ID) targetRoleId: string;
  @Field(() => String) targetRoleTitle: string;
  @Field(() => String, { description: 'now, within-6-months, within-12-months, later, unknown.' }) bucket: string;
  @Field(() => Float, { nullable: true }) monthsToReady: number | null;
  @Field(() => [String]) blockingSkills: string[];
}

@ObjectType()
export class ReportSettings {
  @Field(() => Int) k: number;
  @Field(() => Int) version: number;
}

@ObjectType()
export class ReportRefresh {
  @Field(() => Boolean, { description: 'False when another process was refreshing: try again shortly.' }) ran: boolean;
  @Field(() => [String]) written: string[];
}

@ObjectType({ description: "The organisation's headline figures at one snapshot." })
export class ReportTrendPoint {
  @Field(() => String, { nullable: true, description: 'The month end (YYYY-MM); null for now.' }) month: string | null;
  @Field(() => ReportFigure, { description: 'Of rated (person, skill) pairs whose role expects the skill, the share meeting it.' }) shareMeeting: ReportFigure;
  @Field(() => ReportFigure, { description: 'Share of people with an open plan.' }) withPlan: ReportFigure;
  @Field(() => ReportFigure, { description: 'Share of people with an agreed or active plan.' }) agreed: ReportFigure;
  @Field(() => ReportFigure, { description: 'Of plans in review, the share overdue.' }) overdue: ReportFigure;
}

@ObjectType({ description: 'Headline figures per month end of the last 12, oldest first, then now.' })
export class ReportTrend {
  @Field(() => Int) k: number;
  @Field(() => [ReportTrendPoint]) points: ReportTrendPoint[];
}
