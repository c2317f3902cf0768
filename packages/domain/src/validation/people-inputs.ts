import { z } from 'zod';
import { MAX_JOB_TITLE_LENGTH, MAX_PERSON_NAME_LENGTH } from '../people/people-import.js';
import { multiLineText, singleLineText, TEXT_LIMITS, uuidSchema, versionSchema } from './text.js';

/** The shape of the people module's inputs: an admin's edit of a person, the directory search, CSV imports. */
export const updatePersonInputSchema = z.object({
  id: uuidSchema,
  expectedVersion: versionSchema,
  name: singleLineText(MAX_PERSON_NAME_LENGTH).nullish(),
  jobTitle: singleLineText(MAX_JOB_TITLE_LENGTH).nullish(),
  teamId: uuidSchema.nullish(),
  managerId: uuidSchema.nullish(),
  currentRoleId: uuidSchema.nullish(),
  accessRole: z.string().nullish(),
  active: z.boolean().nullish(),
});

/** The directory's search box. */
export const peopleSearchSchema = singleLineText(TEXT_LIMITS.name);

/** A people CSV file, as text. */
export const peopleCsvSchema = multiLineText(TEXT_LIMITS.file);
