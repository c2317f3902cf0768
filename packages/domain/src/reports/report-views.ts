import { assessorCalibration, calibrationBySkill, calibrationSkills, type AssessorCalibration, type CalibrationCell } from './calibration.js';
import { ALL_PEOPLE, ORGANISATION, roleFilterNode, trackFilterNode, type PeopleFilter, type ReportCatalogue, type TeamHierarchy } from './organisation.js';
import { participationView, trainingDemand, type ParticipationRow, type TrainingDemand } from './participation.js';
import { coverageRisks, gapsByRole, gapsByTeam, requiredVsActual, type GapRow, type LevelHeadcount, type TeamCoverage } from './skill-views.js';
import type { SkillReport } from './skills.js';
import type { SnapshotReports } from './snapshot.js';
import { successionView, type SuccessionCell, type SuccessionReport } from './succession.js';
import type { SuppressionReason } from './suppression.js';

/**
 * What the report reads other than the heatmap need, worked out when a snapshot is built (in the
 * worker, beside `heatmapMatrices`) so that a read fetches a few rows by primary key and parses
 * only them, never the whole report. Each view is the domain view's own output for one drill (the
 * team drilled into, or the organisation) and, where the view takes one, one filter node or
 * target role: the figures and suppression are the report's, looked up, not decided again.
 *
 * The skill category filter is applied on the read (`inCategory`): gaps are ranked by a total
 * order and required vs actual keeps the column order, so the category's part of the whole list
 * is exactly the list worked out for the category alone.
 */

/** The names and ids of a snapshot's catalogue (one per snapshot): a read validates its filters and names things by it. */
export interface ViewNames {
  tracks: { id: string; name: string }[];
  roles: { id: string; title: string; trackId: string }[];
  categories: { id: string; name: string }[];
  skills: { id: string; name: string; categoryId: string }[];
}

/** A drill: the trail from the organisation to the team, and its rows (the team first, then its sub-teams) by name. */
export interface ViewDrill {
  trail: { teamId: string; name: string; path: string }[];
  teams: { teamId: string; name: string; path: string }[];
}

export interface GapsView {
  byTeam: GapRow[];
  required: { teamId: string; suppressed: SuppressionReason | null; rows: LevelHeadcount[] };
}

export interface SuccessionView {
  /** Whether the role is listed when no target role is asked for (it has candidates somewhere). */
  listed: boolean;
  cells: SuccessionCell[];
}

/** The views a snapshot stores, by report; each keyed by the drill and a key ('' where the view takes none). */
export interface ReportViewData {
  names: ViewNames;
  drill: ViewDrill;
  /** Keyed by filter node. */
  gaps: GapsView;
  /** Keyed by track id ('' for every role); only when the report has filters. */
  'gaps-role': GapRow[];
  coverage: TeamCoverage[];
  /** Keyed by target role id. */
  succession: SuccessionView;
  calibration: CalibrationCell[];
  /** The organisation's assessors (one per snapshot). */
  assessors: AssessorCalibration[];
  /** Keyed by filter node. */
  participation: ParticipationRow[];
  training: TrainingDemand[];
}

export type ViewReport = keyof ReportViewData;

export interface StoredView<R extends ViewReport = ViewReport> {
  report: R;
  /** The team drilled into, or {@link ORGANISATION}. */
  teamId: string;
  key: string;
  data: ReportViewData[R];
}

/** Blockers a read shows per succession cell (the CSV shows 3 of them). */
export const SUCCESSION_BLOCKERS = 5;

/** A filter node as a view's filter. */
export function filterOfNode(node: string): PeopleFilter | null {
  if (node === ALL_PEOPLE) return null;
  return node.startsWith('role:') ? { roleId: node.slice(5) } : { trackId: node.slice(6) };
}

function filterNodes(report: { filters: boolean; catalogue: ReportCatalogue }): string[] {
  if (!report.filters) return [ALL_PEOPLE];
  return [ALL_PEOPLE, ...report.catalogue.tracks.map((t) => trackFilterNode(t.id)), ...report.catalogue.roles.map((r) => roleFilterNode(r.id))];
}

export function viewNames(catalogue: ReportCatalogue): ViewNames {
  return {
    tracks: catalogue.tracks.map((t) => ({ id: t.id, name: t.name })),
    roles: catalogue.roles.map((r) => ({ id: r.id, title: r.title, trackId: r.trackId })),
    categories: catalogue.categories.map((c) => ({ id: c.id, name: c.name })),
    skills: catalogue.skills.map((s) => ({ id: s.id, name: s.name, categoryId: s.categoryId })),
  };
}

export function viewDrill(hierarchy: TeamHierarchy, teamId: string): ViewDrill {
  const named = (id: string) => ({ teamId: id, name: hierarchy.names.get(id) ?? id, path: hierarchy.paths.get(id) ?? '' });
  const trail: ViewDrill['trail'] = [];
  for (let node: string | null = teamId; node !== null; node = hierarchy.parent.get(node) ?? null) trail.unshift(named(node));
  return { trail, teams: [teamId, ...(hierarchy.children.get(teamId) ?? [])].map(named) };
}

/** Every view of a snapshot's reports: per drill (each team and the organisation), filter node and target role. */
export function reportViews(reports: SnapshotReports): StoredView[] {
  const { skills, succession, calibration, participation } = reports;
  const views: StoredView[] = [];
  const add = <R extends ViewReport>(report: R, teamId: string, key: string, data: ReportViewData[R]) => views.push({ report, teamId, key, data } as StoredView);
  add('names', ORGANISATION, '', viewNames(skills.catalogue));
  add('assessors', ORGANISATION, '', assessorCalibration(calibration));
  const nodes = filterNodes(skills);
  const participationNodes = filterNodes(participation);
  // Every catalogue role can be asked for; the roles with candidates (some may have left the catalogue) are listed.
  const targetRoles = [...new Set([...skills.catalogue.roles.map((r) => r.id), ...succession.roleIds])];
  const listed = new Set(succession.roleIds);
  const calibrationSkillIds = calibrationSkills(calibration);
  for (const teamId of skills.hierarchy.parent.keys()) {
    add('drill', teamId, '', viewDrill(skills.hierarchy, teamId));
    for (const node of nodes) add('gaps', teamId, node, gapsView(skills, teamId, filterOfNode(node)));
    if (skills.filters) {
      for (const trackId of ['', ...skills.catalogue.tracks.map((t) => t.id)]) add('gaps-role', teamId, trackId, gapsByRole(skills, { teamId, trackId: trackId || null }));
    }
    add('coverage', teamId, '', coverageRisks(skills, { teamId }));
    for (const targetRoleId of targetRoles) {
      add('succession', teamId, targetRoleId, { listed: listed.has(targetRoleId), cells: successionCells(succession, teamId, targetRoleId) });
    }
    add('calibration', teamId, '', calibrationBySkill(calibration, { teamId, skills: calibrationSkillIds }));
    for (const node of participationNodes) add('participation', teamId, node, participationView(participation, { teamId, filter: filterOfNode(node) }));
    add('training', teamId, '', trainingDemand(participation, { teamId }));
  }
  return views;
}

function gapsView(skills: SkillReport, teamId: string, filter: PeopleFilter | null): GapsView {
  return { byTeam: gapsByTeam(skills, { teamId, filter }), required: requiredVsActual(skills, { teamId, filter }) };
}

function successionCells(report: SuccessionReport, teamId: string, targetRoleId: string): SuccessionCell[] {
  return successionView(report, { teamId, targetRoleId }).map((cell) => ({ ...cell, blockers: cell.blockers.slice(0, SUCCESSION_BLOCKERS) }));
}

/** The succession cells of every listed role (no target role asked for), in the report's role order. */
export function listedSuccession(views: readonly { key: string; data: SuccessionView }[]): SuccessionCell[] {
  return views
    .filter((v) => v.data.listed)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .flatMap((v) => v.data.cells);
}

/** Only the skills of one category (null or absent: all), order kept. */
export function gapsInCategory(view: GapsView, names: ViewNames, categoryId?: string | null): GapsView {
  if (!categoryId) return view;
  const keep = skillsOf(names, categoryId);
  return {
    byTeam: gapRowsInCategory(view.byTeam, names, categoryId),
    required: { ...view.required, rows: view.required.rows.filter((r) => keep.has(r.skillId)) },
  };
}

export function gapRowsInCategory(rows: GapRow[], names: ViewNames, categoryId?: string | null): GapRow[] {
  if (!categoryId) return rows;
  const keep = skillsOf(names, categoryId);
  return rows.map((row) => ({ ...row, gaps: row.gaps.filter((g) => keep.has(g.skillId)) }));
}

/**
 * What a view is named by (as CSVs and the API name things): the catalogue's names and the drill's
 * teams. Only names: roles carry no expectations and the team tree only the drill's names and paths.
 */
export function namesOfViews(names: ViewNames, drill: ViewDrill): { catalogue: ReportCatalogue; hierarchy: TeamHierarchy } {
  const teams = new Map([...drill.trail, ...drill.teams].map((t) => [t.teamId, t]));
  return {
    catalogue: { ...names, roles: names.roles.map((r) => ({ ...r, expectations: {} })), levels: [] },
    hierarchy: {
      parent: new Map(),
      children: new Map(),
      depth: new Map(),
      order: [],
      names: new Map([...teams.values()].map((t) => [t.teamId, t.name])),
      paths: new Map([...teams.values()].map((t) => [t.teamId, t.path])),
    },
  };
}

function skillsOf(names: ViewNames, categoryId: string): Set<string> {
  return new Set(names.skills.filter((s) => s.categoryId === categoryId).map((s) => s.id));
}
