import { z } from 'zod';
import { frameworkDocumentSchema } from './document.js';

/**
 * The JSON Schema of a framework document as a person writes it (fields with defaults optional), for
 * editors and CI checks of "framework as code". Served by the API and committed to docs/.
 * References between parts (a role's track, an expectation's skill…) are checked by validateFramework,
 * which a JSON Schema cannot express.
 */
export function frameworkDocumentJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(frameworkDocumentSchema, { io: 'input', target: 'draft-2020-12' }),
    $id: 'https://trellis.dev/schemas/framework-document.json',
    title: 'Trellis framework document',
    description: 'A career framework (proficiency scale, skills, tracks, roles, expectations, transitions, qualifications) in portable form: parts refer to each other by key.',
  };
}
