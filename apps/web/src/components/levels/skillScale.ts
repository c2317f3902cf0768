import { graphql } from '../../gql';

/**
 * A skill's own scale, as every page that names a level asks for it: the API resolves it (the skill's named scale,
 * else its category's, else the framework's proficiency scale), so a page never falls back to the framework's.
 */
export const SkillScaleFields = graphql(`
  fragment SkillScaleFields on Skill {
    scale {
      key
      name
      levels {
        level
        name
        summary
      }
    }
  }
`);

/** What a rating control needs beside the scale: each level's own descriptor summary for this skill. */
export const SkillRatingFields = graphql(`
  fragment SkillRatingFields on Skill {
    ...SkillScaleFields
    levels {
      level
      descriptor
    }
  }
`);
