import type { FrameworkDocument } from '../framework/document.js';
import { getRole } from '../framework/roles.js';
import { profileAt, profileLevels, type Assessment } from './assessments.js';
import { analyseGaps, type GapAnalysis, type SkillGapAnalysis } from './gaps.js';

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
  | { kind: 'ready' }
  | { kind: 'not-enough-history'; reason: string }
  | { kind: 'forecast'; shortfallClosedPerMonth: number; monthsToReady: number; readyBy: Date };

export interface Readiness {
  roleKey: string;
  /** Expectations met ÷ expectations (1 when the role expects nothing). */
  shareMet: number;
  analysis: GapAnalysis;
  /** Unmet and unassessed skills, largest shortfall first (then in the role's order). */
  blockingGaps: SkillGapAnalysis[];
  qualifications: QualificationReadiness[];
  forecast: ReadinessForecast;
}

export interface ReadinessOptions {
  /** A held qualification expiring within this many days counts as expiring. Default 90. */
  expiringWithinDays?: number;
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
 * How ready the person is for a role today, from their assessments: the share of expectations met,
 * the gaps that block, the role's required and recommended qualifications (missing, expired or
 * expiring ones flagged) and a forecast.
 *
 * The forecast takes the pace so far (levels of the role's shortfall closed per month, each skill
 * measured from its first rating, between the first and the last dated assessment) and extrapolates
 * it linearly from today. Fewer than two
 * dated points, or no progress between them, give "not enough history yet".
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
  const analysis = analyseGaps(profileLevels(known), role.expectations, doc.proficiencyScale);
  const shareMet = analysis.expectedCount === 0 ? 1 : analysis.met.length / analysis.expectedCount;
  const order = new Map(analysis.skills.map((s, i) => [s.skillKey, i]));
  const blockingGaps = analysis.skills
    .filter((s) => s.status !== 'met')
    .sort((a, b) => b.shortfall - a.shortfall || (order.get(a.skillKey) as number) - (order.get(b.skillKey) as number));

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

  return { roleKey, shareMet, analysis, blockingGaps, qualifications, forecast: forecast(doc, roleKey, known, analysis, now) };
}

function forecast(
  doc: FrameworkDocument,
  roleKey: string,
  assessments: readonly Assessment[],
  today: GapAnalysis,
  now: Date,
): ReadinessForecast {
  if (today.totalShortfall === 0) return { kind: 'ready' };
  const expectations = getRole(doc, roleKey).expectations;
  const relevant = assessments.filter(
(a) => Object.prototype.hasOwnProperty.call(expectations, a.skillKey));
  const instants = [...new Set(relevant.map((a) => a.assessedAt.getTime()))].sort((a, b) => a - b);
  if (instants.length < 2) {
    return { kind: 'not-enough-history', reason: 'fewer than two dated assessments of this role’s skills' };
  }
  const first = instants[0] as number;
  const last = instants[instants.length - 1] as number;
  // Progress per skill from its first rating, capped at the expected level: assessing a skill for the
  // first time is not progress, and going beyond what the role expects does not close other gaps.
  const current = profileLevels(relevant);
  let closed = 0;
  for (const skill of today.skills) {
    const rated = relevant.filter((a) => a.skillKey === skill.skillKey).map((a) => a.assessedAt.getTime());
    if (rated.length === 0) continue;
    const firstLevel = profileAt(relevant, new Date(Math.min(...rated)))[skill.skillKey] ?? 0;
    const latestLevel = current[skill.skillKey] ?? 0;
    closed += Math.min(skill.requiredLevel, latestLevel) - Math.min(skill.requiredLevel, firstLevel);
  }
  const months = (last - first) / MONTH_MS;
  if (closed <= 0 || months <= 0) {
    return { kind: 'not-enough-history', reason: 'no progress on this role’s skills between the dated assessments yet' };
  }
  const perMonth = closed / months;
  const monthsToReady = today.totalShortfall / perMonth;
  return {
    kind: 'forecast',
    shortfallClosedPerMonth: Math.round(perMonth * 100) / 100,
    monthsToReady: Math.round(monthsToReady * 10) / 10,
    readyBy: new Date(now.getTime() + monthsToReady * MONTH_MS),
  };
}
