import { joinProblem, programmeInputSchema, programmePhase, publishPairsSchema, publishProblems } from './programmes.js';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const programme = { startsOn: '2026-01-01', endsOn: '2026-06-30', mentorsMayJoin: 'invited' as const, menteesMayJoin: 'anyone' as const };

describe('programmes', () => {
  it('validates a programme: name, dates in order, defaults', () => {
    const parsed = programmeInputSchema.parse({ name: ' Spring cohort ', startsOn: '2026-01-01', endsOn: '2026-06-30' });
    expect(parsed).toEqual({ name: 'Spring cohort', description: '', startsOn: '2026-01-01', endsOn: '2026-06-30', mentorsMayJoin: 'invited', menteesMayJoin: 'anyone', leadId: null });
    const bad = programmeInputSchema.safeParse({ name: 'x', startsOn: '2026-06-30', endsOn: '2026-06-30' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['endsOn']);
    // Malformed dates are field errors, never a thrown error.
    const malformed = programmeInputSchema.safeParse({ name: 'x', startsOn: 'Acme Ltd', endsOn: '[]' });
    expect(malformed.success).toBe(false);
    expect(malformed.error?.issues.map((i) => i.path[0])).toEqual(['startsOn', 'endsOn']);
  });

  it('knows its phase', () => {
    expect(programmePhase(programme, '2025-12-31')).toBe('upcoming');
    expect(programmePhase(programme, '2026-01-01')).toBe('running');
    expect(programmePhase(programme, '2026-06-30')).toBe('running');
    expect(programmePhase(programme, '2026-07-01')).toBe('finished');
  });

  it('lets people join themselves only where it says anyone; coordinators add anyone; nobody joins a finished one', () => {
    expect(joinProblem(programme, 'mentee', 'person', true, '2026-02-01')).toBeNull();
    expect(joinProblem(programme, 'mentor', 'person', true, '2026-02-01')).toMatch(/invitation/);
    expect(joinProblem(programme, 'mentee', 'person', false, '2026-02-01')).toMatch(/only an admin or the programme lead/);
    expect(joinProblem(programme, 'mentor', 'lead', false, '2026-02-01')).toBeNull();
    expect(joinProblem(programme, 'mentor', 'admin', false, '2026-07-01')).toMatch(/finished/);
  });

  it('refuses a mentee paired twice in one publish', () => {
    const r = publishPairsSchema.safeParse({ programmeId: id(1), pairs: [{ menteeId: id(2), mentorId: id(3) }, { menteeId: id(2), mentorId: id(4) }] });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['pairs', 1, 'menteeId']);
  });

  it('checks published pairs against participants and free places', () => {
    const participants = { mentors: new Set(['m1', 'm2']), mentees: new Set(['a', 'b', 'c', 'm2']) };
    const places = new Map([['m1', 1], ['m2', 2]]);
    expect(publishProblems([{ menteeId: 'a', mentorId: 'm1' }, { menteeId: 'b', mentorId: 'm2' }], participants, places)).toEqual({});
    expect(
      publishProblems(
        [
          { menteeId: 'a', mentorId: 'm1' },
          { menteeId: 'b', mentorId: 'm1' },
          { menteeId: 'x', mentorId: 'm1' },
          { menteeId: 'c', mentorId: 'zz' },
          { menteeId: 'm2', mentorId: 'm2' },
        ],
        participants,
        places,
      ),
    ).toEqual({
      'pairs.1.mentorId': 'this mentor has no free place left',
      'pairs.2.menteeId': 'not a mentee of this programme',
      'pairs.3.mentorId': 'not a mentor of this programme',
      'pairs.4.mentorId': 'a person cannot mentor themselves',
    });
  });
});
