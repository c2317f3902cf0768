import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ForeignRow } from '../database/tenant-entity.js';

/** The organisation's report settings: k, the smallest group a figure may describe (never below 3). */
@Entity('report_settings')
@Check('ck_report_settings_k', `k >= 3`)
export class ReportSettingsEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  @Column({ type: 'int', default: 5 })
  k: number;

  /** Stale edits are refused (CONFLICT). */
  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/**
 * One snapshot of the organisation's report rollups: the current one (`snapshot` = 'current') or a
 * month end (`snapshot` = 'YYYY-MM', `month_end` the instant it ended). `packed_rows` (or `rows`) holds the rollup rows
 * (per team and role: headcounts, skill levels, succession, blockers, calibration, plan health,
 * training demand), `stamp` what they were built from (to know when a refresh is due).
 */
@Entity('report_snapshots')
@Check('ck_report_snapshots_rows_kept', `rows IS NOT NULL OR packed_rows IS NOT NULL`)
export class ReportSnapshotEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @ManyToOne('organisations', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: ForeignRow;

  @PrimaryColumn('text')
  snapshot: string;

  @Column({ type: 'timestamptz', nullable: true })
  monthEnd: Date | null;

  @Column('int')
  k: number;

  @Column('boolean')
  filters: boolean;

  @Column('text')
  stamp: string;

  @Column('int')
  people: number;

  /** The rows as jsonb: snapshots stored before `packed_rows`. */
  @Column({ type: 'jsonb', nullable: true })
  rows: unknown;

  /** The rows as gzip-compressed JSON (jsonb holds at most 256 MB; 100,000 people × 50 skills pass it). */
  @Column({ type: 'bytea', nullable: true })
  packedRows: Buffer | null;

  /** The organisation's headline figures (`HeadlineFigures`), for the trend lines; null for snapshots built before they were kept. */
  @Column({ type: 'jsonb', nullable: true })
  headline: unknown;

  @Column('timestamptz')
  refreshedAt: Date;

  /** How long the last refresh of this snapshot took (current only; null before it was kept): the job's pace. */
  @Column({ type: 'real', nullable: true })
  refreshSeconds: number | null;
}

/**
 * A report of a snapshot as built from its rollups, rolled up the team tree and the filters, with
 * suppression decided over the whole cube (`storeReports` form): reads only look figures up here.
 */
@Entity('report_results')
export class ReportResultEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('text')
  snapshot: string;

  @ManyToOne('report_snapshots', { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'organisation_id', referencedColumnName: 'organisationId' },
    { name: 'snapshot', referencedColumnName: 'snapshot' },
  ])
  snapshotRow?: ForeignRow;

  /** skills, succession, calibration, participation. */
  @PrimaryColumn('text')
  report: string;

  /** JSON text, not jsonb: cell keys hold NUL separators, which jsonb cannot store; and it is read back whole. */
  @Column('text')
  data: string;
}

/**
 * One heatmap of a snapshot, as the matrix a read sends: the team drilled into (or '*', the
 * organisation) × a filter node ('all', 'track:<id>', 'role:<id>'). Built with the snapshot, so a
 * heatmap read is one primary-key fetch.
 */
@Entity('report_heatmaps')
export class ReportHeatmapEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('text')
  snapshot: string;

  @ManyToOne('report_snapshots', { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'organisation_id', referencedColumnName: 'organisationId' },
    { name: 'snapshot', referencedColumnName: 'snapshot' },
  ])
  snapshotRow?: ForeignRow;

  @PrimaryColumn('text')
  teamId: string;

  @PrimaryColumn('text')
  filter: string;

  /** The matrix as JSON text (`HeatmapMatrix`): parsed and sent as is. */
  @Column('text')
  data: string;
}

/**
 * One view of a snapshot's report (gaps, coverage, succession, calibration, participation, training;
 * `names` and `drill` for naming and validating): the team drilled into (or '*') × a key (a filter
 * node, a target role id, or ''). Built with the snapshot (the domain's `reportViews`), so a read
 * fetches a few rows by primary key.
 */
@Entity('report_views')
export class ReportViewEntity {
  @PrimaryColumn('uuid')
  organisationId: string;

  @PrimaryColumn('text')
  snapshot: string;

  @ManyToOne('report_snapshots', { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'organisation_id', referencedColumnName: 'organisationId' },
    { name: 'snapshot', referencedColumnName: 'snapshot' },
  ])
  snapshotRow?: ForeignRow;

  @PrimaryColumn('text')
  report: string;

  @PrimaryColumn('text')
  teamId: string;

  @PrimaryColumn('text')
  key: string;

  /** The view as JSON text (`ReportViewData[report]`). */
  @Column('text')
  data: string;
}
