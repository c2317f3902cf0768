import type { TeamLike } from '../people/teams.js';
import { teamHierarchy, type TeamHierarchy } from './organisation.js';
import { cellKey, figure, rollUp, suppressMeasure, type Figure, type RolledCell } from './rollup.js';
import { drillRows } from './skills.js';
import type { SuppressionReason } from './suppression.js';

/**
 * Calibration (point 4): how another assessor's rating of a skill compares with the person's own
 * (difference = assessor's level − self level: negative when the assessor rates lower), per skill,
 * per team and per assessor: the mean difference, its spread (standard deviation), and the assessors
 * whose ratings sit far above or below the others' on the same skills.
 *
 * A pair is one person's latest self rating of a skill and their latest rating of it by one source
 * (their manager, or a mentor: the latest mentor rating, whoever gave it), both as of the snapshot;
 * mentor ratings are also paired with the latest manager rating (mentor − manager). The rollup keeps, per (team, skill, source, assessor), the number of pairs and the
 * sums of differences and squared differences, which add up, so means and standard deviations of any
 * group follow: mean = Σd / n, variance = (Σd² − (Σd)²/n) / (n − 1).
 */

export const CALIBRATION_SOURCES = ['manager', 'mentor', 'mentorVsManager'] as const;
/**
 * A comparison: 'manager' is manager − self, 'mentor' is mentor − self, 'mentorVsManager' is
 * mentor − manager (the assessor being the mentor). Named "source" for the assessor compared.
 */
export type CalibrationSource = (typeof CALIBRATION_SOURCES)[number];
/** Who rated in a comparison, and whom they are compared with. */
export const COMPARISONS: Readonly<Record<CalibrationSource, { assessor: 'manager' | 'mentor'; baseline: 'self' | 'manager' }>> = {
  manager: { assessor: 'manager', baseline: 'self' },
  mentor: { assessor: 'mentor', baseline: 'self' },
  mentorVsManager: { assessor: 'mentor', baseline: 'manager' },
};

export interface CalibrationRow {
  teamId: string | null;
  skillId: string;
  source: CalibrationSource;
  assessorId: string;
  /** Pairs: one per person (per skill and source), so also people. */
  pairs: number;
  sumDifference: number;
  sumSquaredDifference: number;
}

/** A rating for building calibration rows from raw data. */
export interface CalibrationRating {
  skillId: string;
  level: number;
  source: 'self' | 'manager' | 'mentor';
  /** Who gave it (null for self ratings). */
  assessorId: string | null;
  assessedAt: Date;
}

export interface CalibrationPerson {
  id: string;
  teamId: string | null;
  ratings: readonly CalibrationRating[];
}

function latest(ratings: readonly CalibrationRating[]): CalibrationRating | null {
  return ratings.reduce<CalibrationRating | null>(
    (best, r) => (!best || r.assessedAt.getTime() > best.assessedAt.getTime() || (r.assessedAt.getTime() === best.assessedAt.getTime() && r.level > best.level) ? r : best),
    null,
  );
}

/** The calibration rollup of a list of people, from their ratings as they stood at `asOf` (default: all). */
export function calibrationRowsFromPeople(people: readonly CalibrationPerson[], asOf?: Date): CalibrationRow[] {
  const rows = new Map<string, CalibrationRow>();
  for (const person of people) {
    const known = asOf ? person.ratings.filter((r) => r.assessedAt.getTime() <= asOf.getTime()) : person.ratings;
    const skills = [...new Set(known.map((r) => r.skillId))];
    for (const skillId of skills) {
      const ofSkill = known.filter((r) => r.skillId === skillId);
      for (const source of CALIBRATION_SOURCES) {
        const { assessor, baseline } = COMPARISONS[source];
        const base = latest(ofSkill.filter((r) => r.source === baseline));
        const other = latest(ofSkill.filter((r) => r.source === assessor && r.assessorId !== null));
        if (!base || !other) continue;
        const d = other.level - base.level;
        const key = `${person.teamId ?? ''}\u0000${skillId}\u0000${source}\u0000${other.assessorId}`;
        const row = rows.get(key) ?? {
          teamId: person.teamId,
          skillId,
          source,
          assessorId: other.assessorId as string,
          pairs: 0,
          sumDifference: 0,
          sumSquaredDifference: 0,
        };
        row.pairs++;
        row.sumDifference += d;
        row.sumSquaredDifference += d * d;
        rows.set(key, row);
      }
    }
  }
  return [...rows.values()];
}

export interface CalibrationInput {
  teams: readonly TeamLike[];
  rows: readonly CalibrationRow[];
  k: number;
  /** An assessor is flagged when their shrunk offset is at least this many levels (default 1). */
  flagThreshold?: number;
  /** Pairs of weight pulling an offset towards 0 (default 5): see {@link assessorCalibration}. */
  priorPairs?: number;
}

export interface CalibrationReport {
  hierarchy: TeamHierarchy;
  k: number;
  flagThreshold: number;
  priorPairs: number;
  rows: readonly CalibrationRow[];
  /** Per (team, 'all', skill·source): [pairs, Σd, Σd²]. */
  cells: ReadonlyMap<string, RolledCell>;
  suppressed: ReadonlyMap<string, SuppressionReason>;
}

const NO_FILTER = { skills: [], categories: [], tracks: [], roles: [], levels: [] };
const key = (skillId: string, source: CalibrationSource) => `${skillId}\u0000${source}`;

export function calibrationReport(input: CalibrationInput): CalibrationReport {
  const hierarchy = teamHierarchy(input.teams);
  const cells = rollUp(
    input.rows.map((r) => ({
      teamId: r.teamId,
      roleId: null,
      key: key(r.skillId, r.source),
      values: [r.pairs, r.sumDifference, r.sumSquaredDifference],
    })),
    3,
    hierarchy,
    NO_FILTER,
    { filters: false },
  );
  return {
    hierarchy,
    k: input.k,
    flagThreshold: input.flagThreshold ?? 1,
    priorPairs: input.priorPairs ?? 5,
    rows: input.rows,
    cells,
    suppressed: suppressMeasure(cells, 0, hierarchy, NO_FILTER, input.k),
  };
}

/** Mean and sample standard deviation from n, Σd and Σd². */
export function meanAndSpread(n: number, sum: number, sumSquares: number): { mean: number | null; standardDeviation: number | null } {
  if (n <= 0) return { mean: null, standardDeviation: null };
  const mean = sum / n;
  if (n < 2) return { mean, standardDeviation: null };
  const variance = Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1));
  return { mean, standardDeviation: Math.sqrt(variance) };
}

export interface CalibrationCell {
  teamId: string;
  skillId: string;
  source: CalibrationSource;
  /** Pairs (value = people). */
  pairs: Figure;
  meanDifference: Figure;
  standardDeviation: Figure;
}

/** The skills the report has pairs for, sorted (the order of {@link calibrationBySkill}). */
export function calibrationSkills(report: CalibrationReport): string[] {
  return [...new Set(report.rows.map((r) => r.skillId))].sort();
}

/**
 * Per skill and source: the team drilled into (the organisation by default) and each sub-team.
 * `skills`: {@link calibrationSkills} worked out once by a caller taking every drill.
 */
export function calibrationBySkill(
  report: CalibrationReport,
  options: { teamId?: string | null; source?: CalibrationSource; skills?: readonly string[] } = {},
): CalibrationCell[] {
  const skills = options.skills ?? calibrationSkills(report);
  const sources = options.source ? [options.source] : [...CALIBRATION_SOURCES];
  const result: CalibrationCell[] = [];
  for (const teamId of drillRows(report.hierarchy, options.teamId)) {
    for (const source of sources) {
      for (const skillId of skills) {
        const cell = cellKey(teamId, 'all', key(skillId, source));
        const values = report.cells.get(cell)?.values;
        const n = (values?.[0] as number | undefined) ?? 0;
        if (n === 0 && !values) continue;
        const suppressed = report.suppressed.get(cell) ?? null;
        const { mean, standardDeviation } = meanAndSpread(n, (values?.[1] as number) ?? 0, (values?.[2] as number) ?? 0);
        result.push({
          teamId,
          skillId,
          source,
          pairs: suppressed ? figure(null, n, suppressed) : { value: n, people: n, suppressed: null },
          meanDifference: figure(mean, n, suppressed),
          standardDeviation: figure(standardDeviation, n, suppressed),
        });
      }
    }
  }
  return result;
}

export type AssessorFlag = 'above' | 'below';

export interface AssessorCalibration {
  assessorId: string;
  source: CalibrationSource;
  /** The most pairs on one skill: a lower bound of the people they rated (value = people). */
  people: Figure;
  /** Over all their pairs. */
  meanDifference: Figure;
  standardDeviation: Figure;
  /** Their mean difference minus the others' on the same skills (weighted by their pairs per skill). */
  offset: Figure;
  /** offset × n ÷ (n + priorPairs): a handful of ratings cannot make a large offset. */
  shrunkOffset: Figure;
  /** above/below when |shrunkOffset| ≥ flagThreshold. */
  flag: AssessorFlag | null;
}

/**
 * Per assessor, with the rule for "rates far above or below the others": for each skill the assessor
 * rated, compare their mean difference (their level − self) with the mean difference of every other
 * assessor of the same source on that skill; average those gaps weighted by the assessor's pairs on
 * each skill (skills nobody else rated are left out) to get the offset, then shrink it towards 0 by
 * n ÷ (n + priorPairs), n being the pairs compared, so that with few ratings the evidence must be
 * overwhelming. Flagged when the shrunk offset is at least `flagThreshold` levels either way.
 *
 * Suppressed (with no flag) when the assessor rated fewer than k people, or when, on a skill they
 * rated, the others' pairs are 1..k-1 (the organisation's figure for the skill minus theirs would
 * describe those few people).
 */
export function assessorCalibration(report: CalibrationReport, options: { source?: CalibrationSource } = {}): AssessorCalibration[] {
  type Sums = { n: number; sum: number; squares: number };
  const perSkill = new Map<string, Sums>();
  const perAssessor = new Map<string, { source: CalibrationSource; assessorId: string; skills: Map<string, Sums> }>();
  for (const r of report.rows) {
    if (options.source && r.source !== options.source) continue;
    const sk = key(r.skillId, r.source);
    const total = perSkill.get(sk) ?? { n: 0, sum: 0, squares: 0 };
    total.n += r.pairs;
    total.sum += r.sumDifference;
    total.squares += r.sumSquaredDifference;
    perSkill.set(sk, total);
    const ak = `${r.source}\u0000${r.assessorId}`;
    const entry = perAssessor.get(ak) ?? { source: r.source, assessorId: r.assessorId, skills: new Map<string, Sums>() };
    const own = entry.skills.get(r.skillId) ?? { n: 0, sum: 0, squares: 0 };
    own.n += r.pairs;
    own.sum += r.sumDifference;
    own.squares += r.sumSquaredDifference;
    entry.skills.set(r.skillId, own);
    perAssessor.set(ak, entry);
  }
  const { k, flagThreshold, priorPairs } = report;
  const result: AssessorCalibration[] = [];
  for (const { source, assessorId, skills } of perAssessor.values()) {
    let n = 0;
    let sum = 0;
    let squares = 0;
    let people = 0;
    let compared = 0;
    let weightedGap = 0;
    let othersTooFew = false;
    for (const [skillId, own] of skills) {
      n += own.n;
      sum += own.sum;
      squares += own.squares;
      people = Math.max(people, own.n);
      const total = perSkill.get(key(skillId, source)) as Sums;
      const othersN = total.n - own.n;
      if (othersN > 0 && othersN < k) othersTooFew = true;
      if (othersN <= 0) continue;
      const gap = own.sum / own.n - (total.sum - own.sum) / othersN;
      weightedGap += gap * own.n;
      compared += own.n;
    }
    const suppressed: SuppressionReason | null = people < k ? 'small' : othersTooFew ? 'complementary' : null;
    const { mean, standardDeviation } = meanAndSpread(n, sum, squares);
    const offset = compared > 0 ? weightedGap / compared : null;
    const shrunk = offset === null ? null : (offset * compared) / (compared + priorPairs);
    const flag = suppressed || shrunk === null ? null : shrunk >= flagThreshold ? 'above' : shrunk <= -flagThreshold ? 'below' : null;
    result.push({
      assessorId,
      source,
      people: suppressed ? figure(null, people, suppressed) : { value: people, people, suppressed: null },
      meanDifference: figure(mean, people, suppressed),
      standardDeviation: figure(standardDeviation, people, suppressed),
      offset: figure(offset, people, suppressed),
      shrunkOffset: figure(shrunk, people, suppressed),
      flag,
    });
  }
  return result.sort(
    (a, b) =>
      Math.abs(b.shrunkOffset.value ?? 0) - Math.abs(a.shrunkOffset.value ?? 0) ||
      (a.assessorId < b.assessorId ? -1 : a.assessorId > b.assessorId ? 1 : 0) ||
      (a.source < b.source ? -1 : 1),
  );
}
