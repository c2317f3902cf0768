import { readiness, type Coverage, type HeldQualification, type Readiness, type SkillGapAnalysis } from '@trellis/domain';
import { toDomainAssessment, type AssessmentRow } from '../assessments/assessments.service.js';
import type { VersionDocument } from './framework-document.js';

/**
 * Readiness as the API serves it (flat, the forecast's variants in one shape), under the rule of
 * known-profile.ts: unrated skills of the person's current role are assumed at its level, anything
 * else is unknown and not counted, and the coverage says how much of the figure rests on ratings.
 */
export interface ReadinessRow {
  roleId: string;
  shareMet: number;
  totalShortfall: number;
  skills: SkillGapAnalysis[];
  blockingGaps: SkillGapAnalysis[];
  unknownSkills: SkillGapAnalysis[];
  coverage: Coverage;
  /** "9 of 28 expectations rated; 18 assumed at the level your current role (PMO Analyst) expects; 1 unknown, not counted." */
  assumption: string;
  qualifications: Readiness['qualifications'];
  forecast: {
    kind: string;
    reason: string | null;
    shortfallClosedPerMonth: number | null;
    monthsToReady: number | null;
    readyBy: Date | null;
    levelsGained: number | null;
    historyMonths: number | null;
  };
}

/** The person's current role as a key of this version (null when they hold none, or one of another version). */
export function currentRoleKeyIn(version: VersionDocument, currentRoleId: string | null | undefined): string | null {
  return currentRoleId ? (version.roleKeyById.get(currentRoleId) ?? null) : null;
}

export function readinessRow(
  version: VersionDocument,
  roleKey: string,
  roleId: string,
  assessments: readonly AssessmentRow[],
  held: readonly HeldQualification[],
  now: Date,
  currentRoleKey: string | null,
): ReadinessRow {
  const result = readiness(version.doc, roleKey, assessments.map(toDomainAssessment), held, now, { currentRoleKey });
  const forecast = result.forecast;
  return {
    roleId,
    shareMet: result.shareMet,
    totalShortfall: result.analysis.totalShortfall,
    skills: result.analysis.skills,
    blockingGaps: result.blockingGaps,
    unknownSkills: result.unknownSkills,
    coverage: result.coverage,
    assumption: result.assumption,
    qualifications: result.qualifications,
    forecast: {
      kind: forecast.kind,
      reason: forecast.kind === 'not-enough-history' ? forecast.reason : null,
      shortfallClosedPerMonth: forecast.kind === 'forecast' ? forecast.shortfallClosedPerMonth : null,
      monthsToReady: forecast.kind === 'forecast' ? forecast.monthsToReady : null,
      readyBy: forecast.kind === 'forecast' ? forecast.readyBy : null,
      levelsGained: forecast.kind === 'forecast' ? forecast.levelsGained : null,
      historyMonths: forecast.kind === 'forecast' ? forecast.historyMonths : null,
    },
  };
}
