import { z } from 'zod';
import { MIN_K } from '../reports/suppression.js';
import { intBetween, uuidSchema, versionSchema } from './text.js';

/** The shape of the reports module's inputs (which month exists is checked by the API). */

export const REPORT_MONTH_MESSAGE = 'A month is written YYYY-MM.';
export const reportMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, REPORT_MONTH_MESSAGE);

export const reportFilterInputSchema = z.object({
  month: reportMonthSchema.nullish(),
  teamId: uuidSchema.nullish(),
  trackId: uuidSchema.nullish(),
  roleId: uuidSchema.nullish(),
  categoryId: uuidSchema.nullish(),
  targetRoleId: uuidSchema.nullish(),
});

export const reportSettingsInputSchema = z.object({
  k: intBetween(MIN_K, 1000, `k is a whole number from ${MIN_K} (no figure may describe fewer people) to 1000.`),
  expectedVersion: versionSchema,
});

export const REPORT_KINDS = ['heatmap', 'gaps', 'coverage', 'succession', 'calibration', 'participation', 'training'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const reportCsvArgsSchema = z.enum(REPORT_KINDS);
