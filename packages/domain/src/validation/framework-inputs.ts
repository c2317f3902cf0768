import { z } from 'zod';
import { intBetween, multiLineText, singleLineText, TEXT_LIMITS, uuidSchema } from './text.js';

/**
 * The shape of the frameworks module's inputs: draft edits, imports, publishing choices, and the
 * profiles sent to path finding. What an edit means (does the key exist, is the level on the scale)
 * is the draft operations' business (framework/draft-operations.ts).
 */

const name = singleLineText(TEXT_LIMITS.name);
const key = singleLineText(TEXT_LIMITS.name);
const longText = multiLineText(TEXT_LIMITS.note);
const keys = z.array(key).max(1000);
const level = intBetween(-1000, 1000);

/** A framework document (JSON) or an expectations CSV, as text: 5 MB files import. */
export const frameworkFileSchema = multiLineText(TEXT_LIMITS.file);

export const skillLevelInputSchema = z.object({ skillId: uuidSchema, level });

/** A person's profile for path finding: a level per skill. */
export const skillProfileSchema = z.array(skillLevelInputSchema).max(5000);

/** A level's descriptor: its summary (`descriptor`), criteria and examples; at least one of them (checked by the operation). */
export const draftSkillLevelInputSchema = z.object({
  level,
  descriptor: longText.nullish(),
  criteria: z.array(longText).max(100).nullish(),
  examples: z.array(longText).max(100).nullish(),
});
export const scaleLevelInputSchema = z.object({ level, name, summary: longText.nullish() });
export const scaleInputSchema = z.object({ key, name, levels: z.array(scaleLevelInputSchema).max(20) });
export const trackGroupInputSchema = z.object({ key, name, description: longText.nullish() });
export const draftExpectationInputSchema = z.object({ skillKey: key, level: level.nullable() });
export const proficiencyLevelInputSchema = z.object({ level, name, summary: longText });

const points = intBetween(0, 1_000_000);
export const levelPointsInputSchema = z.object({ level, points });
export const skillPointsInputSchema = z.object({ skillKey: key, points: z.array(levelPointsInputSchema).max(100) });
export const subLevelInputSchema = z.object({ name, minPoints: points });
export const pointsLevelInputSchema = z.object({ minPoints: points, name, subLevels: z.array(subLevelInputSchema).max(26).nullish() });
export const pointsTitleInputSchema = z.object({ title: name, minPoints: points, maxPoints: points.nullish() });
export const pointsLevellingInputSchema = z.object({
  pointsByLevel: z.array(levelPointsInputSchema).max(100),
  skillPoints: z.array(skillPointsInputSchema).max(5000).nullish(),
  levels: z.array(pointsLevelInputSchema).max(500),
  titles: z.array(pointsTitleInputSchema).max(500).nullish(),
});

export const draftOperationInputSchema = z.object({
  kind: z.string(),
  key: key.nullish(),
  intoKey: key.nullish(),
  name: name.nullish(),
  title: name.nullish(),
  description: longText.nullish(),
  trackKind: z.string().nullish(),
  trackKey: key.nullish(),
  level: level.nullish(),
  band: level.nullish(),
  summary: longText.nullish(),
  responsibilities: z.array(multiLineText(TEXT_LIMITS.note)).max(200).nullish(),
  position: intBetween(0, 100_000).nullish(),
  categoryKey: key.nullish(),
  levels: z.array(draftSkillLevelInputSchema).max(100).nullish(),
  roleKey: key.nullish(),
  skillKey: key.nullish(),
  expectations: z.array(draftExpectationInputSchema).max(5000).nullish(),
  proficiencyScale: z.array(proficiencyLevelInputSchema).max(100).nullish(),
  fromRoleKey: key.nullish(),
  toRoleKey: key.nullish(),
  transitionKind: z.string().nullish(),
  typicalMonths: intBetween(0, 1200).nullish(),
  guidance: longText.nullish(),
  provider: name.nullish(),
  url: singleLineText(TEXT_LIMITS.url).nullish(),
  validityMonths: intBetween(0, 1200).nullish(),
  skillKeys: keys.nullish(),
  requiredForRoleKeys: keys.nullish(),
  recommendedForRoleKeys: keys.nullish(),
  scaleKey: key.nullish(),
  optional: z.boolean().nullish(),
  weight: z.number().min(0).max(1000).nullish(),
  statement: longText.nullish(),
  scales: z.array(scaleInputSchema).max(100).nullish(),
  groupKey: key.nullish(),
  sharedWithTrackKeys: keys.nullish(),
  trackGroups: z.array(trackGroupInputSchema).max(200).nullish(),
  levelling: pointsLevellingInputSchema.nullish(),
});

/** One save of the editor: a bounded number of edits. */
export const draftOperationsSchema = z.array(draftOperationInputSchema).max(2000, 'Send at most 2,000 edits at once.');

export const createFrameworkInputSchema = z.object({
  source: z.string(),
  name: name.nullish(),
  frameworkId: uuidSchema.nullish(),
  json: frameworkFileSchema.nullish(),
});

export const migrationChoiceInputSchema = z.object({ kind: z.string(), fromKey: key, toKey: key.nullable() });
export const migrationChoicesSchema = z.array(migrationChoiceInputSchema).max(10_000);

/** Files to import (JSON, FT YAML, Monzo Markdown, spreadsheet CSV): at most 30, 5 million characters in all. */
export const frameworkImportFileInputSchema = z.object({ name, text: frameworkFileSchema });
/** An .xlsx workbook's bytes, at most this many (as the browser refuses before reading). */
export const MAX_WORKBOOK_BYTES = 5_000_000;
/** An .xlsx workbook as base64 (scripts and API clients; the browser reads workbooks itself): at most 5 MB. */
export const frameworkImportWorkbookInputSchema = z.object({
  name,
  base64: z
    .string()
    .max(Math.ceil(MAX_WORKBOOK_BYTES / 3) * 4, 'The workbook is too large: at most 5 MB.')
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Send the .xlsx file’s bytes in base64 (A–Z, a–z, 0–9, + and /, no line breaks).')
    .refine((text) => text.length > 0, 'The workbook is empty.'),
});
export const frameworkImportInputSchema = z
  .object({
    format: z.string().nullish(),
    files: z
      .array(frameworkImportFileInputSchema)
      .max(30, 'Import at most 30 files at once.')
      .refine((files) => files.reduce((sum, file) => sum + file.text.length, 0) <= 5_000_000, {
        message: 'The files are too large: at most 5,000,000 characters in all.',
      }),
    workbooks: z.array(frameworkImportWorkbookInputSchema).max(1, 'Send one workbook (its Skills and Roles sheets are the two tables).').nullish(),
    name: name.nullish(),
  })
  .refine((input) => input.files.length + (input.workbooks?.length ?? 0) > 0, { message: 'Choose a file to import.', path: ['files'] });
