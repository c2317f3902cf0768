import {
  assessorCsv,
  calibrationCsv,
  coverageCsv,
  gapsCsv,
  heatmapMatrixCsv,
  participationCsv,
  requiredVsActualCsv,
  successionCsv,
  trainingDemandCsv,
  trendCsv,
  type CsvNames,
  type CsvRecords,
} from '@trellis/domain';
import { stringify } from 'csv-stringify/sync';
import { ReportKindValue } from './reports.models.js';
import type { ReportActor, ReportFilter, ReportsService } from './reports.service.js';

/**
 * Each report as CSV (the domain shapes the records: suppressed figures as "<k", text guarded
 * against formulas). A download is a report read like any other: same rights, same audit.
 */
export async function reportCsv(reports: ReportsService, actor: ReportActor, kind: ReportKindValue, input: ReportFilter): Promise<string> {
  const records = await csvRecords(reports, actor, kind, input);
  return stringify(records);
}

async function csvRecords(reports: ReportsService, actor: ReportActor, kind: ReportKindValue, input: ReportFilter): Promise<CsvRecords> {
  switch (kind) {
    case ReportKindValue.HEATMAP: {
      const { meta, columns, rows } = await reports.heatmap(actor, input);
      return heatmapMatrixCsv(meta.k, { columns, rows });
    }
    case ReportKindValue.GAPS: {
      const { csvSource, meta } = await reports.gaps(actor, input);
      const n = { ...csvSource.names, k: meta.k };
      return [...gapsCsv(n, csvSource.byTeam), ...gapsCsv(n, csvSource.byRole).slice(1)];
    }
    case ReportKindValue.COVERAGE: {
      const { csvSource, meta } = await reports.gaps(actor, input);
      const n = { ...csvSource.names, k: meta.k };
      return [...coverageCsv(n, csvSource.coverage), [], ...requiredVsActualCsv(n, csvSource.required)];
    }
    case ReportKindValue.SUCCESSION: {
      const { csvSource, meta } = await reports.succession(actor, input);
      return successionCsv({ ...csvSource.names, k: meta.k }, csvSource.cells);
    }
    case ReportKindValue.CALIBRATION: {
      const { csvSource, meta } = await reports.calibration(actor, input);
      const n = { ...csvSource.names, k: meta.k };
      return [...calibrationCsv(n, csvSource.bySkill), [], ...assessorCsv(n, csvSource.assessors, (id) => csvSource.people.get(id) ?? 'Someone who left')];
    }
    case ReportKindValue.PARTICIPATION: {
      const { csvSource, meta } = await reports.participation(actor, input);
      return participationCsv({ ...csvSource.names, k: meta.k }, csvSource.rows);
    }
    case ReportKindValue.TREND: {
      const { k, points } = await reports.trend(actor);
      const catalogue = await catalogueFor(reports, actor, {});
      const n = { ...catalogue, k };
      const month = (m: string | null) => m ?? 'now';
      const lines = [
        ['Share meeting their role', 'shareMeeting'],
        ['With a plan', 'withPlan'],
        ['Agreed plans', 'agreed'],
        ['Reviews overdue', 'overdue'],
      ] as const;
      return lines.flatMap(([title, key], i) => [
        ...(i > 0 ? [[]] : []),
        ...trendCsv(n, title, 'share', points.map((p) => ({ month: month(p.month), figure: p[key] }))),
      ]);
    }
    case ReportKindValue.TRAINING: {
      const { csvSource, meta } = await reports.participation(actor, input);
      return trainingDemandCsv({ ...csvSource.names, k: meta.k }, csvSource.training);
    }
  }
}

/** The names a CSV needs (not audited again: the report read that goes with it is). */
function catalogueFor(reports: ReportsService, actor: ReportActor, input: ReportFilter): Promise<Omit<CsvNames, 'k'>> {
  return reports.names(actor, input);
}
