import type { FrameworkDocument } from './framework/document.js';
import { closestRoles, planRoute, type ClosestRolesOptions, type RouteOptions, type SkillProfile } from './framework/paths.js';
import { validateFramework } from './framework/validate.js';
import { headlineFigures, heatmapMatrices, type HeadlineFigures } from './reports/read-models.js';
import { reportViews } from './reports/report-views.js';
import { importFramework, type ImportFile, type ImportFormat } from './framework/importers/index.js';
import { snapshotReports, storeReports, type SnapshotInput, type SnapshotReports } from './reports/snapshot.js';
import { successionCandidates, type CandidatesInput } from './reports/succession-candidates.js';
import { proposeAssignment } from './mentoring/assignment.js';
import type { MatchingPolicy, MenteeForMatching, MentorForMatching } from './mentoring/matching.js';
import { reportingLines, type ReportingPerson } from './mentoring/reporting-lines.js';

/**
 * Domain work heavy enough to run off a server's request thread (apps/api runs these in a worker
 * pool: `DomainWorkerPool`). Each task takes and returns plain data (structured-clonable). To
 * offload another rule, add it here; this module is also the workers' entry point, loaded from the
 * built package (`@trellis/domain/tasks`).
 */
export const domainTasks = {
  planRoute: (input: { doc: FrameworkDocument; fromRoleKey: string; toRoleKey: string; profile: SkillProfile; options?: RouteOptions }) =>
    planRoute(input.doc, input.fromRoleKey, input.toRoleKey, input.profile, input.options),
  closestRoles: (input: { doc: FrameworkDocument; profile: SkillProfile; limit: number; options?: ClosestRolesOptions }) =>
    closestRoles(input.doc, input.profile, input.limit, input.options),
  validateFramework: (input: { document: unknown }) => validateFramework(input.document),
  /** Reading imported files (YAML, Markdown, CSV) into a checked document: large imports run off the request thread. */
  importFramework: (input: { format: ImportFormat | null; files: ImportFile[] }) => importFramework(input),
  /**
   * A report snapshot with suppression decided: each report as JSON text, every heatmap a read may
   * ask for as the JSON it sends, every other report's views per drill (`reportViews`, as JSON text),
   * the headline figures and the rollup rows as JSON (what the API stores).
   * The rows come as objects or, when rebuilt from a stored snapshot, as that JSON.
   */
  reportSnapshot: (
    given: SnapshotInput | (Omit<SnapshotInput, 'rows'> & { rowsJson: string }),
  ): {
    reports: Record<keyof SnapshotReports, string>;
    heatmaps: { teamId: string; filter: string; data: string }[];
    views: { report: string; teamId: string; key: string; data: string }[];
    headline: HeadlineFigures;
    rowsJson: string;
  } => {
    // The rollup rows travel as JSON text both ways (stored compressed): at 100,000 people they are
    // hundreds of megabytes, too big to stringify or parse on a server's request thread.
    const input: SnapshotInput = 'rowsJson' in given ? { ...given, rows: JSON.parse(given.rowsJson) as SnapshotInput['rows'] } : given;
    const reports = snapshotReports(input);
    return {
      rowsJson: 'rowsJson' in given ? given.rowsJson : JSON.stringify(given.rows),
      reports: {
        skills: storeReports(reports.skills),
        succession: storeReports(reports.succession),
        calibration: storeReports(reports.calibration),
        participation: storeReports(reports.participation),
      },
      heatmaps: heatmapMatrices(reports.skills).map((h) => ({ teamId: h.teamId, filter: h.filter, data: JSON.stringify(h.matrix) })),
      views: reportViews(reports).map((v) => ({ report: v.report, teamId: v.teamId, key: v.key, data: JSON.stringify(v.data) })),
      headline: headlineFigures(reports.skills, reports.participation),
    };
  },
  /** Readiness and its outlook for everyone with an open plan (a report snapshot's succession rows). */
  successionCandidates: (input: CandidatesInput) => successionCandidates(input),
  /** The matching board: reporting lines travel as people (a function cannot cross to a worker). */
  proposeAssignment: (input: { mentees: MenteeForMatching[]; mentors: MentorForMatching[]; people: ReportingPerson[]; policy?: MatchingPolicy }) =>
    proposeAssignment({ mentees: input.mentees, mentors: input.mentors, lines: reportingLines(input.people), policy: input.policy }),
};

export type DomainTaskName = keyof typeof domainTasks;
export type DomainTaskInput<N extends DomainTaskName> = Parameters<(typeof domainTasks)[N]>[0];
export type DomainTaskOutput<N extends DomainTaskName> = ReturnType<(typeof domainTasks)[N]>;

export interface DomainTask<N extends DomainTaskName = DomainTaskName> {
  name: N;
  input: DomainTaskInput<N>;
}

/** Runs one task: what a worker does with each message (piscina calls the default export). */
export default function runDomainTask<N extends DomainTaskName>(task: DomainTask<N>): DomainTaskOutput<N> {
  const run = domainTasks[task.name] as (input: DomainTaskInput<N>) => DomainTaskOutput<N>;
  if (typeof run !== 'function') throw new Error(`Unknown domain task ${String(task.name)}`);
  return run(task.input);
}
