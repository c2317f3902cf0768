import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  currentProfile,
  describeSkillMatch,
  focusSkillsFromGaps,
  MENTOR_SKILL_LEVEL,
  MAX_MENTOR_SEARCH_SKILLS,
  mentorSkillLevels,
  rankMentors,
  reportingLines,
  type FindMentorsQuery,
  type MenteeFocusSkill,
  type MentorForMatching,
  type MentorSuggestion,
  type SkillMatch,
} from '@trellis/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AssessmentsService, toDomainAssessment } from '../assessments/assessments.service.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { publishedSkillsByKey } from '../frameworks/framework-directory.js';
import { peopleWithTeams } from '../people/people-directory.js';
import { PlanReader } from '../plans/plan-reader.js';
import type { PlanDetailRow } from '../plans/plan-rows.js';
import { mentoringSettingsOf } from './mentoring-settings.service.js';
import { occupiedPlaces, profilesOf, type MentoringActor, type ProfileRow } from './mentoring-store.js';

export interface SkillMatchRow extends SkillMatch {
  skillName: string;
  /** "Risk & opportunity management: 4, you need 3". */
  explanation: string;
}

export interface MentorSuggestionRow extends Omit<MentorSuggestion, 'skills'> {
  mentorName: string;
  teamName: string | null;
  about: string;
  meeting: ProfileRow['meeting'];
  skills: SkillMatchRow[];
  /** The whole explanation in one line ("...; ..."). */
  explanation: string;
}

export interface MentorSearchRow {
  /** Where the focus came from: the plan's gaps, the skills chosen, or nothing to go on. */
  focusSource: 'plan' | 'chosen' | 'none';
  focusSkills: (MenteeFocusSkill & { skillName: string })[];
  suggestions: MentorSuggestionRow[];
  /** Mentors not suggested (capacity, reporting line, paused...): counted only, never named. */
  excludedCount: number;
  uncoveredSkillKeys: string[];
}

/** Everything matching needs about the organisation's mentors, read in a fixed number of statements. */
export interface MentorPool {
  mentors: MentorForMatching[];
  people: Map<string, { name: string; teamId: string | null; teamName: string | null; managerId: string | null }>;
  profiles: Map<string, ProfileRow>;
  lines: ReturnType<typeof reportingLines>;
  reportingPeople: { personId: string; managerId: string | null }[];
}

@Injectable()
export class MentorMatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsService,
    private readonly plans: PlanReader,
  ) {}

  /** The organisation's mentors as matching sees them (offered skills at their assessed levels, free places). */
  async mentorPool(manager: EntityManager, organisationId: string, mentorIds: readonly string[] | null = null): Promise<MentorPool> {
    const people = await peopleWithTeams(manager, organisationId);
    const byId = new Map(people.map((p) => [p.id, p]));
    const profiles = (await profilesOf(manager, organisationId, mentorIds)).filter((p) => byId.has(p.personId));
    const ids = profiles.map((p) => p.personId);
    // One after another: the transaction's client runs one statement at a time.
    const assessed = await this.assessments.assessmentsOf(manager, organisationId, ids);
    const occupied = await occupiedPlaces(manager, organisationId, ids);
    const byPerson = new Map<string, typeof assessed>();
    for (const row of assessed) byPerson.set(row.personId, [...(byPerson.get(row.personId) ?? []), row]);
    const mentors: MentorForMatching[] = profiles.map((p) => ({
      personId: p.personId,
      teamId: byId.get(p.personId)?.teamId ?? null,
      capacity: p.capacity,
      occupiedPlaces: occupied.get(p.personId) ?? 0,
      paused: p.paused,
      acceptsOtherTeams: p.acceptsOtherTeams,
      skills: mentorSkillLevels((byPerson.get(p.personId) ?? []).map(toDomainAssessment), p.offeredSkillKeys),
    }));
    const reportingPeople = people.map((p) => ({ personId: p.id, managerId: p.managerId }));
    return {
      mentors,
      people: new Map(people.map((p) => [p.id, { name: p.name, teamId: p.teamId, teamName: p.teamName, managerId: p.managerId }])),
      profiles: new Map(profiles.map((p) => [p.personId, p])),
      lines: reportingLines(reportingPeople),
      reportingPeople,
    };
  }

  /**
   * Mentors for the caller, ranked by how well they cover the caller's focus gap skills (from their
   * plan's gaps, or the skills they choose), each with its explanation.
   */
  async findMentors(actor: MentoringActor, query: FindMentorsQuery): Promise<MentorSearchRow> {
    const plan = await this.plans.planOf(actor, actor.personId);
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const skills = await publishedSkillsByKey(manager, actor.organisationId);
      const nameOf = (key: string) => skills.get(key)?.name ?? key;
      const gaps = plan?.readiness.skills ?? [];
      let focus: MenteeFocusSkill[];
      let focusSource: MentorSearchRow['focusSource'];
      if (query.focusSkillKeys) {
        const own = currentProfile((await this.assessments.assessmentsOf(manager, actor.organisationId, [actor.personId])).map(toDomainAssessment));
        const fromGaps = new Map(focusSkillsFromGaps(gaps, query.focusSkillKeys).map((f) => [f.skillKey, f]));
        focus = query.focusSkillKeys.map((key) => {
          const known = fromGaps.get(key);
          if (known) return known;
          const level = own.get(key)?.level ?? null;
          return { skillKey: key, currentLevel: level, neededLevel: Math.max(MENTOR_SKILL_LEVEL, (level ?? 0) + 1) };
        });
        focusSource = 'chosen';
      } else {
        focus = planFocus(plan);
        focusSource = focus.length > 0 ? 'plan' : 'none';
      }
      const focusSkills = focus.map((f) => ({ ...f, skillName: nameOf(f.skillKey) }));
      if (focus.length === 0) return { focusSource, focusSkills, suggestions: [], excludedCount: 0, uncoveredSkillKeys: [] };

      const pool = await this.mentorPool(manager, actor.organisationId);
      const excluded = (await manager.query(
        `SELECT DISTINCT mentor_id AS id FROM mentorships WHERE organisation_id = $1 AND mentee_id = $2 AND (status <> 'ended' OR end_reason = 'declined')`,
        [actor.organisationId, actor.personId],
      )) as { id: string }[];
      const me = pool.people.get(actor.personId);
      const { crossTeam } = await mentoringSettingsOf(manager, actor.organisationId);
      const ranking = rankMentors(
        { personId: actor.personId, teamId: me?.teamId ?? null, focusSkills: focus, excludedMentorIds: excluded.map((e) => e.id) },
        pool.mentors,
        pool.lines,
        { crossTeam, includeReportingLine: query.includeReportingLine },
        { limit: query.limit },
      );
      return {
        focusSource,
        focusSkills,
        suggestions: ranking.suggestions.map((s) => suggestionRow(s, pool, nameOf)),
        excludedCount: ranking.excluded.length,
        uncoveredSkillKeys: ranking.uncoveredSkillKeys,
      };
    });
  }
}

/**
 * A plan's focus gap skills: every unmet gap of the target role, then the skills its open actions
 * work on that are not met yet (an unrated skill's level is unknown, and counts from 0), at most 10.
 */
export function planFocus(plan: PlanDetailRow | null): MenteeFocusSkill[] {
  if (!plan) return [];
  const gaps = plan.readiness.skills;
  const status = new Map(gaps.map((g) => [g.skillKey, g.status]));
  const unmet = gaps.filter((g) => g.status === 'unmet').map((g) => g.skillKey);
  const worked = plan.actions.filter((a) => a.status !== 'dropped' && a.status !== 'done').flatMap((a) => a.skillKeys);
  const keys = [...new Set([...unmet, ...worked.filter((k) => status.has(k) && status.get(k) !== 'met')])].slice(0, MAX_MENTOR_SEARCH_SKILLS);
  return focusSkillsFromGaps(gaps, keys);
}

export function suggestionRow(s: MentorSuggestion, pool: MentorPool, nameOf: (key: string) => string): MentorSuggestionRow {
  const person = pool.people.get(s.mentorId);
  const profile = pool.profiles.get(s.mentorId);
  const skills = s.skills.map((m) => ({ ...m, skillName: nameOf(m.skillKey), explanation: describeSkillMatch(m, nameOf) }));
  return {
    ...s,
    mentorName: person?.name ?? 'Someone',
    teamName: person?.teamName ?? null,
    about: profile?.about ?? '',
    meeting: profile?.meeting ?? { modes: [], frequency: null, note: '' },
    skills,
    explanation: skills
      .filter((m) => m.coverage !== 'none')
      .map((m) => m.explanation)
      .join('; '),
  };
}
