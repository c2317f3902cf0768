import {
  ALL_PEOPLE,
  ORGANISATION,
  filterNode,
  loadReports,
  namesOfViews,
  teamHierarchy,
  type PeopleFilter,
  type ReportCatalogue,
  type ReportViewData,
  type TeamLike,
  type ViewDrill,
  type ViewNames,
  type ViewReport,
} from '@trellis/domain';
import { AppError, badInput } from '../common/errors.js';
import type { ReportNames } from './report-models.js';
import { CURRENT } from './report-refresh.service.js';
import type { ReportQueries } from './report-reader.js';
import type { ReportMeta } from './reports.models.js';
import type { ReportFilter } from './reports.service.js';

/**
 * How a report read finds its figures: the views stored with the snapshot, fetched by primary key
 * with the snapshot's header in one statement (`fetchViews`); or, for snapshots stored before their
 * views and to refuse bad input clearly, the whole stored report (`reportScope`).
 */

export type StoredPart = 'skills' | 'succession' | 'calibration' | 'participation' | 'catalogue';

/** What a read worked out from a whole stored report works on (snapshots stored before their views; refusing bad input). */
export interface ReportScope {
  /** The database the report is read from (the replica when configured). */
  db: ReportQueries;
  meta: ReportMeta;
  names: ReportNames;
  filter: PeopleFilter | null;
  teamId: string | null;
  part<T>(report: StoredPart): Promise<T>;
}

/** A view a read wants: the report, its key (null: every key of the drill), for the drill unless `team` says otherwise. */
export type Wanted = [ViewReport, string | null, { team?: string; optional?: boolean }?];

/** The views a read fetched with the snapshot's header. */
export interface Fetched {
  meta: ReportMeta;
  names: ReportNames;
  viewNames: ViewNames;
  drill: ViewDrill;
  one<R extends ViewReport>(report: R): ReportViewData[R] | undefined;
  all<R extends ViewReport>(report: R): { key: string; data: ReportViewData[R] }[];
}

/** The header, names, drill and wanted views of a snapshot (one statement); null when any is missing or a filter is unknown. */
export async function fetchViews(db: ReportQueries, organisationId: string, input: ReportFilter, wanted: Wanted[]): Promise<Fetched | null> {
  const drill = input.teamId ?? ORGANISATION;
  const all: Wanted[] = [['names', '', { team: ORGANISATION }], ['drill', ''], ...wanted];
  // Each wanted view by primary key (a nested loop over the list): OFFSET 0 keeps the planner from
  // flattening the lateral into a hash join over every view of the snapshot (tens of thousands of rows).
  const rows = await db.query<{ k: number; refreshedAt: Date; people: number; filters: boolean; report: string; key: string | null; data: string | null }>(
    `SELECT s.k, s.refreshed_at AS "refreshedAt", s.people, s.filters, w.report, v.key, v.data
     FROM report_snapshots s CROSS JOIN unnest($3::text[], $4::text[], $5::text[]) AS w(report, team_id, key)
     LEFT JOIN LATERAL (
       SELECT v.key, v.data FROM report_views v WHERE v.organisation_id = s.organisation_id AND v.snapshot = s.snapshot
         AND v.report = w.report AND v.team_id = w.team_id AND (w.key IS NULL OR v.key = w.key)
       OFFSET 0
     ) v ON true
     WHERE s.organisation_id = $1 AND s.snapshot = $2`,
    [organisationId, input.month ?? CURRENT, all.map((w) => w[0]), all.map((w) => w[2]?.team ?? drill), all.map((w) => w[1])],
  );
  const found = new Map<string, { key: string; data: unknown }[]>();
  for (const row of rows) {
    if (row.data === null) continue;
    const list = found.get(row.report) ?? [];
    list.push({ key: row.key as string, data: JSON.parse(row.data) as unknown });
    found.set(row.report, list);
  }
  if (rows.length === 0 || all.some(([report, , options]) => !options?.optional && !found.has(report))) return null;
  const viewNames = found.get('names')![0]!.data as ViewNames;
  if (!knownIds(viewNames, input)) return null;
  const [header] = rows as [(typeof rows)[number]];
  const drillView = found.get('drill')![0]!.data as ViewDrill;
  return {
    meta: { month: input.month ?? null, k: header.k, refreshedAt: new Date(header.refreshedAt), people: header.people, filters: header.filters },
    names: namesOfViews(viewNames, drillView),
    viewNames,
    drill: drillView,
    one: <R extends ViewReport>(report: R) => found.get(report)?.[0]?.data as ReportViewData[R] | undefined,
    all: <R extends ViewReport>(report: R) => (found.get(report) ?? []) as { key: string; data: ReportViewData[R] }[],
  };
}

export function checkFilters(filters: boolean, scope: ReportScope): void {
  if (scope.filter && !filters) throw badInput({ roleId: 'Figures by track and role are not kept for an organisation this large.' });
}

export async function snapshotHeader(db: ReportQueries, organisationId: string, snapshot: string) {
  const [row] = await db.query<{ snapshot: string; k: number; refreshedAt: Date; people: number; filters: boolean }>(
    `SELECT snapshot, k, refreshed_at AS "refreshedAt", people, filters FROM report_snapshots WHERE organisation_id = $1 AND snapshot = $2`,
    [organisationId, snapshot],
  );
  return row ?? null;
}

export async function reportScope(db: ReportQueries, organisationId: string, input: ReportFilter): Promise<ReportScope> {
  const snapshot = input.month ?? CURRENT;
  const header = await snapshotHeader(db, organisationId, snapshot);
  if (!header) {
    if (input.month) throw badInput({ month: 'There is no report for that month: the last 12 month ends are kept.' });
    throw new AppError('NOT_FOUND', 'The reports are being prepared: try again in a minute.');
  }
  // Parsed on each read (several processes serve reads; these are the rare ones: old snapshots, bad input, trend CSV names).
  const part = async <T>(report: StoredPart): Promise<T> => {
    const [row] = await db.query<{ data: string }>(`SELECT data FROM report_results WHERE organisation_id = $1 AND snapshot = $2 AND report = $3`, [
      organisationId,
      snapshot,
      report,
    ]);
    if (!row) throw new AppError('NOT_FOUND', 'The reports are being prepared: try again in a minute.');
    return loadReports<T>(row.data);
  };
  const names = await part<{ catalogue: ReportCatalogue; teams: TeamLike[] }>('catalogue');
  const hierarchy = teamHierarchy(names.teams);
  if (input.teamId && !hierarchy.parent.has(input.teamId)) throw badInput({ teamId: 'Not a team of this organisation.' });
  if (input.roleId && !names.catalogue.roles.some((r) => r.id === input.roleId)) throw badInput({ roleId: 'Not a role of a published framework.' });
  if (input.trackId && !names.catalogue.tracks.some((t) => t.id === input.trackId)) throw badInput({ trackId: 'Not a track of a published framework.' });
  if (input.categoryId && !names.catalogue.categories.some((c) => c.id === input.categoryId)) {
    throw badInput({ categoryId: 'Not a skill category of a published framework.' });
  }
  if (input.targetRoleId && !names.catalogue.roles.some((r) => r.id === input.targetRoleId)) {
    throw badInput({ targetRoleId: 'Not a role of a published framework.' });
  }
  const filter: PeopleFilter | null = input.roleId || input.trackId ? { roleId: input.roleId ?? null, trackId: input.trackId ?? null } : null;
  if (filter && filterNode(filter) === ALL_PEOPLE) throw badInput({ roleId: 'Unknown filter.' });
  return {
    db,
    meta: { month: input.month ?? null, k: header.k, refreshedAt: new Date(header.refreshedAt), people: header.people, filters: header.filters },
    names: { catalogue: names.catalogue, hierarchy },
    filter,
    teamId: input.teamId ?? null,
    part,
  };
}

/** Whether every filter id the read names is in the snapshot's catalogue (else the long way refuses it). */
function knownIds(names: ViewNames, input: ReportFilter): boolean {
  const has = (list: { id: string }[], id: string | null | undefined) => !id || list.some((item) => item.id === id);
  return has(names.roles, input.roleId) && has(names.tracks, input.trackId) && has(names.categories, input.categoryId) && has(names.roles, input.targetRoleId);
}

/** The audit record of a report read. */
export function readRecord(report: string, month: string | null, teamId: string | null, input: ReportFilter) {
  return {
    action: 'reports.read',
    summary: `Read the ${report} report${month ? ` as of the end of ${month}` : ''}`,
    subjectType: 'report',
    details: { report, month, teamId, trackId: input.trackId ?? null, roleId: input.roleId ?? null, categoryId: input.categoryId ?? null },
  };
}
