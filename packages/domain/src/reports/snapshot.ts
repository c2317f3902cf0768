import type { TeamLike } from '../people/teams.js';
import { calibrationReport, type CalibrationReport, type CalibrationRow } from './calibration.js';
import type { ReportCatalogue } from './organisation.js';
import { participationReport, type ParticipationReport, type PlanHealthRow, type TrainingDemandRow, type MentoringRow } from './participation.js';
import { skillReport, type HeadcountRow, type SkillLevelRow, type SkillReport } from './skills.js';
import { successionReport, type BlockerRow, type SuccessionReport, type SuccessionRow } from './succession.js';

/**
 * One snapshot of an organisation's reports (now, or a month end): every rollup row the database
 * keeps, and the reports built from them with suppression decided over the whole cube. The API
 * builds it when rollups change (in a worker: `domainTasks.reportSnapshot`) and stores it; a read
 * only looks figures up in the stored reports (`storeReports` / `loadReports`).
 */
export interface SnapshotRows {
  headcounts: HeadcountRow[];
  skillLevels: SkillLevelRow[];
  succession: SuccessionRow[];
  blockers: BlockerRow[];
  calibration: CalibrationRow[];
  planHealth: PlanHealthRow[];
  trainingDemand: TrainingDemandRow[];
  /** Joins once mentoring is stored; null until then. */
  mentoring: MentoringRow[] | null;
}

export interface SnapshotInput {
  catalogue: ReportCatalogue;
  teams: readonly TeamLike[];
  rows: SnapshotRows;
  k: number;
  /**
   * Also figures by track and role (default true). Above a size (the API's choice) the filtered
   * cube costs seconds of CPU per skill (docs/PERFORMANCE.md); without filters only team figures exist.
   */
  filters?: boolean;
}

export interface SnapshotReports {
  skills: SkillReport;
  succession: SuccessionReport;
  calibration: CalibrationReport;
  participation: ParticipationReport;
}

export function snapshotReports(input: SnapshotInput): SnapshotReports {
  const { catalogue, teams, rows, k } = input;
  const filters = input.filters ?? true;
  return {
    skills: skillReport({ catalogue, teams, headcounts: rows.headcounts, skillLevels: rows.skillLevels, k, filters }),
    succession: successionReport({ teams, succession: rows.succession, blockers: rows.blockers, k }),
    calibration: calibrationReport({ teams, rows: rows.calibration, k }),
    participation: participationReport({
      catalogue,
      teams,
      planHealth: rows.planHealth,
      trainingDemand: rows.trainingDemand,
      mentoring: rows.mentoring,
      k,
      filters,
    }),
  };
}

/**
 * Reports as JSON text (Maps and typed arrays tagged) and back, so a snapshot can be kept in a
 * jsonb column and read back into the same objects the views take.
 */
export function storeReports(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map) return { $map: [...(v as Map<unknown, unknown>).entries()] };
    if (v instanceof Float64Array) return { $f64: Array.from(v) };
    return v;
  });
}

export function loadReports<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const tagged = v as { $map?: [unknown, unknown][]; $f64?: number[] };
      if (tagged.$map) return new Map(tagged.$map);
      if (tagged.$f64) return Float64Array.from(tagged.$f64);
    }
    return v;
  }) as T;
}
