/** A skill's scale and descriptors as GraphQL answers them (SkillRatingFields), for tests. */
export const PMO_LEVELS = ['Aware', 'Practised', 'Competent', 'Proficient', 'Expert'];
export const FT_LEVELS = ['Awareness', 'Foundational', 'Working knowledge', 'Practitioner', 'Expert'];

export function scaleFields(names: readonly string[], options: { key?: string | null; name?: string | null; descriptors?: Record<number, string> } = {}) {
  return {
    scale: {
      __typename: 'SkillScale' as const,
      key: options.key ?? null,
      name: options.name ?? null,
      levels: names.map((name, i) => ({ __typename: 'ScaleLevel' as const, level: i + 1, name, summary: null as string | null })),
    },
    levels: names.map((_, i) => ({ __typename: 'SkillLevel' as const, level: i + 1, descriptor: options.descriptors?.[i + 1] ?? null })),
  };
}

/** The scale alone (SkillScaleFields). */
export function scaleOnly(names: readonly string[], options: { key?: string | null; name?: string | null } = {}) {
  return { scale: scaleFields(names, options).scale };
}
