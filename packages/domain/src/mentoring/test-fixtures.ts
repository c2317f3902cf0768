import type { MenteeFocusSkill, MenteeForMatching, MentorForMatching } from './matching.js';
import type { MentorSkillLevel } from './profiles.js';

/** Builders for the mentoring tests (not part of the package's build). */

/** A mentor skill: `[level]` manager-confirmed at that level, `[level, null]` self only, `[level, confirmed]`. */
export function skill(level: number, confirmedLevel: number | null = level): MentorSkillLevel {
  return { level, confirmedLevel };
}

export function mentor(personId: string, skills: Record<string, MentorSkillLevel>, overrides: Partial<MentorForMatching> = {}): MentorForMatching {
  return { personId, teamId: 'team-b', capacity: 2, occupiedPlaces: 0, paused: false, acceptsOtherTeams: true, skills, ...overrides };
}

export function focus(skillKey: string, currentLevel: number | null, neededLevel: number): MenteeFocusSkill {
  return { skillKey, currentLevel, neededLevel };
}

export function mentee(personId: string, focusSkills: MenteeFocusSkill[], overrides: Partial<MenteeForMatching> = {}): MenteeForMatching {
  return { personId, teamId: 'team-a', focusSkills, ...overrides };
}

/** A small seeded PRNG (mulberry32) for shuffles in tests. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
