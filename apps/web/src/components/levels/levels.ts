/**
 * Naming a level of a skill on the skill's own scale (per-skill scales: FT's Awareness … Expert beside a
 * framework's 1 to 5). Every page that shows a level goes through these, with the skill's `scale` from
 * `SkillScaleFields`.
 */
export type ScaleSteps = ReadonlyArray<{ level: number; name: string; summary?: string | null }>;
export interface ScaledSkill {
  scale: { levels: ScaleSteps };
  /** The skill's own descriptors (SkillRatingFields); a level with none falls back to the scale's summary. */
  levels?: ReadonlyArray<{ level: number; descriptor?: string | null }>;
}

/** "Level 3 · Competent", or "Not expected" for level 0 (a role that does not expect the skill). */
export function levelLabel(level: number, scale: ScaleSteps): string {
  if (level <= 0) return 'Not expected';
  const name = scale.find((step) => step.level === level)?.name;
  return name ? `Level ${level} · ${name}` : `Level ${level}`;
}

/** "3 · Practitioner": the short form for table cells. A level above the skill's scale keeps its number alone. */
export function shortLevelLabel(level: number, scale: ScaleSteps): string {
  const name = scale.find((step) => step.level === level)?.name;
  return name ? `${level} · ${name}` : String(level);
}

/** A level of this skill named on its own scale ("Level 2 · Foundational"). */
export function skillLevelLabel(skill: ScaledSkill | null | undefined, level: number): string {
  return levelLabel(level, skill?.scale.levels ?? []);
}

/** The short form on the skill's own scale; `empty` for no level (not rated). */
export function skillLevelShort(skill: ScaledSkill | null | undefined, level: number | null | undefined, empty = '—'): string {
  if (level == null || level <= 0) return empty;
  return shortLevelLabel(level, skill?.scale.levels ?? []);
}

/**
 * Markdown as one line of plain text for places that cannot render it (a native option, a toast): links keep
 * their text, emphasis and code marks go, lines join; cut at `max` characters on a word with an ellipsis.
 */
export function plainSummary(markdown: string | null | undefined, max = 80): string {
  if (!markdown) return '';
  const text = markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+[.)])\s+/gm, '')
    .replace(/(\*\*|__|\*|_|~~|`)/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export interface RatingOption {
  level: number;
  name: string;
  /** The skill's own descriptor summary for the level, else the scale's; Markdown as written. */
  summary: string | null;
  /** "3 · Practitioner: Runs projects alone…", for a native option. */
  label: string;
}

/** Exactly the skill's levels, each with its name and summary: what a rating control offers. */
export function ratingOptions(skill: ScaledSkill, summaryLength = 60): RatingOption[] {
  const descriptors = new Map((skill.levels ?? []).map((step) => [step.level, step.descriptor ?? null]));
  return [...skill.scale.levels]
    .sort((a, b) => a.level - b.level)
    .map((step) => {
      const summary = descriptors.get(step.level) || step.summary || null;
      const short = plainSummary(summary, summaryLength);
      return { level: step.level, name: step.name, summary, label: short ? `${step.level} · ${step.name}: ${short}` : `${step.level} · ${step.name}` };
    });
}
