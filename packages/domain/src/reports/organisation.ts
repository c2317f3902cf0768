import type { FrameworkDocument } from '../framework/document.js';
import { buildTeamTree, type TeamLike, type TeamTreeNode } from '../people/teams.js';

/**
 * The shapes every report shares: the framework as reports see it (a catalogue of skills, categories,
 * tracks and roles by id), the team tree with the organisation on top, and the track/role filter
 * hierarchy. Ids are opaque strings: the API passes database ids, tests and small inputs pass keys.
 */

export interface ReportSkill {
  id: string;
  name: string;
  categoryId: string;
}

export interface ReportCategory {
  id: string;
  name: string;
}

export interface ReportTrack {
  id: string;
  name: string;
}

export interface ReportRole {
  id: string;
  title: string;
  trackId: string;
  /** Expected level per skill id; a skill that is absent (or not a positive level) is not expected. */
  expectations: Readonly<Record<string, number>>;
}

/** The framework as reports use it. Skills, categories, tracks and roles keep the framework's order. */
export interface ReportCatalogue {
  skills: readonly ReportSkill[];
  categories: readonly ReportCategory[];
  tracks: readonly ReportTrack[];
  roles: readonly ReportRole[];
  /** The proficiency scale's levels, ascending (e.g. 1..5). */
  levels: readonly number[];
}

/** A framework document as a report catalogue, ids being the document's keys. */
export function reportCatalogue(doc: FrameworkDocument): ReportCatalogue {
  return {
    skills: doc.skills.map((s) => ({ id: s.key, name: s.name, categoryId: s.categoryKey })),
    categories: doc.skillCategories.map((c) => ({ id: c.key, name: c.name })),
    tracks: doc.tracks.map((t) => ({ id: t.key, name: t.name })),
    roles: doc.roles.map((r) => ({ id: r.key, title: r.title, trackId: r.trackKey, expectations: { ...r.expectations } })),
    levels: [...doc.proficiencyScale.map((l) => l.level)].sort((a, b) => a - b),
  };
}

/** The level a role expects of a skill, or 0 when it does not expect it. */
export function roleExpectation(role: ReportRole | undefined, skillId: string): number {
  if (!role || !Object.prototype.hasOwnProperty.call(role.expectations, skillId)) return 0;
  const level = role.expectations[skillId];
  return typeof level === 'number' && level > 0 ? level : 0;
}

// ---------------------------------------------------------------------------------------------
// Teams

/** The node above every top-level team: the whole organisation (people without a team belong to it directly). */
export const ORGANISATION = '*';

export interface TeamHierarchy {
  /** Each team's parent; top-level teams have {@link ORGANISATION}, which has null. */
  parent: ReadonlyMap<string, string | null>;
  /** Children in name order ({@link ORGANISATION}'s are the top-level teams). */
  children: ReadonlyMap<string, readonly string[]>;
  names: ReadonlyMap<string, string>;
  paths: ReadonlyMap<string, string>;
  depth: ReadonlyMap<string, number>;
  /** Every node, parents before children, siblings by name ({@link ORGANISATION} first). */
  order: readonly string[];
}

/**
 * The team tree with the organisation on top, built with {@link buildTeamTree}: broken data (a missing
 * parent, a loop) still gives a tree, so a report never loses a team.
 */
export function teamHierarchy(teams: readonly TeamLike[]): TeamHierarchy {
  const tree = buildTeamTree(teams);
  const parent = new Map<string, string | null>([[ORGANISATION, null]]);
  const children = new Map<string, string[]>([[ORGANISATION, []]]);
  const names = new Map<string, string>([[ORGANISATION, 'Organisation']]);
  const paths = new Map<string, string>([[ORGANISATION, '']]);
  const depth = new Map<string, number>([[ORGANISATION, 0]]);
  const order: string[] = [ORGANISATION];
  const visit = (node: TeamTreeNode, parentId: string) => {
    const id = node.team.id;
    parent.set(id, parentId);
    (children.get(parentId) as string[]).push(id);
    children.set(id, []);
    names.set(id, node.team.name);
    paths.set(id, node.path);
    depth.set(id, (depth.get(parentId) as number) + 1);
    order.push(id);
  };
  const queue: [TeamTreeNode, string][] = tree.roots.map((root) => [root, ORGANISATION]);
  while (queue.length > 0) {
    const [node, parentId] = queue.shift() as [TeamTreeNode, string];
    visit(node, parentId);
    for (const child of node.children) queue.push([child, node.team.id]);
  }
  return { parent, children, names, paths, depth, order };
}

/** The team a row belongs to in the hierarchy: its own team, or the organisation for none or an unknown team. */
export function teamNode(hierarchy: TeamHierarchy, teamId: string | null | undefined): string {
  return teamId !== null && teamId !== undefined && hierarchy.parent.has(teamId) ? teamId : ORGANISATION;
}

/** The node and every ancestor up to the organisation (the node first). */
export function ancestorsOf(hierarchy: TeamHierarchy, node: string): string[] {
  const result: string[] = [];
  for (let current: string | null = node; current !== null; current = hierarchy.parent.get(current) ?? null) {
    result.push(current);
  }
  return result;
}

/** The node and every node below it, parents before children. */
export function subtreeOf(hierarchy: TeamHierarchy, node: string): string[] {
  const result: string[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    result.push(current);
    stack.push(...[...(hierarchy.children.get(current) ?? [])].reverse());
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Track and role filters

/** The filter node for everyone. */
export const ALL_PEOPLE = 'all';

/** A report filter: everyone, one track, or one role. */
export interface PeopleFilter {
  trackId?: string | null;
  roleId?: string | null;
}

export function trackFilterNode(trackId: string): string {
  return `track:${trackId}`;
}

export function roleFilterNode(roleId: string): string {
  return `role:${roleId}`;
}

/** The filter node of a filter: a role when given, else a track when given, else everyone. */
export function filterNode(filter: PeopleFilter | null | undefined): string {
  if (filter?.roleId) return roleFilterNode(filter.roleId);
  if (filter?.trackId) return trackFilterNode(filter.trackId);
  return ALL_PEOPLE;
}

/**
 * The filter hierarchy: everyone ⊃ each track ⊃ each of its roles. People without a role belong to
 * "everyone" directly. A role whose track is not in the catalogue sits under everyone.
 */
export function filterHierarchy(catalogue: ReportCatalogue): Map<string, string | null> {
  const parents = new Map<string, string | null>([[ALL_PEOPLE, null]]);
  const tracks = new Set(catalogue.tracks.map((t) => t.id));
  for (const track of catalogue.tracks) parents.set(trackFilterNode(track.id), ALL_PEOPLE);
  for (const role of catalogue.roles) {
    parents.set(roleFilterNode(role.id), tracks.has(role.trackId) ? trackFilterNode(role.trackId) : ALL_PEOPLE);
  }
  return parents;
}

/** The filter nodes a person with this role counts in (the most specific first). */
export function filterNodesOf(catalogue: ReportCatalogue, roleId: string | null): string[] {
  if (roleId === null) return [ALL_PEOPLE];
  const role = catalogue.roles.find((r) => r.id === roleId);
  if (!role) return [ALL_PEOPLE];
  const tracks = catalogue.tracks.some((t) => t.id === role.trackId);
  return tracks ? [roleFilterNode(role.id), trackFilterNode(role.trackId), ALL_PEOPLE] : [roleFilterNode(role.id), ALL_PEOPLE];
}
