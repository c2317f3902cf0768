import type { FrameworkDocument } from '../framework/document.js';
import type { Assessment } from '../plans/assessments.js';
import { readiness, type HeldQualification } from '../plans/readiness.js';
import { readinessOutlook, type SuccessionCandidate } from './succession.js';

/** A framework version as succession needs it: the document (by key) and the ids the rows carry. */
export interface CandidateVersion {
  doc: FrameworkDocument;
  roleKeyById: ReadonlyMap<string, string>;
  skillIdByKey: ReadonlyMap<string, string>;
  qualificationIdByKey: ReadonlyMap<string, string>;
}

export interface CandidatesInput {
  /** Open plans: whose, the person's team, the target role and the version it is of. */
  plans: readonly { personId: string; teamId: string | null; targetRoleId: string; frameworkVersionId: string }[];
  versions: ReadonlyMap<string, CandidateVersion>;
  /** Each person's ratings (skills by key) as they stood at `asOf`, and qualifications held. */
  ratings: ReadonlyMap<string, readonly Assessment[]>;
  held: ReadonlyMap<string, readonly HeldQualification[]>;
  asOf: Date;
}

/**
 * Everyone with an open plan: their readiness for its target role at `asOf` and its outlook, with skill and
 * qualification ids (not keys) in the blockers. A plan whose target role is not in its version is left out.
 * Readiness per person is the heavy part of a report snapshot: the API runs this in a worker (`successionCandidates`).
 */
export function successionCandidates(input: CandidatesInput): SuccessionCandidate[] {
  return input.plans.flatMap((plan) => {
    const version = input.versions.get(plan.frameworkVersionId);
    const roleKey = version?.roleKeyById.get(plan.targetRoleId);
    if (!version || !roleKey) return [];
    const outlook = readinessOutlook(readiness(version.doc, roleKey, input.ratings.get(plan.personId) ?? [], input.held.get(plan.personId) ?? [], input.asOf));
    return [
      {
        personId: plan.personId,
        teamId: plan.teamId,
        targetRoleId: plan.targetRoleId,
        outlook: {
          ...outlook,
          blockingSkills: outlook.blockingSkills.map((b) => ({ ...b, skillId: version.skillIdByKey.get(b.skillId) ?? b.skillId })),
          missingQualificationIds: outlook.missingQualificationIds.map((key) => version.qualificationIdByKey.get(key) ?? key),
        },
      },
    ];
  });
}
