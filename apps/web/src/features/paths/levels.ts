/** "Level 3 · Competent", or "Not expected" for level 0 (a role that does not expect the skill). */
export function levelLabel(level: number, scale: ReadonlyArray<{ level: number; name: string }>): string {
  if (level <= 0) return 'Not expected';
  const name = scale.find((step) => step.level === level)?.name;
  return name ? `Level ${level} · ${name}` : `Level ${level}`;
}
