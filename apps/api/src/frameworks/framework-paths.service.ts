import { Injectable } from '@nestjs/common';
import {
  compareRoles,
  type ExpectationDetail,
  type FrameworkDocument,
  type LevelDescriptor,
  type NoRouteReason,
  type SkillGap as DomainSkillGap,
  type SkillProfile,
} from '@trellis/domain';
import { badInput, notFound } from '../common/errors.js';
import type { RequestContext } from '../graphql/request-context.js';
import type { FrameworkVersionEntity, QualificationEntity, RoleEntity } from './framework.entities.js';
import type { ExpectationLevelRow, FrameworkLoaders, SkillRow } from './framework.loaders.js';
import { NoRouteReasonValue, ProfileSourceValue, type SkillLevelInput } from './framework-paths.models.js';
import type { TransitionKindValue } from './framework.models.js';
import { DomainWorkerPool } from '../workers/domain-worker-pool.js';

/**
 * Frameworks up to this size (roles × skills) are worked on the request thread: a worker round trip
 * (cloning the document both ways) costs about as much as the work (bench/career-route.mjs measures
 * both). The built-in PMO framework is 22 × 30.
 */
export const INLINE_FRAMEWORK_SIZE = 5_000;
/**
 * Work allowed on the request thread for a route search on a small framework; when it is not
 * enough to prove the route cheapest, the search is done again in a worker with the full budget.
 */
export const INLINE_ROUTE_BUDGET = { maxExpandedLabels: 300, maxGeneratedLabels: 3_000 };
/**
 * Tasks one request may work out on the request thread; past that (a request asking for many routes
 * at once, e.g. with aliases) the rest go to the pool, whose queue limit refuses what is too much.
 */
export const INLINE_TASKS_PER_REQUEST = 8;
const inlineTasks = new WeakMap<RequestContext, number>();

/** Whether this request may still work a small task out on the request thread (and counts it). */
function mayRunInline(context: RequestContext, doc: FrameworkDocument): boolean {
  if (doc.roles.length * Math.max(1, doc.skills.length) > INLINE_FRAMEWORK_SIZE) return false;
  const done = inlineTasks.get(context) ?? 0;
  if (done >= INLINE_TASKS_PER_REQUEST) return false;
  inlineTasks.set(context, done + 1);
  return true;
}

/** One framework version in the domain's portable form, with the rows its keys stand for. */
interface VersionGraph {
  version: FrameworkVersionEntity;
  document: FrameworkDocument;
  rolesByKey: Map<string, RoleEntity>;
  skillsByKey: Map<string, SkillRow>;
  skillsById: Map<string, SkillRow>;
  qualificationsByKey: Map<string, QualificationEntity>;
}

export interface SkillGapResult {
  skill: SkillRow;
  requiredLevel: number;
  currentLevel: number;
  shortfall: number;
}

export interface RoleComparisonResult {
  from: RoleEntity;
  to: RoleEntity;
  changes: {
    skill: SkillRow;
    fromLevel: number;
    toLevel: number;
    difference: number;
    fromDescriptor: string | null;
    toDescriptor: string | null;
  }[];
}

export interface CareerRouteResult {
  from: RoleEntity;
  to: RoleEntity;
  found: boolean;
  reason: NoRouteReasonValue | null;
  message: string | null;
  optimal: boolean;
  profileSource: ProfileSourceValue;
  steps: {
    from: RoleEntity;
    to: RoleEntity;
    kind: TransitionKindValue;
    typicalMonths: number;
    typicalMonthsAssumed: boolean;
    guidance: string | null;
    gaps: SkillGapResult[];
    shortfall: number;
    missingQualifications: QualificationEntity[];
  }[];
  totalMonths: number;
  totalShortfall: number;
}

export interface ClosestRolesResult {
  profileSource: ProfileSourceValue;
  /** The role unrated skills were assumed from (the person's current role, in this version); null when none. */
  assumedFrom: RoleEntity | null;
  roles: {
    role: RoleEntity;
    fit: number | null;
    shortfall: number;
    gaps: SkillGapResult[];
    expectedSkillCount: number;
    metSkillCount: number;
    ratedSkillCount: number;
    assumedSkillCount: number;
    unknownSkillCount: number;
    explanation: string;
  }[];
}

export const MAX_CLOSEST_ROLES = 50;

/**
 * Role comparison and career paths over a published (or archived) framework version, for any
 * signed-in person. Everything is read through the request's loaders, which scope every statement
 * to the caller's organisation and read a whole version in a fixed number of statements; the
 * rules themselves are the domain's (compareRoles, planRoute, closestRoles).
 */
@Injectable()
export class FrameworkPathsService {
  constructor(private readonly workers: DomainWorkerPool) {}

  async compareRoles(context: RequestContext, fromRoleId: string, toRoleId: string): Promise<RoleComparisonResult> {
    const { from, to, graph } = await this.rolePair(context, fromRoleId, toRoleId);
    const comparison = compareRoles(graph.document, from.key, to.key);
    return {
      from,
      to,
      changes: comparison.changes.map((change) => ({
        skill: skillOf(graph, change.skillKey),
        fromLevel: change.fromLevel,
        toLevel: change.toLevel,
        difference: change.delta,
        fromDescriptor: change.fromDescriptor,
        toDescriptor: change.toDescriptor,
      })),
    };
  }

  async careerRoute(
    context: RequestContext,
    fromRoleId: string,
    toRoleId: string,
    given: SkillLevelInput[] | null | undefined,
  ): Promise<CareerRouteResult> {
    const { from, to, graph } = await this.rolePair(context, fromRoleId, toRoleId);
    const { profile, source } = await this.profile(context, graph, given);
    const result = await this.planRoute(context, graph.document, from.key, to.key, profile);
    const base = { from, to, profileSource: source };
    if (!result.found) {
      if (result.reason === 'empty-framework' || result.reason === 'unknown-role') {
        // Both roles were read from this very version: the document must contain them.
        throw new Error(`Route lookup inconsistent with the version read: ${result.reason}`);
      }
      return {
        ...base,
        found: false,
        reason: REASONS[result.reason],
        message: noRouteMessage(result.reason, from, to),
        optimal: true,
        steps: [],
        totalMonths: 0,
        totalShortfall: 0,
      };
    }
    const { route } = result;
    return {
      ...base,
      found: true,
      reason: null,
      message: result.optimal
        ? null
        : 'This framework is very large: this is the cheapest route found within the time allowed, and a cheaper one may exist.',
      optimal: result.optimal,
      steps: route.steps.map((step) => ({
        from: roleOf(graph, step.fromRoleKey),
        to: roleOf(graph, step.toRoleKey),
        kind: step.kind as TransitionKindValue,
        typicalMonths: step.typicalMonths,
        typicalMonthsAssumed: step.monthsAssumed,
        guidance: step.guidance ?? null,
        gaps: step.gaps.map((gap) => gapOf(graph, gap)),
        shortfall: step.shortfall,
        missingQualifications: step.missingQualificationKeys.map((key) => {
          const qualification = graph.qualificationsByKey.get(key);
          if (!qualification) throw new Error(`Missing qualification ${key}`);
          return qualification;
        }),
      })),
      totalMonths: route.totalMonths,
      totalShortfall: route.totalShortfall,
    };
  }

  async closestRoles(
    context: RequestContext,
    where: { frameworkVersionId?: string | null; roleId?: string | null },
    given: SkillLevelInput[] | null | undefined,
    limit: number,
    currentRoleId: string | null = null,
  ): Promise<ClosestRolesResult> {
    if (!!where.frameworkVersionId === !!where.roleId) {
      throw badInput({ frameworkVersionId: 'Give either a framework version or a role, not both or neither.' });
    }
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CLOSEST_ROLES) {
      throw badInput({ limit: `Ask for between 1 and ${MAX_CLOSEST_ROLES} roles.` });
    }
    const loaders = context.loaders.frameworks;
    let versionId: string;
    let excluded: RoleEntity | undefined;
    if (where.roleId) {
      excluded = await loaders.role.load(where.roleId);
      if (!excluded) throw notFound('Role');
      versionId = excluded.frameworkVersionId;
    } else {
      versionId = where.frameworkVersionId as string;
    }
    const version = await loaders.version.load(versionId);
    if (!version) throw notFound('Framework version');
    assertReadable(version, excluded ? 'roleId' : 'frameworkVersionId');
    const graph = await readVersionOnce(loaders, version);
    const { profile, source } = await this.profile(context, graph, given);
    // Unknown is not zero: unrated skills of the person's current role (given, else the viewer's) are assumed at its level.
    const current = await this.currentRole(context, graph, currentRoleId);
    const fits = await this.workers.run(
      'closestRoles',
      { doc: graph.document, profile, limit, options: { excludeRoleKeys: excluded ? [excluded.key] : [], currentRoleKey: current?.key ?? null } },
      { inline: mayRunInline(context, graph.document) },
    );
    return {
      profileSource: source,
      assumedFrom: current ?? null,
      roles: fits.map((fit) => ({
        role: roleOf(graph, fit.role.key),
        fit: fit.fit,
        shortfall: fit.shortfall,
        gaps: fit.gaps.map((gap) => gapOf(graph, gap)),
        expectedSkillCount: fit.expectedSkillCount,
        metSkillCount: fit.metSkillCount,
        ratedSkillCount: fit.coverage.rated,
        assumedSkillCount: fit.coverage.assumed,
        unknownSkillCount: fit.coverage.unknown,
        explanation: fit.explanation,
      })),
    };
  }

  /**
   * The domain's planRoute off the request thread: small frameworks first try on this thread with a
   * small budget of work, and go to a worker only when that is not enough to prove the route cheapest.
   */
  private async planRoute(context: RequestContext, doc: FrameworkDocument, fromRoleKey: string, toRoleKey: string, profile: SkillProfile) {
    const input = { doc, fromRoleKey, toRoleKey, profile };
    if (mayRunInline(context, doc)) {
      const quick = await this.workers.run('planRoute', { ...input, options: INLINE_ROUTE_BUDGET }, { inline: true });
      if (!quick.found || quick.optimal) return quick;
    }
    return this.workers.run('planRoute', input);
  }

  /** Two roles of the caller's organisation, of one readable version, and that version. */
  private async rolePair(context: RequestContext, fromRoleId: string, toRoleId: string) {
    const loaders = context.loaders.frameworks;
    const [from, to] = await Promise.all([loaders.role.load(fromRoleId), loaders.role.load(toRoleId)]);
    if (!from) throw notFound('The first role');
    if (!to) throw notFound('The second role');
    const [fromVersion, toVersion] = await Promise.all([
      loaders.version.load(from.frameworkVersionId),
      loaders.version.load(to.frameworkVersionId),
    ]);
    if (!fromVersion || !toVersion) throw new Error('Missing framework version of a role');
    if (fromVersion.id !== toVersion.id) {
      throw badInput({
        toRoleId:
          `${from.title} and ${to.title} belong to different framework versions ` +
          `(${fromVersion.number} and ${toVersion.number}): choose two roles of the same version.`,
      });
    }
    assertReadable(fromVersion, 'fromRoleId');
    return { from, to, graph: await readVersionOnce(loaders, fromVersion) };
  }

  /**
   * The person's current role in this version: the role given (it must be of this version), else the
   * viewer's own current role when it belongs to this version; undefined otherwise.
   */
  private async currentRole(context: RequestContext, graph: VersionGraph, currentRoleId: string | null): Promise<RoleEntity | undefined> {
    if (currentRoleId) {
      const role = await context.loaders.frameworks.role.load(currentRoleId);
      if (!role || graph.rolesByKey.get(role.key)?.id !== role.id) {
        throw badInput({ currentRoleId: 'Choose a role of the same framework version.' });
      }
      return role;
    }
    const person = await context.loaders.people.person.load(context.session.personId);
    if (!person?.currentRoleId) return undefined;
    const role = await context.loaders.frameworks.role.load(person.currentRoleId);
    return role && graph.rolesByKey.get(role.key)?.id === role.id ? role : undefined;
  }

  /**
   * The skill levels to measure against: the given ones (checked against the version's skills and
   * scale), or else the viewer's current role's expectations, matched to this version by skill key.
   */
  private async profile(
    context: RequestContext,
    graph: VersionGraph,
    given: SkillLevelInput[] | null | undefined,
  ): Promise<{ profile: SkillProfile; source: ProfileSourceValue }> {
    if (given) return { profile: givenProfile(graph, given), source: ProfileSourceValue.GIVEN };
    const person = await context.loaders.people.person.load(context.session.personId);
    const currentRole = person?.currentRoleId ? await context.loaders.frameworks.role.load(person.currentRoleId) : undefined;
    if (!currentRole) return { profile: {}, source: ProfileSourceValue.NONE };
    const expectations = await context.loaders.frameworks.expectationsByRole.load(currentRole.id);
    const profile: Record<string, number> = {};
    for (const expectation of expectations) {
      if (graph.skillsByKey.has(expectation.skill.key) && expectation.level > 0) profile[expectation.skill.key] = expectation.level;
    }
    return { profile, source: ProfileSourceValue.CURRENT_ROLE_EXPECTATIONS };
  }
}

const REASONS: Record<Exclude<NoRouteReason, 'empty-framework' | 'unknown-role'>, NoRouteReasonValue> = {
  'no-moves-out': NoRouteReasonValue.NO_MOVES_OUT,
  'no-moves-in': NoRouteReasonValue.NO_MOVES_IN,
  unreachable: NoRouteReasonValue.UNREACHABLE,
};

function noRouteMessage(reason: keyof typeof REASONS, from: RoleEntity, to: RoleEntity): string {
  switch (reason) {
    case 'no-moves-out':
      return `The framework defines no moves out of ${from.title}, so no route starts there.`;
    case 'no-moves-in':
      return `The framework defines no moves into ${to.title}, so no route leads there.`;
    case 'unreachable':
      return `No chain of moves in the framework leads from ${from.title} to ${to.title}.`;
  }
}

/** Drafts are work in progress, seen only by their editors: paths use published (or archived) versions. */
function assertReadable(version: FrameworkVersionEntity, field: string): void {
  if (version.status === 'draft') {
    throw badInput({ [field]: 'This role belongs to a draft framework version: compare and plan with published versions.' });
  }
}

function givenProfile(graph: VersionGraph, given: SkillLevelInput[]): SkillProfile {
  const top = Math.max(0, ...graph.version.proficiencyScale.map((step) => step.level));
  const profile: Record<string, number> = {};
  for (const { skillId, level } of given) {
    const skill = graph.skillsById.get(skillId);
    if (!skill) throw badInput({ profile: `The skill ${skillId} is not part of this framework version.` });
    if (Object.prototype.hasOwnProperty.call(profile, skill.key)) {
      throw badInput({ profile: `${skill.name} is given twice: give each skill once.` });
    }
    if (!Number.isInteger(level) || level < 0 || level > top) {
      throw badInput({ profile: `${skill.name} is at level ${level}: levels go from 0 (none) to ${top}.` });
    }
    profile[skill.key] = level;
  }
  return profile;
}

/** Versions already read by a request (its loaders), so several fields of one request build each document once. */
const versionsRead = new WeakMap<FrameworkLoaders, Map<string, Promise<VersionGraph>>>();

function readVersionOnce(loaders: FrameworkLoaders, version: FrameworkVersionEntity): Promise<VersionGraph> {
  let read = versionsRead.get(loaders);
  if (!read) versionsRead.set(loaders, (read = new Map()));
  let graph = read.get(version.id);
  if (!graph) read.set(version.id, (graph = readVersion(loaders, version)));
  return graph;
}

/**
 * Reads a version as a FrameworkDocument keyed by the rows' own keys, in a fixed number of
 * statements (one per kind of row, batched by the loaders). Skill descriptors come from the
 * expectations (each carries the descriptor at its level): comparisons only ever show a descriptor
 * at a level some role expects, so the skills' full level texts are not read.
 */
/** A role's optional, weighted and role-specific expectations as the document's `expectationDetails`. */
function expectationDetailsOf(rows: readonly ExpectationLevelRow[], skillKey: (id: string) => string): { expectationDetails?: Record<string, ExpectationDetail> } {
  const details: Record<string, ExpectationDetail> = {};
  for (const row of rows) {
    const detail: ExpectationDetail = {
      ...(row.optional ? { optional: true } : {}),
      ...(row.weight !== null ? { weight: row.weight } : {}),
      ...(row.statement !== null ? { statement: row.statement } : {}),
    };
    if (Object.keys(detail).length > 0) details[skillKey(row.skillId)] = detail;
  }
  return Object.keys(details).length > 0 ? { expectationDetails: details } : {};
}

async function readVersion(loaders: FrameworkLoaders, version: FrameworkVersionEntity): Promise<VersionGraph> {
  const [roles, skills, transitions, qualifications, expectationRows, categories] = await Promise.all([
    loaders.rolesByVersion.load(version.id),
    loaders.skillsByVersion.load(version.id),
    loaders.transitionsByVersion.load(version.id),
    loaders.qualificationsByVersion.load(version.id),
    loaders.expectationLevelsByVersion.load(version.id),
    // Only for the categories' scales (a skill without its own takes its category's).
    loaders.skillCategoriesByVersion.load(version.id),
  ]);
  for (const role of roles) loaders.role.prime(role.id, role);
  const roleIds = roles.map((role) => role.id);
  const qualificationLinks = await loaders.qualificationLinksByRole.loadMany(roleIds).then(throwLoadErrors);
  const expectationsOfRole = new Map<string, ExpectationLevelRow[]>(roleIds.map((id) => [id, []]));
  for (const row of expectationRows) expectationsOfRole.get(row.roleId)?.push(row);
  const expectations = roles.map((role) => expectationsOfRole.get(role.id) ?? []);

  const skillsById = new Map(skills.map((skill) => [skill.id, skill]));
  const rolesById = new Map(roles.map((role) => [role.id, role]));
  const qualificationsById = new Map(qualifications.map((qualification) => [qualification.id, qualification]));
  const descriptors = new Map<string, Record<string, LevelDescriptor>>(skills.map((skill) => [skill.id, {}]));
  for (const expectation of expectations.flat()) {
    const levels = descriptors.get(expectation.skillId);
    if (levels && expectation.descriptor) levels[String(expectation.level)] = expectation.descriptor;
  }
  const keyOf = <T extends { key: string }>(byId: Map<string, T>, id: string) => {
    const row = byId.get(id);
    if (!row) throw new Error(`Framework version ${version.id} refers to a missing row ${id}`);
    return row.key;
  };
  const requiredFor = new Map<string, string[]>();
  for (const link of qualificationLinks.flat()) {
    if (link.requirement !== 'required') continue;
    const key = keyOf(qualificationsById, link.qualificationId);
    requiredFor.set(key, [...(requiredFor.get(key) ?? []), keyOf(rolesById, link.roleId)]);
  }

  const document: FrameworkDocument = {
    schemaVersion: '2',
    key: version.id,
    name: version.id,
    proficiencyScale: version.proficiencyScale,
    scales: version.scales,
    // Categories by id (skills name theirs by id here), for their scales.
    skillCategories: categories.map((category) => ({ key: category.id, name: category.name, ...(category.scaleKey ? { scaleKey: category.scaleKey } : {}) })),
    skills: skills.map((skill) => ({
      key: skill.key,
      name: skill.name,
      categoryKey: skill.categoryId,
      ...(skill.scaleKey ? { scaleKey: skill.scaleKey } : {}),
      levels: descriptors.get(skill.id) ?? {},
    })),
    // Tracks play no part in comparing or routing; roles name theirs by id.
    tracks: [],
    roles: roles.map((role, index) => ({
      key: role.key,
      title: role.title,
      trackKey: role.trackId,
      level: role.level,
      ...(role.band !== null ? { band: role.band } : {}),
      summary: role.summary,
      responsibilities: role.responsibilities,
      expectations: Object.fromEntries(
        (expectations[index] ?? []).map((expectation) => [keyOf(skillsById, expectation.skillId), expectation.level]),
      ),
      ...expectationDetailsOf(expectations[index] ?? [], (id) => keyOf(skillsById, id)),
    })),
    transitions: transitions.map((transition) => ({
      fromRoleKey: keyOf(rolesById, transition.fromRoleId),
      toRoleKey: keyOf(rolesById, transition.toRoleId),
      kind: transition.kind,
      ...(transition.typicalMonths !== null ? { typicalMonths: transition.typicalMonths } : {}),
      ...(transition.guidance !== null ? { guidance: transition.guidance } : {}),
    })),
    qualifications: qualifications.map((qualification) => ({
      key: qualification.key,
      name: qualification.name,
      provider: qualification.provider,
      skillKeys: [],
      requiredForRoleKeys: requiredFor.get(qualification.key) ?? [],
      recommendedForRoleKeys: [],
    })),
  };
  return {
    version,
    document,
    rolesByKey: new Map(roles.map((role) => [role.key, role])),
    skillsByKey: new Map(skills.map((skill) => [skill.key, skill])),
    skillsById,
    qualificationsByKey: new Map(qualifications.map((qualification) => [qualification.key, qualification])),
  };
}

function throwLoadErrors<T>(results: (T | Error)[]): T[] {
  for (const result of results) if (result instanceof Error) throw result;
  return results as T[];
}

function roleOf(graph: VersionGraph, key: string): RoleEntity {
  const role = graph.rolesByKey.get(key);
  if (!role) throw new Error(`Missing role ${key}`);
  return role;
}

function skillOf(graph: VersionGraph, key: string): SkillRow {
  const skill = graph.skillsByKey.get(key);
  if (!skill) throw new Error(`Missing skill ${key}`);
  return skill;
}

function gapOf(graph: VersionGraph, gap: DomainSkillGap): SkillGapResult {
  return { skill: skillOf(graph, gap.skillKey), requiredLevel: gap.requiredLevel, currentLevel: gap.currentLevel, shortfall: gap.shortfall };
}
