import type { FrameworkDocument, RoleDocument, SkillDocument, TransitionDocument } from './document.js';

/** Deterministic pseudo-random numbers in [0, 1) from a seed (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticFrameworkOptions {
  /** Number of roles (split evenly over the tracks). Default 200. */
  roles?: number;
  /** Number of skills (each track has its own share, the rest shared). Default 400. */
  skills?: number;
  /** Number of tracks (career ladders). Default 10. */
  tracks?: number;
  /** Seed of the generator: the same options always give the same document. Default 1. */
  seed?: number;
}

/**
 * A large, valid framework of the shape real ones have, for benchmarks and tests of scale: tracks of
 * roles one level above the other, each track with skills of its own that deepen with seniority plus
 * a few from other tracks; promotions up each track, lateral moves to the neighbouring tracks at the
 * same level, and some promotions across tracks. Levels 1-5.
 *
 * Routes across it have many partial routes whose profiles are incomparable (each lateral move brings
 * other skills), which is what made the unbounded route search exponential.
 */
export function syntheticFramework(options: SyntheticFrameworkOptions = {}): FrameworkDocument {
  const roleCount = options.roles ?? 200;
  const skillCount = options.skills ?? 400;
  const trackCount = Math.max(1, Math.min(options.tracks ?? 10, roleCount));
  const next = seededRandom(options.seed ?? 1);
  const pick = (n: number) => Math.floor(next() * n);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');

  const categoryCount = Math.max(1, Math.min(20, skillCount));
  const skillCategories = Array.from({ length: categoryCount }, (_, i) => ({ key: `category-${pad(i + 1, 2)}`, name: `Category ${i + 1}` }));
  const skills: SkillDocument[] = Array.from({ length: skillCount }, (_, i) => ({
    key: `skill-${pad(i + 1, 3)}`,
    name: `Skill ${i + 1}`,
    categoryKey: skillCategories[i % categoryCount]!.key,
    levels: Object.fromEntries([1, 2, 3, 4, 5].map((level) => [String(level), { summary: `Skill ${i + 1} at level ${level}.`, criteria: [], examples: [] }])),
  }));
  const tracks = Array.from({ length: trackCount }, (_, i) => ({
    key: `track-${pad(i + 1, 2)}`,
    name: `Track ${i + 1}`,
    kind: i % 3 === 2 ? ('specialist' as const) : ('core' as const),
  }));
  // Each track owns a slice of the skills; every role also touches a few of the others.
  const perTrack = Math.max(1, Math.floor(skillCount / trackCount));
  const homeSkills = (track: number) => skills.slice(track * perTrack, track * perTrack + perTrack).map((s) => s.key);

  const ladders: RoleDocument[][] = [];
  const roles: RoleDocument[] = [];
  for (let track = 0; track < trackCount; track++) {
    const count = Math.floor(roleCount / trackCount) + (track < roleCount % trackCount ? 1 : 0);
    const home = homeSkills(track);
    const ladder: RoleDocument[] = [];
    for (let rank = 0; rank < count; rank++) {
      const seniority = count > 1 ? rank / (count - 1) : 1;
      const expectations: Record<string, number> = {};
      const breadth = Math.max(1, Math.round(home.length * (0.3 + 0.7 * seniority)));
      for (const key of home.slice(0, breadth)) {
        expectations[key] = Math.max(1, Math.min(5, 1 + Math.floor(seniority * 4) + (pick(3) - 1)));
      }
      for (let extra = 0; extra < 6; extra++) {
        const key = skills[pick(skillCount)]!.key;
        if (!(key in expectations)) expectations[key] = 1 + pick(2 + Math.floor(seniority * 3));
      }
      const role: RoleDocument = {
        key: `${tracks[track]!.key}-role-${pad(rank + 1, 2)}`,
        title: `${tracks[track]!.name} level ${rank + 1}`,
        trackKey: tracks[track]!.key,
        level: rank + 1,
        summary: `Level ${rank + 1} of ${tracks[track]!.name}.`,
        responsibilities: [`Delivers the work of level ${rank + 1}.`],
        expectations,
      };
      ladder.push(role);
      roles.push(role);
    }
    ladders.push(ladder);
  }

  const transitions: TransitionDocument[] = [];
  const seen = new Set<string>();
  const move = (from: RoleDocument, to: RoleDocument, kind: TransitionDocument['kind'], typicalMonths: number) => {
    const id = `${from.key}>${to.key}`;
    if (from.key === to.key || seen.has(id)) return;
    seen.add(id);
    transitions.push({ fromRoleKey: from.key, toRoleKey: to.key, kind, typicalMonths });
  };
  for (let track = 0; track < trackCount; track++) {
    const ladder = ladders[track]!;
    for (let rank = 0; rank < ladder.length; rank++) {
      const role = ladder[rank]!;
      if (rank + 1 < ladder.length) move(role, ladder[rank + 1]!, 'promotion', 12 + 6 * pick(4));
      for (const other of [track - 1, track + 1]) {
        const peer = ladders[other]?.[rank];
        if (peer) move(role, peer, 'lateral', 6 + 6 * pick(2));
      }
      if (next() < 0.3 && trackCount > 1) {
        const other = ladders[(track + 1 + pick(trackCount - 1)) % trackCount]!;
        const up = other[rank + 1];
        if (up) move(role, up, 'promotion', 18 + 6 * pick(4));
      }
    }
  }

  return {
    schemaVersion: '1',
    key: `synthetic-${roleCount}-${skillCount}`,
    name: `Synthetic framework (${roleCount} roles, ${skillCount} skills)`,
    proficiencyScale: [1, 2, 3, 4, 5].map((level) => ({ level, name: `Level ${level}`, summary: `Proficiency level ${level}.` })),
    skillCategories,
    skills,
    tracks,
    roles,
    transitions,
    qualifications: [],
  };
}
