import {
  availableMoves,
  DECLINE_REASON_WORDING,
  DECLINE_REASONS,
  directPairingSchema,
  endDateProblem,
  focusSkillProblems,
  isOpenRelationship,
  mentorRequestSchema,
  occupiesPlace,
  openRelationshipProblem,
  RELATIONSHIP_MOVES,
  RELATIONSHIP_STATUSES,
  relationshipMoveSchema,
  startRelationship,
  transitionRelationship,
  type RelationshipMove,
  type RelationshipRole,
  type RelationshipStatus,
} from './relationships.js';

const ID = '6f1c2a4e-1111-4a5b-9c3d-0123456789ab';

describe('startRelationship', () => {
  it('a mentee’s request starts as requested; a coordinator’s pairing starts active', () => {
    expect(startRelationship('request', 'mentee')).toEqual({ ok: true, status: 'requested' });
    expect(startRelationship('pairing', 'coordinator')).toEqual({ ok: true, status: 'active' });
  });

  it('refuses anyone else', () => {
    expect(startRelationship('request', 'mentor')).toEqual({ ok: false, refusal: 'not-allowed', reason: 'only the mentee can ask for a mentor; you are the mentor' });
    expect(startRelationship('request', 'coordinator').ok).toBe(false);
    expect(startRelationship('pairing', 'mentee')).toEqual({ ok: false, refusal: 'not-allowed', reason: 'only a coordinator (an admin or the programme lead) can pair people; you are the mentee' });
    expect(startRelationship('pairing', 'other').ok).toBe(false);
  });
});

describe('transitionRelationship', () => {
  it('walks requested → active → paused → active → ended (goals met)', () => {
    const steps: Array<[RelationshipMove, RelationshipRole, RelationshipStatus, Parameters<typeof transitionRelationship>[3]]> = [
      ['accept', 'mentor', 'active', { mentorPlaces: { capacity: 2, occupied: 1 } }],
      ['pause', 'mentee', 'paused', {}],
      ['resume', 'mentor', 'active', {}],
      ['end', 'coordinator', 'ended', { endReason: 'goals-met' }],
    ];
    let status: RelationshipStatus = 'requested';
    for (const [move, role, expected, options] of steps) {
      const result = transitionRelationship({ status }, move, role, options);
      expect(result).toMatchObject({ ok: true, status: expected });
      if (result.ok) status = result.status;
    }
    expect(transitionRelationship({ status: 'active' }, 'end', 'mentee', { endReason: 'goals-met' })).toEqual({ ok: true, status: 'ended', endReason: 'goals-met', declineReason: null });
  });

  it('ends a request when the mentor declines (with a reason) or the mentee withdraws', () => {
    expect(transitionRelationship({ status: 'requested' }, 'decline', 'mentor', { declineReason: 'no-capacity' })).toEqual({ ok: true, status: 'ended', endReason: 'declined', declineReason: 'no-capacity' });
    expect(transitionRelationship({ status: 'requested' }, 'withdraw', 'mentee')).toEqual({ ok: true, status: 'ended', endReason: 'withdrawn', declineReason: null });
    expect(transitionRelationship({ status: 'requested' }, 'withdraw', 'coordinator')).toMatchObject({ ok: true, endReason: 'withdrawn' });
  });

  it('asks why when declining or ending, and for a note when the reason is "other"', () => {
    expect(transitionRelationship({ status: 'requested' }, 'decline', 'mentor')).toEqual({
      ok: false,
      refusal: 'reason-required',
      reason: 'choose why you are declining: the mentee sees a kind version of it',
    });
    expect(transitionRelationship({ status: 'requested' }, 'decline', 'mentor', { declineReason: 'other', note: '  ' })).toMatchObject({ ok: false, refusal: 'note-required' });
    expect(transitionRelationship({ status: 'requested' }, 'decline', 'mentor', { declineReason: 'other', note: 'Moving teams soon' })).toMatchObject({ ok: true, declineReason: 'other' });
    expect(transitionRelationship({ status: 'paused' }, 'end', 'mentor')).toEqual({ ok: false, refusal: 'reason-required', reason: 'choose why the mentorship is ending' });
    expect(transitionRelationship({ status: 'active' }, 'end', 'mentee', { endReason: 'other' })).toMatchObject({ ok: false, refusal: 'note-required' });
    expect(transitionRelationship({ status: 'active' }, 'end', 'mentee', { endReason: 'left-organisation' })).toMatchObject({ ok: true, endReason: 'left-organisation' });
  });

  it('refuses the wrong actor, saying who may', () => {
    expect(transitionRelationship({ status: 'requested' }, 'accept', 'mentee')).toEqual({
      ok: false,
      refusal: 'not-allowed',
      reason: 'only the mentor can accept a request; you are the mentee',
    });
    expect(transitionRelationship({ status: 'requested' }, 'accept', 'coordinator').ok).toBe(false);
    expect(transitionRelationship({ status: 'requested' }, 'withdraw', 'mentor')).toMatchObject({ reason: 'only the mentee or a coordinator (an admin or the programme lead) can withdraw a request; you are the mentor' });
    expect(transitionRelationship({ status: 'active' }, 'pause', 'other')).toMatchObject({ reason: 'only the mentee, the mentor or a coordinator (an admin or the programme lead) can pause a mentorship; you are someone else' });
    for (const move of RELATIONSHIP_MOVES) {
      for (const status of RELATIONSHIP_STATUSES) expect(transitionRelationship({ status }, move, 'other')).toMatchObject({ ok: false, refusal: 'not-allowed' });
    }
  });

  it('refuses a move from the wrong status', () => {
    expect(transitionRelationship({ status: 'active' }, 'accept', 'mentor')).toEqual({
      ok: false,
      refusal: 'wrong-status',
      reason: 'an active mentorship cannot be accepted; only a request can',
    });
    expect(transitionRelationship({ status: 'ended' }, 'resume', 'mentee')).toMatchObject({ refusal: 'wrong-status', reason: 'an ended mentorship cannot be resumed; only a paused mentorship can' });
    expect(transitionRelationship({ status: 'requested' }, 'end', 'mentee', { endReason: 'goals-met' })).toMatchObject({ refusal: 'wrong-status' });
    expect(transitionRelationship({ status: 'paused' }, 'pause', 'mentee')).toMatchObject({ refusal: 'wrong-status' });
    for (const move of RELATIONSHIP_MOVES) {
      expect(transitionRelationship({ status: 'ended' }, move, 'coordinator', { endReason: 'goals-met', declineReason: 'timing' }).ok).toBe(false);
    }
  });

  it('refuses to accept beyond the mentor’s capacity', () => {
    expect(transitionRelationship({ status: 'requested' }, 'accept', 'mentor', { mentorPlaces: { capacity: 2, occupied: 2 } })).toEqual({
      ok: false,
      refusal: 'at-capacity',
      reason: 'you are mentoring 2 of your 2 places: end or pause one, or raise your capacity, to accept',
    });
    expect(transitionRelationship({ status: 'requested' }, 'accept', 'mentor')).toMatchObject({ ok: true });
  });

  it('lists only the moves that work for each actor and status', () => {
    expect(availableMoves('requested', 'mentor')).toEqual(['accept', 'decline']);
    expect(availableMoves('requested', 'mentee')).toEqual(['withdraw']);
    expect(availableMoves('active', 'mentee')).toEqual(['pause', 'end']);
    expect(availableMoves('paused', 'coordinator')).toEqual(['resume', 'end']);
    expect(availableMoves('ended', 'mentor')).toEqual([]);
    expect(availableMoves('active', 'other')).toEqual([]);
    // availableMoves agrees with transitionRelationship on who and from where.
    for (const status of RELATIONSHIP_STATUSES) {
      for (const role of ['mentee', 'mentor', 'coordinator', 'other'] as const) {
        for (const move of RELATIONSHIP_MOVES) {
          const result = transitionRelationship({ status }, move, role, { endReason: 'goals-met', declineReason: 'timing' });
          expect(result.ok).toBe(availableMoves(status, role).includes(move));
        }
      }
    }
  });
});

describe('relationship rules', () => {
  it('open relationships and the places they take', () => {
    expect(RELATIONSHIP_STATUSES.filter(isOpenRelationship)).toEqual(['requested', 'active', 'paused']);
    expect(RELATIONSHIP_STATUSES.filter(occupiesPlace)).toEqual(['active', 'paused']);
  });

  it('allows one open relationship per pair, any number of ended ones', () => {
    const existing = [
      { menteeId: 'a', mentorId: 'm', status: 'ended' as const },
      { menteeId: 'a', mentorId: 'n', status: 'requested' as const },
      { menteeId: 'b', mentorId: 'm', status: 'paused' as const },
    ];
    expect(openRelationshipProblem(existing, 'a', 'm')).toBeNull();
    expect(openRelationshipProblem(existing, 'a', 'n')).toBe('a request to this mentor is already waiting for an answer');
    expect(openRelationshipProblem(existing, 'b', 'm')).toBe('you already have a paused mentorship with this mentor');
    expect(openRelationshipProblem(existing, 'b', 'n')).toBeNull();
  });

  it('a planned end date is after today', () => {
    expect(endDateProblem('2025-06-02', '2025-06-01')).toBeNull();
    expect(endDateProblem('2025-06-01', '2025-06-01')).toBe('the end date must be after today');
    expect(endDateProblem('2025-05-01', '2025-06-01')).toBe('the end date must be after today');
  });

  it('focus skills come from the skills allowed', () => {
    expect(focusSkillProblems(['risk'], ['risk', 'finance'])).toEqual({});
    expect(focusSkillProblems(['risk', 'magic'], ['risk'])).toEqual({ focusSkillKeys: 'not skills you can focus on here: "magic"' });
  });

  it('words every decline reason kindly (except "other", which is the mentor’s note)', () => {
    for (const reason of DECLINE_REASONS) {
      if (reason === 'other') continue;
      expect(DECLINE_REASON_WORDING[reason]).toMatch(/^[A-Z].+\.$/);
    }
  });
});

describe('input schemas', () => {
  it('a request has a message, 1..10 focus skills and an optional end date', () => {
    expect(mentorRequestSchema.parse({ mentorId: ID, message: ' Could you help me with risk? ', focusSkillKeys: ['risk'] })).toEqual({
      mentorId: ID,
      message: 'Could you help me with risk?',
      focusSkillKeys: ['risk'],
      endsOn: null,
    });
    const problems = mentorRequestSchema.safeParse({ mentorId: 'x', message: ' ', focusSkillKeys: [], endsOn: '2025-02-30' }).error?.issues.map((i) => i.path.join('.'));
    expect(problems).toEqual(['mentorId', 'message', 'focusSkillKeys', 'endsOn']);
    expect(mentorRequestSchema.safeParse({ mentorId: ID, message: 'x'.repeat(2001), focusSkillKeys: ['risk'] }).success).toBe(false);
  });

  it('a direct pairing names both people', () => {
    expect(directPairingSchema.parse({ menteeId: ID, mentorId: ID, focusSkillKeys: ['risk', 'finance'], endsOn: '2025-12-31' })).toEqual({
      menteeId: ID,
      mentorId: ID,
      focusSkillKeys: ['risk', 'finance'],
      endsOn: '2025-12-31',
      note: '',
    });
  });

  it('a move carries what it needs, and its fields feed transitionRelationship', () => {
    const decline = relationshipMoveSchema.parse({ move: 'decline', declineReason: 'timing' });
    expect(decline).toEqual({ move: 'decline', declineReason: 'timing', note: '' });
    const { move, ...options } = decline;
    expect(transitionRelationship({ status: 'requested' }, move, 'mentor', options)).toMatchObject({ ok: true, declineReason: 'timing' });
    expect(relationshipMoveSchema.parse({ move: 'accept', focusSkillKeys: ['risk'] })).toEqual({ move: 'accept', focusSkillKeys: ['risk'], note: '' });
    expect(relationshipMoveSchema.safeParse({ move: 'end' }).error?.issues[0]?.path).toEqual(['endReason']);
    expect(relationshipMoveSchema.safeParse({ move: 'end', endReason: 'declined' }).success).toBe(false); // only a request is declined
    expect(relationshipMoveSchema.safeParse({ move: 'teleport' }).success).toBe(false);
    expect(relationshipMoveSchema.safeParse({ move: 'pause', note: 'on leave\u0000' }).success).toBe(false);
  });
});
