import { z } from 'zod';
import type { TeamLike } from '../people/teams.js';

/**
 * Who agrees a person's plan. The first of, in order:
 * 1. `manager`: their line manager, when active;
 * 2. `team-approver`: an approver an admin named for their team, else for the nearest team above it;
 * 3. `organisation-approver`: the approver an admin named for the whole organisation;
 * 4. `skip-level`: when their manager is no longer active, the nearest active manager above them;
 * 5. `nobody`: the person is told so before proposing ("ask an admin to name an approver").
 * Nobody agrees their own plan, and inactive people are passed over at every step. An admin's
 * explicit choice (2, 3) comes before the inferred skip-level (4).
 */

export interface ApproverPerson {
  id: string;
  name: string;
  active: boolean;
  managerId: string | null;
  teamId: string | null;
}

/** An approver an admin named: for a team (and the teams under it), or for the organisation (teamId null). */
export interface NamedApprover {
  teamId: string | null;
  personId: string;
}

export type PlanApproverKind = 'manager' | 'team-approver' | 'organisation-approver' | 'skip-level';

export type PlanApprover =
  | {
      kind: PlanApproverKind;
      personId: string;
      name: string;
      /** For a team approver: the team they were named for (the person's own team or one above it). */
      teamId: string | null;
      /** Said to the person before they propose. */
      explanation: string;
    }
  | { kind: 'nobody'; personId: null; name: null; teamId: null; explanation: string };

export const NO_APPROVER_EXPLANATION = 'Nobody can agree your plan yet: you have no manager and no approver is named. Ask an admin to name an approver.';

/**
 * Who agrees the plan of `personId` (see the chain above). `approvers` in the order the admin named
 * them: the first usable one for a team counts. Teams with a cycle of parents are walked once.
 * Throws RangeError for an unknown person (a programming error: the API reads them first).
 */
export function planApprover(
  personId: string,
  people: readonly ApproverPerson[],
  teams: readonly TeamLike[],
  approvers: readonly NamedApprover[],
): PlanApprover {
  const byId = new Map(people.map((p) => [p.id, p]));
  const person = byId.get(personId);
  if (!person) throw new RangeError(`unknown person ${personId}`);
  const usable = (id: string | null | undefined): ApproverPerson | null => {
    const candidate = id ? byId.get(id) : undefined;
    return candidate && candidate.active && candidate.id !== person.id ? candidate : null;
  };

  const manager = usable(person.managerId);
  if (manager) {
    return { kind: 'manager', personId: manager.id, name: manager.name, teamId: null, explanation: `Your manager, ${manager.name}, agrees your plan.` };
  }
  const why = person.managerId ? `Your manager${byId.get(person.managerId) ? `, ${byId.get(person.managerId)?.name},` : ''} is no longer active` : 'You have no manager';

  const teamsById = new Map(teams.map((t) => [t.id, t]));
  const visited = new Set<string>();
  for (let team = person.teamId ? teamsById.get(person.teamId) : undefined; team && !visited.has(team.id); team = team.parentId ? teamsById.get(team.parentId) : undefined) {
    visited.add(team.id);
    const named = approvers.filter((a) => a.teamId === team?.id).map((a) => usable(a.personId)).find((p) => p !== null);
    if (named) {
      return {
        kind: 'team-approver',
        personId: named.id,
        name: named.name,
        teamId: team.id,
        explanation: `${why}: ${named.name}, named by an admin to agree plans for ${team.name}, agrees your plan.`,
      };
    }
  }

  const organisation = approvers.filter((a) => a.teamId === null).map((a) => usable(a.personId)).find((p) => p !== null);
  if (organisation) {
    return {
      kind: 'organisation-approver',
      personId: organisation.id,
      name: organisation.name,
      teamId: null,
      explanation: `${why}: ${organisation.name}, named by an admin to agree plans for the organisation, agrees your plan.`,
    };
  }

  const seen = new Set<string>([person.id]);
  for (let above = person.managerId ? byId.get(person.managerId) : undefined; above && !seen.has(above.id); above = above.managerId ? byId.get(above.managerId) : undefined) {
    seen.add(above.id);
    const skip = usable(above.managerId);
    if (skip) {
      return { kind: 'skip-level', personId: skip.id, name: skip.name, teamId: null, explanation: `${why}: ${skip.name}, the next manager up, agrees your plan.` };
    }
  }
  return { kind: 'nobody', personId: null, name: null, teamId: null, explanation: NO_APPROVER_EXPLANATION };
}

/** An admin naming (or replacing) the approver of a team, or of the organisation when teamId is null. */
export const namePlanApproverSchema = z.object({
  teamId: z.uuid('must be a team id').nullable(),
  personId: z.uuid('must be a person id'),
});
export type NamePlanApproverInput = z.infer<typeof namePlanApproverSchema>;
