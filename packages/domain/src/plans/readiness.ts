import type { FrameworkDocument } from '../framework/document.js';
import { describeCoverage, knownProfile, type Coverage } from '../framework/known-profile.js';
import { getRole } from '../framework/roles.js';
import { profileAt, profileLevels, type Assessment } from './assessments.js';
import { analyseGaps, gapScales, type GapAnalysis, type SkillGapAnalysis } from './gaps.js';

/** A qualification the person holds, with when it was gained. */
export interface HeldQualification {
  key: string;
  achievedOn: Date;
}

export type QualificationState = 'held' | 'missing' | 'expired' | 'expiring';

export interface QualificationReadiness {
  key: string;
  name: string;
  required: boolean;
  state: QualificationState;
  /** When a held qualification with a validity expires. */
  expiresOn: Date | null;
}

export type ReadinessForecast =
  /** Nothing known falls short (`unknownSkills` expectations are not known either way). */
  | { kind: 'ready'; unknownSkills: number }
  | { kind: 'not-enough-history'; reason: string }
  | {
      kind: 'forecast';
      /** Levels of the role's shortfall closed per month over the history. */
      shortfallClosedPerMonth: number;
      monthsToReady: number;
      readyBy: Date;
      /** Levels closed since the first rating of the role's skills, and over how many months. */
      levelsGained: number;
      historyMonths: number;
      /** Levels still short, on what is known. */
      remainingShortfall: number;
    };

export interface Readiness {
  roleKey: string;
  /** Known expectations met ÷ known expectations; 0 when nothing is known (coverage.known = 0), 1 when the role expects nothing. */
  shareMet: number;
  /** How much of the role's expectations is rated, assumed and unknown. */
  coverage: Coverage;
  /** The role unrated skills are assumed from (the current role), or null. */
  assumedFromRoleKey: string | null;
  /** What the figures rest on, in a sentence (see describeCoverage). */
  assumption: string;
  analysis: GapAnalysis;
  /** Known skills below the expectation, largest shortfall first (then in the role's order). */
  blockingGaps: SkillGapAnalysis[];
  /** Expectations neither rated nor assumed: rate them to know. */
  unknownSkills: SkillGapAnalysis[];
  qualifications: QualificationReadiness[];
  forecast: ReadinessForecast;
}

export interface ReadinessOptions {
  /** A held qualification expiring within this many days counts as expiring. Default 90. */
  expiringWithinDays?: number;
  /** The person's current role: unrated skills it expects are assumed at its level (see knownProfile). */
  currentRoleKey?: string | null;
  /** Days of rating history (first rating of the role's skills to now) needed to forecast. Default 90. */
  minHistoryDays?: number;
}

const DAY_MS = 86_400_000;
/** Average Gregorian month, for turning a pace per month into a date. */
const MONTH_MS = 30.436875 * DAY_MS;

function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/**
 * How ready the person is for a role today, from their assessments, under the rule of
 * known-profile.ts (unrated skills of the current role assumed at its level, others unknown and not
 * counted): the share of the known expectations met with the coverage it rests on, the gaps that
 * block, the role's required and recommended qualifications (missing, expired or expiring ones
 * flagged) and a forecast.
 *
 * The forecast is the pace over the person's history: levels of the role's shortfall closed (each
 * skill from its first rating to its latest, capped at the expected level: a first rating is not
 * progress, and going beyond the role does not close other gaps) per month from the first rating of
 * the role's skills to now, extrapolated linearly over the shortfall still known. Less than
 * `minHistoryDays` of history, or no level gained, give "not enough history yet".
 */
export function readiness(
  doc: FrameworkDocument,
  roleKey: string,
  assessments: readonly Assessment[],
  heldQualifications: readonly HeldQualification[],
  now: Date,
  options: ReadinessOptions = {},
): Readiness {
  const role = getRole(doc, roleKey);
  const known = assessments.filter((a) => a.assessedAt.getTime() <= now.getTime());
  const profile = knownProfile(doc, profileLevels(known), options.currentRoleKey);
  const analysis = analyseGaps(profile.rated, role.expectations, gapScales(doc), profile.assumed, role.expectationDetails);
  const { coverage } = analysis;
  // Weighted: a skill the role weights 2 counts twice; optional expectations are not in met or unmet.
  const weightOf = (skills: readonly { weight: number }[]) => skills.reduce((sum, s) => sum + s.weight, 0);
  const knownWeight = weightOf(analysis.met) + weightOf(analysis.unmet);
  const shareMet = analysis.expectedCount === 0 ? 1 : knownWeight === 0 ? 0 : weightOf(analysis.met) / knownWeight;
  const order = new Map(analysis.skills.map((s, i) => [s.skillKey, i]));
  const blockingGaps = analysis.unmet
    .slice()
    .sort((a, b) => b.shortfall - a.shortfall || (order.get(a.skillKey) as number) - (order.get(b.skillKey) as number));
  const assumedFrom = profile.assumedFromRoleKey ? getRole(doc, profile.assumedFromRoleKey).title : null;

  const withinMs = (options.expiringWithinDays ?? 90) * DAY_MS;
  const qualifications: QualificationReadiness[] = doc.qualifications
    .filter((q) => q.requiredForRoleKeys.includes(roleKey) || q.recommendedForRoleKeys.includes(roleKey))
    .map((q): QualificationReadiness => {
      const required = q.requiredForRoleKeys.includes(roleKey);
      const held = heldQualifications
        .filter((h) => h.key === q.key)
        .sort((a, b) => b.achievedOn.getTime() - a.achievedOn.getTime())[0];
      if (!held) return { key: q.key, name: q.name, required, state: 'missing', expiresOn: null };
      const expiresOn = q.validityMonths ? addMonths(held.achievedOn, q.validityMonths) : null;
      const state: QualificationState = !expiresOn
        ? 'held'
        : expiresOn.getTime() <= now.getTime()
          ? 'expired'
          : expiresOn.getTime() - now.getTime() <= withinMs
            ? 'expiring'
            : 'held';
      return { key: q.key, name: q.name, required, state, expiresOn };
    })
    .sort((a, b) => Number(b.required) - Number(a.required) || (a.name < b.name ? -1 : 1));

  return {
    roleKey,
    shareMet,
    coverage,
    assumedFromRoleKey: profile.assumedFromRoleKey,
    assumption: describeCoverage(coverage, assumedFrom),
    analysis,
    blockingGaps,
    unknownSkills: analysis.unknown,
    qualifications,
    forecast: forecast(known, analysis, now, options.minHistoryDays ?? DEFAULT_MIN_HISTORY_DAYS),
  };
}

/** Days of rating history needed before forecasting: under a quarter, a pace says little. */
export const DEFAULT_MIN_HISTORY_DAYS = 90;

const isoDate = (instant: number) => new Date(instant).toISOString().slice(0, 10);

function forecast(assessments: readonly Assessment[], today: GapAnalysis, now: Date, minHistoryDays: number): ReadinessForecast {
  if (today.coverage.known === 0 && today.expectedCount > 0) {
    return { kind: 'not-enough-history', reason: 'nothing is known yet about this role’s skills: rate them first' };
  }
  if (today.totalShortfall === 0) return { kind: 'ready', unknownSkills: today.coverage.unknown };
  const expected = new Map(today.skills.map((s) => [s.skillKey, s.requiredLevel]));
  const relevant = assessments.filter((a) => expected.has(a.skillKey));
  if (relevant.length === 0) {
    return { kind: 'not-enough-history', reason: 'no ratings of this role’s skills yet' };
  }
  const first = Math.min(...relevant.map((a) => a.assessedAt.getTime()));
  const historyDays = (now.getTime() - first) / DAY_MS;
  if (historyDays < minHistoryDays) {
    return {
      kind: 'not-enough-history',
      reason: `ratings of this role’s skills go back ${Math.max(0, Math.floor(historyDays))} days (to ${isoDate(first)}); a forecast needs ${minHistoryDays}`,
    };
  }
  const current = profileLevels(relevant);
  let gained = 0;
  for (const [skillKey, required] of expected) {
    const rated = relevant.filter((a) => a.skillKey === skillKey).map((a) => a.assessedAt.getTime());
    if (rated.length === 0) continue;
    const firstLevel = profileAt(relevant, new Date(Math.min(...rated)))[skillKey] ?? 0;
    const latestLevel = current[skillKey] ?? 0;
    gained += Math.min(required, latestLevel) - Math.min(required, firstLevel);
  }
  if (gained <= 0) {
    return { kind: 'not-enough-history', reason: `no level of this role’s skills gained since the first rating (${isoDate(first)}) yet` };
  }
  const months = (now.getTime() - first) / MONTH_MS;
  const perMonth = gained / months;
  const monthsToReady = today.totalShortfall / perMonth;
  return {
    kind: 'forecast',
    shortfallClosedPerMonth: Math.round(perMonth * 100) / 100,
    monthsToReady: Math.round(monthsToReady * 10) / 10,
    readyBy: new Date(now.getTime() + monthsToReady * MONTH_MS),
    levelsGained: gained,
    historyMonths: Math.round(months * 10) / 10,
    remainingShortfall: today.totalShortfall,
  };
}
