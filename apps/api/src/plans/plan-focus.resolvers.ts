import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { checkInQuestions, summaryDescriptor, type CheckInFramework } from '@trellis/domain';
import { Access } from '../common/access.js';
import type { RequestContext } from '../graphql/request-context.js';
import { AddPlanSuggestionsInput, CheckInQuestion, FocusSkill, RankedGap, UnknownExpectation } from './plan-focus.models.js';
import type { StoredProposal } from './plan-proposals.service.js';
import { Plan } from './plans.models.js';
import { PlanActionsService } from './plan-actions.service.js';
import type { PlanDetailRow } from './plan-rows.js';

/** The focused proposal of the plan's current revision (null for revisions made before focused plans). */
function currentProposal(plan: PlanDetailRow): StoredProposal | null {
  return plan.revisions.find((r) => r.number === plan.revision)?.proposal ?? null;
}

/**
 * What a check-in asks, from the stored focus: its skills' names, aim descriptors and aim level names are all
 * the questions read (each skill gets a one-level scale of its own carrying the stored level name).
 */
function focusFramework(proposal: StoredProposal): CheckInFramework {
  const scaleKey = (index: number) => `focus-${index}`;
  return {
    skillCategories: [{ key: 'focus', name: 'Focus' }],
    skills: proposal.focus.map((f, index) => ({
      key: f.skillKey,
      name: f.skillName,
      categoryKey: 'focus',
      ...(f.aimLevelName ? { scaleKey: scaleKey(index) } : {}),
      levels: f.aimDescriptor ? { [String(f.aimLevel)]: summaryDescriptor(f.aimDescriptor) } : {},
    })),
    scales: proposal.focus.flatMap((f, index) => (f.aimLevelName ? [{ key: scaleKey(index), name: f.skillName, levels: [{ level: f.aimLevel, name: f.aimLevelName }] }] : [])),
    proficiencyScale: [],
  };
}

/**
 * Focused plans on the plan page: the focus skills with their suggestions (each marked with the action
 * made from it once added), the gaps left for later, the expectations nothing is known about, what a
 * check-in asks, and "Add to plan". Everything is read from the plan's detail row (no statement more).
 */
@Resolver(() => Plan)
export class PlanFocusResolver {
  constructor(private readonly actions: PlanActionsService) {}

  @ResolveField(() => [FocusSkill], { description: 'The skills this revision focuses on (at most 5), with one or two suggestions each.' })
  focus(@Parent() plan: PlanDetailRow): FocusSkill[] {
    const proposal = currentProposal(plan);
    if (!proposal) return [];
    const bySuggestion = new Map(plan.actions.filter((a) => a.revisionNumber === plan.revision && a.suggestionId).map((a) => [a.suggestionId!, a.id]));
    const suggestions = new Map(proposal.suggestions.map((s) => [s.id, s]));
    return proposal.focus.map(({ suggestionIds, ...focus }) => ({
      ...focus,
      basis: focus.basis as FocusSkill['basis'],
      suggestions: suggestionIds.flatMap((id) => {
        const s = suggestions.get(id);
        return s ? [{ ...s, type: s.type as never, qualificationKey: s.qualificationKey ?? null, actionId: bySuggestion.get(id) ?? null }] : [];
      }),
    }));
  }

  @ResolveField(() => [RankedGap], { description: 'The other known gaps along the route: visible, for a later revision.' })
  later(@Parent() plan: PlanDetailRow): RankedGap[] {
    return (currentProposal(plan)?.later ?? []).map((gap) => ({ ...gap, basis: gap.basis as RankedGap['basis'] }));
  }

  @ResolveField(() => [UnknownExpectation], { description: 'Expectations of the route neither rated nor assumed: rate them to know.' })
  unknownExpectations(@Parent() plan: PlanDetailRow): UnknownExpectation[] {
    return (currentProposal(plan)?.unknown ?? []).map(({ skillKey, skillName, requiredLevel }) => ({ skillKey, skillName, requiredLevel }));
  }

  @ResolveField(() => [CheckInQuestion], { description: 'What a check-in asks: each focus skill with its actions, then the other open actions.' })
  checkInQuestions(@Parent() plan: PlanDetailRow): CheckInQuestion[] {
    const proposal = currentProposal(plan);
    const actions = plan.actions.map(({ id, title, status, skillKeys }) => ({ id, title, status, skillKeys }));
    const framework: CheckInFramework = proposal ? focusFramework(proposal) : { skills: [], proficiencyScale: [], scales: [], skillCategories: [] };
    return checkInQuestions(framework, proposal?.focus ?? [], actions).map((q) => ({
      skillKey: q.skillKey,
      title: q.title,
      prompt: q.prompt,
      aimLevel: q.aimLevel,
      actions: q.actions.map((a) => ({ ...a, status: a.status as never })),
    }));
  }

  @Mutation(() => Plan, { description: 'Add suggestions of my draft plan’s focus as actions ("Add to plan").' })
  @Access('signedIn')
  addPlanSuggestions(@Args('input') input: AddPlanSuggestionsInput, @Context() context: RequestContext) {
    return this.actions.addSuggestions({ organisationId: context.organisationId, personId: context.session.personId, request: context.request }, input);
  }
}

export const planFocusResolvers = [PlanFocusResolver];
