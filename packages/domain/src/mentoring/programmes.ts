import { z } from 'zod';
import { daysBetween, type CalendarDate } from '../plans/cadence.js';
import { calendarDateSchema, distinct, isCalendarDate, idSchema, multilineText, singleLineText, skillKeySchema } from './text.js';

/**
 * Mentoring programmes: a name, dates, and who may join as mentor or as mentee. An admin or the
 * programme's lead pairs its participants on the matching board (`proposeAssignment`) and publishes
 * the pairs, which start as active relationships of the programme.
 */

export const MAX_PROGRAMME_NAME_LENGTH = 120;
export const MAX_PROGRAMME_DESCRIPTION_LENGTH = 2000;

/** anyone: any active person may join; invited: only people the lead adds. */
export const PROGRAMME_ELIGIBILITY = ['anyone', 'invited'] as const;
export type ProgrammeEligibility = (typeof PROGRAMME_ELIGIBILITY)[number];
export const PROGRAMME_PARTS = ['mentor', 'mentee'] as const;
export type ProgrammePart = (typeof PROGRAMME_PARTS)[number];

const eligibility = z.enum(PROGRAMME_ELIGIBILITY, { message: `choose one of ${PROGRAMME_ELIGIBILITY.join(', ')}` });

export const programmeInputSchema = z
  .object({
    name: singleLineText(MAX_PROGRAMME_NAME_LENGTH),
    description: multilineText(MAX_PROGRAMME_DESCRIPTION_LENGTH).default(''),
    startsOn: calendarDateSchema,
    endsOn: calendarDateSchema,
    mentorsMayJoin: eligibility.default('invited'),
    menteesMayJoin: eligibility.default('anyone'),
    leadId: idSchema.nullable().default(null),
  })
  .refine((p) => !isCalendarDate(p.startsOn) || !isCalendarDate(p.endsOn) || daysBetween(p.startsOn, p.endsOn) > 0, {
    message: 'the programme must end after it starts',
    path: ['endsOn'],
  });
export type ProgrammeInput = z.output<typeof programmeInputSchema>;

/** The lead adds (or removes) a participant; with `anyone` people may also join themselves. */
export const programmeParticipantSchema = z.object({
  programmeId: idSchema,
  personId: idSchema,
  part: z.enum(PROGRAMME_PARTS, { message: 'choose mentor or mentee' }),
  /** A mentee's focus skills for the board (a mentor leaves it empty: their profile says what they offer). */
  focusSkillKeys: distinct(skillKeySchema, { max: 10, what: 'focus skill' }).default([]),
});
export type ProgrammeParticipantInput = z.output<typeof programmeParticipantSchema>;

export type ProgrammePhase = 'upcoming' | 'running' | 'finished';

export function programmePhase(programme: { startsOn: CalendarDate; endsOn: CalendarDate }, today: CalendarDate): ProgrammePhase {
  if (daysBetween(today, programme.startsOn) > 0) return 'upcoming';
  if (daysBetween(programme.endsOn, today) > 0) return 'finished';
  return 'running';
}

/** The actor's standing in a programme: admin (the organisation's), the programme's lead, or anyone else. */
export type ProgrammeActor = 'admin' | 'lead' | 'person';

/** Whether the actor coordinates this programme (pairs, runs the board, publishes). */
export function coordinatesProgramme(actor: ProgrammeActor): boolean {
  return actor === 'admin' || actor === 'lead';
}

/**
 * Why this person may not be added as this part now, or null. A coordinator adds anyone active; a
 * person joins themselves only where the programme says `anyone`. Nobody joins a finished programme.
 */
export function joinProblem(
  programme: { startsOn: CalendarDate; endsOn: CalendarDate; mentorsMayJoin: ProgrammeEligibility; menteesMayJoin: ProgrammeEligibility },
  part: ProgrammePart,
  actor: ProgrammeActor,
  self: boolean,
  today: CalendarDate,
): string | null {
  if (programmePhase(programme, today) === 'finished') return 'the programme has finished';
  if (coordinatesProgramme(actor)) return null;
  if (!self) return 'only an admin or the programme lead adds other people';
  const rule = part === 'mentor' ? programme.mentorsMayJoin : programme.menteesMayJoin;
  return rule === 'anyone' ? null : `${part}s join this programme by invitation from its lead`;
}

/** Publishing the board's pairs: which pairs of the proposal are kept (the coordinator may drop some). */
export const boardPairSchema = z.object({ menteeId: idSchema, mentorId: idSchema });
export const publishPairsSchema = z.object({
  programmeId: idSchema,
  pairs: z
    .array(boardPairSchema)
    .min(1, { message: 'choose at least one pair to publish' })
    .max(5000, { message: 'at most 5,000 pairs at once' })
    .superRefine((pairs, ctx) => {
      const mentees = new Set<string>();
      pairs.forEach((p, i) => {
        if (mentees.has(p.menteeId)) ctx.addIssue({ code: 'custom', message: 'a mentee is paired twice', path: [i, 'menteeId'] });
        mentees.add(p.menteeId);
      });
    }),
});
export type PublishPairsInput = z.output<typeof publishPairsSchema>;

/**
 * Problems with pairs to publish, by index ("pairs.3"), checked against the programme's
 * participants and each mentor's free places (a board can be stale by the time it is published).
 */
export function publishProblems(
  pairs: readonly { menteeId: string; mentorId: string }[],
  participants: { mentors: ReadonlySet<string>; mentees: ReadonlySet<string> },
  freePlaces: ReadonlyMap<string, number>,
): Record<string, string> {
  const fields: Record<string, string> = {};
  const used = new Map<string, number>();
  pairs.forEach((p, i) => {
    if (!participants.mentees.has(p.menteeId)) fields[`pairs.${i}.menteeId`] = 'not a mentee of this programme';
    else if (!participants.mentors.has(p.mentorId)) fields[`pairs.${i}.mentorId`] = 'not a mentor of this programme';
    else if (p.menteeId === p.mentorId) fields[`pairs.${i}.mentorId`] = 'a person cannot mentor themselves';
    else {
      const n = (used.get(p.mentorId) ?? 0) + 1;
      used.set(p.mentorId, n);
      if (n > (freePlaces.get(p.mentorId) ?? 0)) fields[`pairs.${i}.mentorId`] = 'this mentor has no free place left';
    }
  });
  return fields;
}
