import { Context, Field, ID, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { PersonAssessments } from '../assessments/assessments.models.js';
import type { RequestDatabase } from '../database/tenant-database.js';
import type { RequestContext } from '../graphql/request-context.js';

@ObjectType({ description: 'A mentor’s latest rating of one of a mentee’s skills: a third source beside self and manager (readiness does not use it).' })
export class MentorRating {
  @Field() skillKey: string;
  @Field(() => Int) level: number;
  @Field(() => ID) mentorId: string;
  @Field() mentorName: string;
  @Field() note: string;
  @Field() assessedAt: Date;
}

interface MentorRatingRow extends MentorRating {
  menteeId: string;
}

/**
 * One loader per request (kept beside the request's database, not in the shared loaders: mentoring
 * is optional to them): every PersonAssessments of the operation is answered by one statement.
 */
const loaders = new WeakMap<RequestDatabase, DataLoader<string, MentorRating[]>>();
function mentorRatingsLoader(context: RequestContext): DataLoader<string, MentorRating[]> {
  const db = context.db;
  let loader = loaders.get(db);
  if (!loader) {
    loader = new DataLoader<string, MentorRating[]>(async (personIds) => {
      // The latest rating per mentee, mentor and skill, across their mentorships (ended ones too: a rating stays what it was).
      const rows = await db.query<Omit<MentorRatingRow, 'mentorName'> & Record<string, unknown>>(
        `SELECT DISTINCT ON (m.mentee_id, m.mentor_id, a.skill_key)
           m.mentee_id AS "menteeId", m.mentor_id AS "mentorId", a.skill_key AS "skillKey", a.level, a.note, a.assessed_at AS "assessedAt"
         FROM mentor_assessments a
         JOIN mentorships m ON m.organisation_id = a.organisation_id AND m.id = a.mentorship_id
         WHERE a.organisation_id = $1 AND m.mentee_id = ANY($2)
         ORDER BY m.mentee_id, m.mentor_id, a.skill_key, a.assessed_at DESC, a.id`,
        [db.organisationId, [...personIds]],
      );
      // Names through the people module's loader (batched too).
      const mentors = await context.loaders.people.person.loadMany([...new Set(rows.map((r) => r.mentorId))]);
      const names = new Map(mentors.flatMap((m) => (m && !(m instanceof Error) ? [[m.id, m.name] as const] : [])));
      return personIds.map((id) =>
        rows.filter((r) => r.menteeId === id).map(({ menteeId: _, ...rating }) => ({ ...rating, mentorName: names.get(rating.mentorId) ?? 'A mentor' })),
      );
    });
    loaders.set(db, loader);
  }
  return loader;
}

/**
 * `PersonAssessments.mentorRatings`: served wherever a person's assessments are (My career, My plan,
 * a report's plan, the mentee's shared assessments), to whoever the assessments module already let
 * read them; no other way in.
 */
@Resolver(() => PersonAssessments)
export class MentorRatingsResolver {
  @ResolveField(() => [MentorRating], { description: 'Mentors’ latest ratings of this person’s skills (a third source; readiness uses self and manager).' })
  mentorRatings(@Parent() assessments: { personId: string }, @Context() context: RequestContext): Promise<MentorRating[]> {
    return mentorRatingsLoader(context).load(assessments.personId);
  }
}
