import { z } from 'zod';
import { daysBetween, type CalendarDate } from '../plans/cadence.js';
import { calendarDateSchema, distinct, idSchema, multilineText, skillKeySchema } from './text.js';

/**
 * A mentoring relationship's life: requested (by the mentee) → active (the mentor accepts) ⇄ paused
 * → ended, with a reason. A request can also end straight away: declined by the mentor (with a
 * kindly worded reason the mentee sees) or withdrawn by the mentee. An admin or a programme lead
 * (a "coordinator") pairs people directly: the relationship starts active. Both sides may have
 * several relationships at once; ended ones stay readable (history).
 */

export const RELATIONSHIP_STATUSES = ['requested', 'active', 'paused', 'ended'] as const;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];

export const RELATIONSHIP_MOVES = ['accept', 'decline', 'withdraw', 'pause', 'resume', 'end'] as const;
export type RelationshipMove = (typeof RELATIONSHIP_MOVES)[number];

/**
 * The actor's part in the relationship. coordinator: an organisation admin, or the lead of the
 * programme the relationship belongs to (the API decides who is one); other: anyone else.
 */
export type RelationshipRole = 'mentee' | 'mentor' | 'coordinator' | 'other';

/** How a relationship ended. declined and withdrawn end a request; the others are chosen when ending. */
export const END_REASONS = ['goals-met', 'no-longer-useful', 'left-organisation', 'declined', 'withdrawn', 'other'] as const;
export type EndReason = (typeof END_REASONS)[number];
/** The reasons a person chooses when ending an active or paused relationship. */
export const CLOSING_REASONS = ['goals-met', 'no-longer-useful', 'left-organisation', 'other'] as const;
export type ClosingReason = (typeof CLOSING_REASONS)[number];

export const DECLINE_REASONS = ['no-capacity', 'not-a-fit', 'timing', 'other'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** What the mentee reads when a request is declined: kind, and never about them. ('other' shows the mentor's note.) */
export const DECLINE_REASON_WORDING: Readonly<Record<Exclude<DeclineReason, 'other'>, string>> = {
  'no-capacity': 'They are supporting as many people as they can right now, and want you to have a mentor with time for you.',
  'not-a-fit': 'They think someone else could help you more with these skills: have a look at the other suggestions.',
  timing: 'The timing does not work for them at the moment; you are welcome to ask again later.',
};

export const END_REASON_LABELS: Readonly<Record<EndReason, string>> = {
  'goals-met': 'Goals met',
  'no-longer-useful': 'No longer useful',
  'left-organisation': 'Left the organisation',
  declined: 'Request declined',
  withdrawn: 'Request withdrawn',
  other: 'Other',
};

/** Open: not ended (a pair has at most one open relationship). */
export function isOpenRelationship(status: RelationshipStatus): boolean {
  return status !== 'ended';
}

/** The statuses that take one of the mentor's places: a request does not, a paused relationship does. */
export const OCCUPYING_STATUSES: readonly RelationshipStatus[] = ['active', 'paused'];
export function occupiesPlace(status: RelationshipStatus): boolean {
  return OCCUPYING_STATUSES.includes(status);
}

interface MoveRule {
  from: readonly RelationshipStatus[];
  to: RelationshipStatus;
  by: readonly RelationshipRole[];
}

const RULES: Record<RelationshipMove, MoveRule> = {
  accept: { from: ['requested'], to: 'active', by: ['mentor'] },
  decline: { from: ['requested'], to: 'ended', by: ['mentor'] },
  withdraw: { from: ['requested'], to: 'ended', by: ['mentee', 'coordinator'] },
  pause: { from: ['active'], to: 'paused', by: ['mentee', 'mentor', 'coordinator'] },
  resume: { from: ['paused'], to: 'active', by: ['mentee', 'mentor', 'coordinator'] },
  end: { from: ['active', 'paused'], to: 'ended', by: ['mentee', 'mentor', 'coordinator'] },
};

const WHO: Record<RelationshipRole, string> = {
  mentee: 'the mentee',
  mentor: 'the mentor',
  coordinator: 'a coordinator (an admin or the programme lead)',
  other: 'someone else',
};

/** "a", "a or b", "a, b or c". */
function listOf(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

const PAST: Record<RelationshipMove, string> = {
  accept: 'accepted',
  decline: 'declined',
  withdraw: 'withdrawn',
  pause: 'paused',
  resume: 'resumed',
  end: 'ended',
};

const NOUN: Record<RelationshipStatus, string> = {
  requested: 'a request',
  active: 'an active mentorship',
  paused: 'a paused mentorship',
  ended: 'an ended mentorship',
};

/**
 * not-allowed: the actor may never make this move; wrong-status: not from this status;
 * reason-required / note-required: say why; at-capacity: the mentor has no free place to accept.
 */
export type RelationshipRefusal = 'not-allowed' | 'wrong-status' | 'reason-required' | 'note-required' | 'at-capacity';

export type RelationshipTransitionResult =
  | { ok: true; status: RelationshipStatus; endReason: EndReason | null; declineReason: DeclineReason | null }
  | { ok: false; refusal: RelationshipRefusal; reason: string };

export interface RelationshipMoveOptions {
  /** For end: why (required; "other" needs a note). */
  endReason?: ClosingReason | null;
  /** For decline: why (required; "other" needs a note, which the mentee reads). */
  declineReason?: DeclineReason | null;
  note?: string | null;
  /** For accept: the mentor's capacity and places occupied now (active and paused relationships). */
  mentorPlaces?: { capacity: number; occupied: number };
}

/** The status a relationship moves to (and why it ended), or why the actor may not make that move now. */
export function transitionRelationship(
  relationship: { status: RelationshipStatus },
  move: RelationshipMove,
  role: RelationshipRole,
  options: RelationshipMoveOptions = {},
): RelationshipTransitionResult {
  const rule = RULES[move];
  if (!rule.by.includes(role)) {
    return { ok: false, refusal: 'not-allowed', reason: `only ${listOf(rule.by.map((r) => WHO[r]))} can ${move} ${move === 'accept' || move === 'decline' || move === 'withdraw' ? 'a request' : 'a mentorship'}; you are ${WHO[role]}` };
  }
  if (!rule.from.includes(relationship.status)) {
    return { ok: false, refusal: 'wrong-status', reason: `${NOUN[relationship.status]} cannot be ${PAST[move]}; only ${rule.from.map((s) => NOUN[s]).join(' or ')} can` };
  }
  const hasNote = (options.note ?? '').trim() !== '';
  if (move === 'decline') {
    if (!options.declineReason) return { ok: false, refusal: 'reason-required', reason: 'choose why you are declining: the mentee sees a kind version of it' };
    if (options.declineReason === 'other' && !hasNote) return { ok: false, refusal: 'note-required', reason: 'add a short note for the mentee when the reason is "other"' };
    return { ok: true, status: rule.to, endReason: 'declined', declineReason: options.declineReason };
  }
  if (move === 'end') {
    if (!options.endReason) return { ok: false, refusal: 'reason-required', reason: 'choose why the mentorship is ending' };
    if (options.endReason === 'other' && !hasNote) return { ok: false, refusal: 'note-required', reason: 'add a short note when the reason is "other"' };
    return { ok: true, status: rule.to, endReason: options.endReason, declineReason: null };
  }
  if (move === 'accept' && options.mentorPlaces && options.mentorPlaces.occupied >= options.mentorPlaces.capacity) {
    return {
      ok: false,
      refusal: 'at-capacity',
      reason: `you are mentoring ${options.mentorPlaces.occupied} of your ${options.mentorPlaces.capacity} places: end or pause one, or raise your capacity, to accept`,
    };
  }
  return { ok: true, status: rule.to, endReason: move === 'withdraw' ? 'withdrawn' : null, declineReason: null };
}

/** The moves an actor can make from a status (for showing only the buttons that work). */
export function availableMoves(status: RelationshipStatus, role: RelationshipRole): RelationshipMove[] {
  return RELATIONSHIP_MOVES.filter((move) => RULES[move].by.includes(role) && RULES[move].from.includes(status));
}

/** How a relationship begins: a mentee's request, or a coordinator's pairing (directly or on a programme's board). */
export type RelationshipStart = 'request' | 'pairing';

/**
 * The status a new relationship starts in, or why the actor may not start it this way. Only the
 * mentee requests; only a coordinator pairs. Whether this mentor may mentor this mentee at all
 * (self, reporting line, team, paused, capacity) is `exclusionReason` from matching; that an open
 * relationship between the two already exists is {@link openRelationshipProblem}.
 */
export function startRelationship(
  how: RelationshipStart,
  role: RelationshipRole,
): { ok: true; status: RelationshipStatus } | { ok: false; refusal: 'not-allowed'; reason: string } {
  if (how === 'request') {
    return role === 'mentee' ? { ok: true, status: 'requested' } : { ok: false, refusal: 'not-allowed', reason: `only the mentee can ask for a mentor; you are ${WHO[role]}` };
  }
  return role === 'coordinator' ? { ok: true, status: 'active' } : { ok: false, refusal: 'not-allowed', reason: `only ${WHO.coordinator} can pair people; you are ${WHO[role]}` };
}

/** A problem when the two already have an open (requested, active or paused) relationship, or null. */
export function openRelationshipProblem(
  existing: readonly { menteeId: string; mentorId: string; status: RelationshipStatus }[],
  menteeId: string,
  mentorId: string,
): string | null {
  const open = existing.find((r) => r.menteeId === menteeId && r.mentorId === mentorId && isOpenRelationship(r.status));
  if (!open) return null;
  return open.status === 'requested' ? 'a request to this mentor is already waiting for an answer' : `you already have ${NOUN[open.status]} with this mentor`;
}

/** A problem with a planned end date (it must be after today), or null. */
export function endDateProblem(endsOn: CalendarDate, today: CalendarDate): string | null {
  return daysBetween(today, endsOn) <= 0 ? 'the end date must be after today' : null;
}

/** Field errors for focus skills that are not among those allowed (the mentee's gap skills, or the framework's). */
export function focusSkillProblems(focusSkillKeys: readonly string[], allowedSkillKeys: Iterable<string>): Record<string, string> {
  const allowed = new Set(allowedSkillKeys);
  const unknown = focusSkillKeys.filter((k) => !allowed.has(k));
  return unknown.length === 0 ? {} : { focusSkillKeys: `not skills you can focus on here: ${unknown.map((k) => `"${k}"`).join(', ')}` };
}

// ---------------------------------------------------------------------------------------------
// Input

export const MAX_RELATIONSHIP_FOCUS_SKILLS = 10;
export const MAX_REQUEST_MESSAGE_LENGTH = 2000;
export const MAX_MOVE_NOTE_LENGTH = 1000;

const focusSkillKeys = distinct(skillKeySchema, { min: 1, max: MAX_RELATIONSHIP_FOCUS_SKILLS, what: 'focus skill' });
const note = multilineText(MAX_MOVE_NOTE_LENGTH);

/** A mentee asks a mentor: a message, the focus skills to work on, and an optional planned end date. */
export const mentorRequestSchema = z.object({
  mentorId: idSchema,
  message: multilineText(MAX_REQUEST_MESSAGE_LENGTH, { min: 1 }),
  focusSkillKeys,
  endsOn: calendarDateSchema.nullable().default(null),
});
export type MentorRequestInput = z.output<typeof mentorRequestSchema>;

/** An admin or programme lead pairs two people directly (the relationship starts active). */
export const directPairingSchema = z.object({
  menteeId: idSchema,
  mentorId: idSchema,
  focusSkillKeys,
  endsOn: calendarDateSchema.nullable().default(null),
  note: note.default(''),
});
export type DirectPairingInput = z.output<typeof directPairingSchema>;

/**
 * A move on a relationship, as a form sends it. `accept` may settle the focus skills (replacing the
 * requested ones); `decline` and `end` carry their reason. Pass the parsed fields to
 * {@link transitionRelationship} as its options.
 */
export const relationshipMoveSchema = z.discriminatedUnion('move', [
  z.object({ move: z.literal('accept'), focusSkillKeys: focusSkillKeys.optional(), note: note.default('') }),
  z.object({ move: z.literal('decline'), declineReason: z.enum(DECLINE_REASONS, { message: `choose one of ${DECLINE_REASONS.join(', ')}` }), note: note.default('') }),
  z.object({ move: z.literal('withdraw'), note: note.default('') }),
  z.object({ move: z.literal('pause'), note: note.default('') }),
  z.object({ move: z.literal('resume'), note: note.default('') }),
  z.object({ move: z.literal('end'), endReason: z.enum(CLOSING_REASONS, { message: `choose one of ${CLOSING_REASONS.join(', ')}` }), note: note.default('') }),
]);
export type RelationshipMoveInput = z.output<typeof relationshipMoveSchema>;
