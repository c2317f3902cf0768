import { Injectable } from '@nestjs/common';
import {
  chooseSuggestions,
  FOCUS_PROGRESS,
  gapsAlongRoute,
  profileLevels,
  proposePlan,
  type Coverage,
  type FocusSkill,
  type PlanProposal,
  type PlanSuggestion,
  type RankedGap,
  type SkillGapAnalysis,
  type UnknownExpectation,
} from '@trellis/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { toDomainAssessment, AssessmentsService } from '../assessments/assessments.service.js';
import { badInput } from '../common/errors.js';
import { findPerson } from '../people/people-directory.js';
import type { VersionDocument } from './framework-document.js';
import { currentRoleKeyIn } from './plan-readiness.js';
import { PlanStore } from './plan-store.js';

/**
 * What a revision keeps of its focused proposal (`proposePlan` in packages/domain/src/plans/focus.ts):
 * the focus skills with their suggestions, the "later" gaps, the expectations nothing is known about,
 * and what the proposal rested on. Suggestions are not actions: the person adds the ones they choose.
 */
export interface StoredProposal {
  stepRoleKeys: string[];
  focus: FocusSkill[];
  later: RankedGap[];
  unknown: UnknownExpectation[];
  suggestions: PlanSuggestion[];
  coverage: Coverage;
  assumption: string;
}

export function storedProposal(proposal: PlanProposal): StoredProposal {
  const { stepRoleKeys, focus, later, unknown, suggestions, coverage, assumption } = proposal;
  return { stepRoleKeys, focus, later, unknown, suggestions, coverage, assumption };
}

/** The plan a proposal's suggestions are added to. */
export interface ProposalPlan {
  id: string;
  revision: number;
}

/**
 * Focused proposals for plans: made when a plan is created or changes direction (stored on the
 * revision), and the suggestions the person chooses turned into actions. Runs inside the caller's
 * transaction; the caller locks the plan and checks who may change it.
 */
@Injectable()
export class PlanProposalsService {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly planStore: PlanStore,
  ) {}

  /** The gap targets (for the revision's baseline) and the focused proposal for a person towards a role of a version. */
  async propose(
    manager: EntityManager,
    organisationId: string,
    personId: string,
    version: VersionDocument,
    targetRoleKey: string,
  ): Promise<{ targets: SkillGapAnalysis[]; proposal: PlanProposal }> {
    const person = await findPerson(manager, organisationId, personId);
    const currentRoleKey = currentRoleKeyIn(version, person?.currentRoleId);
    const assessments = await this.assessments.assessmentsOf(manager, organisationId, [personId]);
    const rated = profileLevels(assessments.map(toDomainAssessment));
    const held = (await this.planStore.heldQualifications(manager, organisationId, [personId])).get(personId) ?? [];
    const { targets } = gapsAlongRoute(version.doc, rated, currentRoleKey, targetRoleKey);
    const proposal = proposePlan(version.doc, rated, currentRoleKey, targetRoleKey, { heldQualificationKeys: held.map((h) => h.key) });
    return { targets, proposal };
  }

  /** Keeps the proposal on the revision and adds its starting choice (the first suggestion of each focus skill) as actions. */
  async store(manager: EntityManager, organisationId: string, plan: ProposalPlan, version: VersionDocument, proposal: PlanProposal): Promise<void> {
    await manager.query(`UPDATE plan_revisions SET proposal = $4 WHERE organisation_id = $1 AND plan_id = $2 AND number = $3`, [
      organisationId,
      plan.id,
      plan.revision,
      JSON.stringify(storedProposal(proposal)),
    ]);
    await this.insert(manager, organisationId, plan, version, proposal.suggestions.filter((s) => proposal.defaultSuggestionIds.includes(s.id)));
  }

  /**
   * Adds the chosen suggestions of the plan's current revision as actions (in the proposal's order);
   * refuses ids that are not in the proposal or already added. Returns the titles added.
   */
  async add(manager: EntityManager, organisationId: string, plan: ProposalPlan, version: VersionDocument, suggestionIds: readonly string[]): Promise<string[]> {
    const [row] = (await manager.query(`SELECT proposal FROM plan_revisions WHERE organisation_id = $1 AND plan_id = $2 AND number = $3`, [
      organisationId,
      plan.id,
      plan.revision,
    ])) as { proposal: StoredProposal | null }[];
    if (!row?.proposal) throw badInput({ suggestionIds: 'This revision of the plan has no suggestions: add your own actions instead.' });
    const chosen = chooseSuggestions(row.proposal, suggestionIds);
    if (!chosen.ok) throw badInput(chosen.problems);
    const added = new Set(
      ((await manager.query(`SELECT suggestion_id AS id FROM plan_actions WHERE organisation_id = $1 AND plan_id = $2 AND suggestion_id = ANY($3)`, [
        organisationId,
        plan.id,
        suggestionIds,
      ])) as { id: string }[]).map((r) => r.id),
    );
    const fields: Record<string, string> = {};
    suggestionIds.forEach((id, i) => {
      if (added.has(id)) fields[`suggestionIds.${i}`] = 'This suggestion is already in your plan.';
    });
    if (Object.keys(fields).length > 0) throw badInput(fields);
    const suggestions = row.proposal.suggestions.filter((s) => suggestionIds.includes(s.id));
    await this.insert(manager, organisationId, plan, version, suggestions);
    return suggestions.map((s) => s.title);
  }

  /**
   * A check-in's answers about the focus, checked against the current revision's focus skills (each
   * once, with a known progress); problems go to `fields` ("focus.1.progress"). Returns them as stored.
   */
  async focusAnswers(
    manager: EntityManager,
    organisationId: string,
    plan: ProposalPlan,
    answers: readonly { skillKey: string; progress: string; note?: string | null }[],
    fields: Record<string, string>,
  ): Promise<{ skillKey: string; progress: string; note: string | null }[]> {
    if (answers.length === 0) return [];
    const [row] = (await manager.query(`SELECT proposal FROM plan_revisions WHERE organisation_id = $1 AND plan_id = $2 AND number = $3`, [
      organisationId,
      plan.id,
      plan.revision,
    ])) as { proposal: StoredProposal | null }[];
    const focus = new Set((row?.proposal?.focus ?? []).map((f) => f.skillKey));
    const seen = new Set<string>();
    answers.forEach((answer, i) => {
      if (!focus.has(answer.skillKey)) fields[`focus.${i}.skillKey`] = `"${answer.skillKey}" is not a focus skill of this plan.`;
      else if (seen.has(answer.skillKey)) fields[`focus.${i}.skillKey`] = 'This focus skill is answered twice.';
      seen.add(answer.skillKey);
      if (!(FOCUS_PROGRESS as readonly string[]).includes(answer.progress)) fields[`focus.${i}.progress`] = `Choose one of ${FOCUS_PROGRESS.join(', ')}.`;
    });
    return answers.map((a) => ({ skillKey: a.skillKey, progress: a.progress, note: a.note?.trim() || null }));
  }

  /** Suggestions as actions of the plan's current revision, after its last action, each remembering its suggestion. */
  private async insert(manager: EntityManager, organisationId: string, plan: ProposalPlan, version: VersionDocument, suggestions: readonly PlanSuggestion[]) {
    if (suggestions.length === 0) return;
    const actions = suggestions.map((s, i) => ({
      id: randomUUID(),
      offset: i + 1,
      type: s.type,
      title: s.title,
      description: s.description,
      qualification_id: s.qualificationKey ? (version.qualificationIdByKey.get(s.qualificationKey) ?? null) : null,
      suggestion_id: s.id,
      skillIds: s.skillKeys.flatMap((key) => version.skillIdByKey.get(key) ?? []),
    }));
    // The positions follow the plan's last action, read in the same statement.
    await manager.query(
      `INSERT INTO plan_actions (organisation_id, id, plan_id, revision_number, position, type, title, description, qualification_id, suggestion_id, status)
       SELECT $1, a.id, $2, $3, (SELECT coalesce(max(position), 0) FROM plan_actions WHERE organisation_id = $1 AND plan_id = $2) + a.offset,
         a.type, a.title, a.description, a.qualification_id, a.suggestion_id, 'not-started'
       FROM jsonb_to_recordset($4::jsonb) AS a(id uuid, "offset" int, type text, title text, description text, qualification_id uuid, suggestion_id text)`,
      [organisationId, plan.id, plan.revision, JSON.stringify(actions)],
    );
    const links = actions.flatMap((a) => a.skillIds.map((skill_id) => ({ action_id: a.id, skill_id })));
    if (links.length === 0) return;
    await manager.query(
      `INSERT INTO plan_action_skills (organisation_id, action_id, skill_id)
       SELECT $1, l.action_id, l.skill_id FROM jsonb_to_recordset($2::jsonb) AS l(action_id uuid, skill_id uuid)`,
      [organisationId, JSON.stringify(links)],
    );
  }
}
