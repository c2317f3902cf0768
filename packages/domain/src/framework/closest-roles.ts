import type { FrameworkDocument, RoleDocument } from './document.js';
import { knownLevels, knownProfile, measureRole, type Coverage } from './known-profile.js';
import type { SkillGap, SkillProfile } from './paths.js';
import { compareText } from './roles.js';

export interface RoleFit {
  role: RoleDocument;
  /**
   * How well the known profile fits the role, 0..1: Σ min(level, expected) ÷ Σ max(level, expected)
   * over the role's known expectations and the person's other known skills (expected 0 there).
   * 1 = what is known of the profile is exactly the role's expectations; falling short, being above
   * and having skills the role does not use all lower it. null when nothing of either is known.
   */
  fit: number | null;
  /** false when too little of the role's expectations is known to rank it (see minKnownShare). */
  ranked: boolean;
  /** Levels short, summed over the known expectations; 0 = the known profile meets the role. */
  shortfall: number;
  /** Known expectations the profile falls short of, in the framework's skill order. */
  gaps: SkillGap[];
  expectedSkillCount: number;
  /** Known expectations met (at or above). */
  metSkillCount: number;
  /** Known expectations exceeded, and by how many levels in all. */
  aboveSkillCount: number;
  aboveLevels: number;
  /** Known skills of the person that the role does not expect, and their levels in all. */
  otherSkillCount: number;
  otherLevels: number;
  /** Expectations neither rated nor assumed: left out of the fit. */
  unknownSkillKeys: string[];
  coverage: Coverage;
  /** The rank explained: "Fit 86%: 20 of 28 expectations met (3 above), short on 4 by 5 levels in all, 1 unknown; ...". */
  explanation: string;
}

export interface ClosestRolesOptions {
  /** Roles to leave out, e.g. the person's current role. */
  excludeRoleKeys?: readonly string[];
  /** The person's current role: unrated skills it expects are assumed at its level (see knownProfile). */
  currentRoleKey?: string | null;
  /** A role is ranked when at least this share of its expectations is known. Default 0.5. */
  minKnownShare?: number;
  /** Also list the roles too little known to rank, after the ranked ones (ranked: false). Default false. */
  includeUnranked?: boolean;
}

const EPSILON = 1e-9;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function explain(fit: Omit<RoleFit, 'explanation'>): string {
  const { coverage } = fit;
  if (fit.expectedSkillCount === 0) return 'The role expects no skills: nothing to compare.';
  if (!fit.ranked) {
    return `Too little known to rank: ${coverage.known} of ${plural(fit.expectedSkillCount, 'expectation')} known (rated or assumed); rate more skills.`;
  }
  const parts = [
    `${fit.metSkillCount} of ${plural(fit.expectedSkillCount, 'expectation')} met${fit.aboveSkillCount > 0 ? ` (${fit.aboveSkillCount} above)` : ''}`,
  ];
  if (fit.gaps.length > 0) parts.push(`short on ${fit.gaps.length} by ${plural(fit.shortfall, 'level')} in all`);
  if (coverage.unknown > 0) parts.push(`${coverage.unknown} unknown`);
  const other = fit.otherSkillCount > 0 ? `; ${plural(fit.otherSkillCount, 'skill')} of yours the role does not use` : '';
  return `Fit ${Math.round((fit.fit ?? 0) * 100)}%: ${parts.join(', ')}${other}.`;
}

/** One role against a profile of rated levels (absent = unknown), with the current role's assumption. */
export function roleFit(
  doc: FrameworkDocument,
  role: RoleDocument,
  rated: SkillProfile,
  options: Pick<ClosestRolesOptions, 'currentRoleKey' | 'minKnownShare'> = {},
): RoleFit {
  const profile = knownProfile(doc, rated, options.currentRoleKey);
  const names = new Map(doc.skills.map((s) => [s.key, s.name]));
  const { measures, coverage } = measureRole(doc, role, profile);
  let common = 0;
  let union = 0;
  for (const m of measures) {
    if (m.level === null) continue;
    common += Math.min(m.level, m.requiredLevel);
    union += Math.max(m.level, m.requiredLevel);
  }
  const expected = new Set(measures.map((m) => m.skillKey));
  let otherSkillCount = 0;
  let otherLevels = 0;
  for (const [skillKey, level] of Object.entries(knownLevels(profile))) {
    if (expected.has(skillKey) || !(level > 0)) continue;
    otherSkillCount += 1;
    otherLevels += level;
    union += level;
  }
  const short = measures.filter((m) => m.status === 'short');
  const above = measures.filter((m) => m.surplus > 0);
  const minShare = options.minKnownShare ?? 0.5;
  const fit: Omit<RoleFit, 'explanation'> = {
    role,
    fit: union > 0 ? common / union : coverage.known > 0 ? 1 : null,
    ranked: coverage.expected > 0 && coverage.known > 0 && coverage.known / coverage.expected >= minShare - EPSILON,
    shortfall: short.reduce((sum, m) => sum + m.shortfall, 0),
    gaps: short.map((m) => ({
      skillKey: m.skillKey,
      skillName: names.get(m.skillKey) ?? m.skillKey,
      currentLevel: m.level as number,
      requiredLevel: m.requiredLevel,
      shortfall: m.shortfall,
    })),
    expectedSkillCount: coverage.expected,
    metSkillCount: measures.filter((m) => m.status === 'met').length,
    aboveSkillCount: above.length,
    aboveLevels: above.reduce((sum, m) => sum + m.surplus, 0),
    otherSkillCount,
    otherLevels,
    unknownSkillKeys: measures.filter((m) => m.status === 'unknown').map((m) => m.skillKey),
    coverage,
  };
  return { ...fit, explanation: explain(fit) };
}

const knownShare = (f: RoleFit) => (f.coverage.expected === 0 ? 1 : f.coverage.known / f.coverage.expected);

/**
 * Roles ranked by how well the known profile fits them (see RoleFit.fit), measured under the rule of
 * `knownProfile`: rated levels, unrated skills of the current role assumed at its level, anything else
 * unknown and left out. So a profile equal to a role's expectations ranks that role first (fit 1), a
 * role with identical expectations ties with it, and a small role is not "closest" to a profile that
 * says little: a role is ranked only when at least `minKnownShare` of its expectations is known, and an
 * empty profile without a current role ranks nothing.
 *
 * Order: fit descending, then smaller shortfall, fewer gap skills, more of the role known, the more
 * senior role (band, then level, descending: among roles a person already meets the most senior is the
 * most useful answer), then title and key. Unranked roles (only with includeUnranked) follow, the best
 * known first. At most `limit` roles; a limit of 0 or less gives [].
 */
export function closestRoles(doc: FrameworkDocument, profile: SkillProfile, limit: number, options: ClosestRolesOptions = {}): RoleFit[] {
  if (!(limit > 0)) return [];
  const excluded = new Set(options.excludeRoleKeys ?? []);
  const seen = new Set<string>();
  const fits: RoleFit[] = [];
  for (const role of doc.roles) {
    if (seen.has(role.key) || excluded.has(role.key)) continue;
    seen.add(role.key);
    fits.push(roleFit(doc, role, profile, options));
  }
  const ranked = fits.filter((f) => f.ranked);
  ranked.sort(
    (a, b) =>
      ((b.fit ?? 0) - (a.fit ?? 0) > EPSILON ? 1 : (a.fit ?? 0) - (b.fit ?? 0) > EPSILON ? -1 : 0) ||
      a.shortfall - b.shortfall ||
      a.gaps.length - b.gaps.length ||
      knownShare(b) - knownShare(a) ||
      (b.role.band ?? 0) - (a.role.band ?? 0) ||
      b.role.level - a.role.level ||
      compareText(a.role.title, b.role.title) ||
      compareText(a.role.key, b.role.key),
  );
  const unranked = options.includeUnranked
    ? fits
        .filter((f) => !f.ranked)
        .sort(
          (a, b) =>
            knownShare(b) - knownShare(a) ||
            (b.fit ?? -1) - (a.fit ?? -1) ||
            compareText(a.role.title, b.role.title) ||
            compareText(a.role.key, b.role.key),
        )
    : [];
  return [...ranked, ...unranked].slice(0, Math.floor(limit));
}
