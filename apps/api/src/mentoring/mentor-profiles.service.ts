import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  offeredSkillProblems,
  suggestOfferedSkills,
  type MentorProfile,
  type MentorProfileInput,
  type OfferedSkillSuggestion,
} from '@trellis/domain';
import { mentorProfileInputSchema } from '@trellis/domain';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AssessmentsService, toDomainAssessment } from '../assessments/assessments.service.js';
import { AuditService } from '../audit/audit.service.js';
import { AppError, badInput } from '../common/errors.js';
import { publishedSkillsByKey } from '../frameworks/framework-directory.js';
import { tenantTransaction } from '../database/tenant-database.js';
import { profilesOf, type MentoringActor, type ProfileRow } from './mentoring-store.js';

export interface OfferedSkillSuggestionRow extends OfferedSkillSuggestion {
  skillName: string;
}

/** Mentor profiles: a person offers to mentor (capacity, skills, how they meet, other teams, pause). */
@Injectable()
export class MentorProfilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assessments: AssessmentsService,
    private readonly audit: AuditService,
  ) {}

  myProfile(actor: MentoringActor): Promise<ProfileRow | null> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const [row] = await profilesOf(manager, actor.organisationId, [actor.personId]);
      return row ?? null;
    });
  }

  /** Skills to offer, suggested from the caller's own assessments (level 4 or above, manager-confirmed first). */
  suggestions(actor: MentoringActor): Promise<OfferedSkillSuggestionRow[]> {
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const rows = await this.assessments.assessmentsOf(manager, actor.organisationId, [actor.personId]);
      const skills = await publishedSkillsByKey(manager, actor.organisationId);
      const scale = [...skills.values()][0]?.scale ?? [];
      return suggestOfferedSkills(rows.map(toDomainAssessment), { scale, skillOrder: [...skills.keys()] }).map((s) => ({
        ...s,
        skillName: skills.get(s.skillKey)?.name ?? s.skillKey,
      }));
    });
  }

  /**
   * Creates or replaces the caller's profile. A profile that exists is changed only from the version
   * the caller read (`expectedVersion`); a stale one is refused (CONFLICT).
   */
  save(actor: MentoringActor, input: MentorProfileInput & { expectedVersion?: number | null }): Promise<ProfileRow> {
    const parsed = mentorProfileInputSchema.parse(input);
    return tenantTransaction(this.dataSource, actor.organisationId, async (manager) => {
      const skills = await publishedSkillsByKey(manager, actor.organisationId);
      const problems = offeredSkillProblems(parsed.offeredSkillKeys, skills.keys());
      if (Object.keys(problems).length > 0) throw badInput(problems);
      const [existing] = (await manager.query(`SELECT id, version FROM mentor_profiles WHERE organisation_id = $1 AND person_id = $2 FOR UPDATE`, [
        actor.organisationId,
        actor.personId,
      ])) as { id: string; version: number }[];
      const profile: MentorProfile = { ...parsed };
      if (existing) {
        if (input.expectedVersion == null || input.expectedVersion !== existing.version) {
          throw new AppError('CONFLICT', 'Your mentor profile was changed elsewhere since you opened it: reload to see it.');
        }
        const next = profile;
        await manager.query(
          `UPDATE mentor_profiles SET capacity = $3, offered_skill_keys = $4, meeting = $5, accepts_other_teams = $6, paused = $7, about = $8,
             version = version + 1, updated_at = now() WHERE organisation_id = $1 AND id = $2`,
          [actor.organisationId, existing.id, next.capacity, next.offeredSkillKeys, JSON.stringify(next.meeting), next.acceptsOtherTeams, next.paused, next.about],
        );
      } else {
        await manager.query(
          `INSERT INTO mentor_profiles (organisation_id, id, person_id, capacity, offered_skill_keys, meeting, accepts_other_teams, paused, about, version, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 1, now())`,
          [actor.organisationId, randomUUID(), actor.personId, profile.capacity, profile.offeredSkillKeys, JSON.stringify(profile.meeting), profile.acceptsOtherTeams, profile.paused, profile.about],
        );
      }
      await this.audit.record(manager, actor, {
        action: 'mentoring.profile.saved',
        summary: profile.paused ? 'paused their mentor profile' : `offers to mentor (${profile.capacity} at once)`,
        subjectType: 'person',
        subjectId: actor.personId,
        subjectPersonId: actor.personId,
      });
      const [row] = await profilesOf(manager, actor.organisationId, [actor.personId]);
      return row!;
    });
  }
}
