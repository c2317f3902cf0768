import fc from 'fast-check';
import { eligiblePairs, proposeAssignment, type AssignmentInput, type AssignmentProposal } from './assignment.js';
import { exclusionReason, freePlaces, scoreMatch, type MatchingPolicy, type MenteeForMatching, type MentorForMatching } from './matching.js';
import { reportingLines, type ReportingPerson } from './reporting-lines.js';
import { focus, mentee, mentor, seeded, shuffled, skill } from './test-fixtures.js';

const noLines = reportingLines([]);

/** Checks the rules every proposal must keep, and returns its (count, total in cents). */
function checkProposal(input: AssignmentInput, proposal: AssignmentProposal): { count: number; cents: number } {
  const policy = input.policy ?? { crossTeam: 'no-preference' };
  const mentees = new Map(input.mentees.map((m) => [m.personId, m]));
  const mentors = new Map(input.mentors.map((m) => [m.personId, m]));
  const load = new Map<string, number>();
  const seen = new Set<string>();
  let cents = 0;
  for (const pair of proposal.pairs) {
    const a = mentees.get(pair.menteeId) as MenteeForMatching;
    const b = mentors.get(pair.mentorId) as MentorForMatching;
    expect(a).toBeDefined();
    expect(b).toBeDefined();
    expect(seen.has(pair.menteeId)).toBe(false); // each mentee at most one mentor
    seen.add(pair.menteeId);
    expect(exclusionReason(a, b, input.lines, policy)).toBeNull();
    const score = scoreMatch(a, b, policy).score;
    expect(score).toBeGreaterThan(0);
    expect(pair.score).toBe(score);
    cents += Math.round(score * 100);
    load.set(b.personId, (load.get(b.personId) ?? 0) + 1);
  }
  for (const [id, m] of mentors) expect(load.get(id) ?? 0).toBeLessThanOrEqual(freePlaces(m));
  expect(proposal.assignedCount).toBe(proposal.pairs.length);
  expect(Math.round(proposal.totalScore * 100)).toBe(cents);
  expect(proposal.pairs.length + proposal.unassigned.length).toBe(mentees.size);
  for (const load of proposal.mentorLoad) {
    const m = mentors.get(load.mentorId) as MentorForMatching;
    expect(load.freePlacesLeft).toBe(freePlaces(m) - load.assigned);
  }
  return { count: proposal.pairs.length, cents };
}

/** Every way to give each mentee one allowed mentor or none: the best (count, then total cents). */
function bruteForce(input: AssignmentInput): { count: number; cents: number } {
  const policy = input.policy ?? { crossTeam: 'no-preference' };
  const mentors = input.mentors;
  const options = input.mentees.map((a) =>
    mentors
      .map((b, j) => ({ j, cents: Math.round(scoreMatch(a, b, policy).score * 100), allowed: exclusionReason(a, b, input.lines, policy) === null }))
      .filter((o) => o.allowed && o.cents > 0 && freePlaces(mentors[o.j] as MentorForMatching) > 0),
  );
  const left = mentors.map((m) => freePlaces(m));
  let best = { count: 0, cents: 0 };
  const walk = (i: number, count: number, cents: number) => {
    if (i === options.length) {
      if (count > best.count || (count === best.count && cents > best.cents)) best = { count, cents };
      return;
    }
    walk(i + 1, count, cents);
    for (const o of options[i] as { j: number; cents: number }[]) {
      if ((left[o.j] as number) === 0) continue;
      left[o.j] = (left[o.j] as number) - 1;
      walk(i + 1, count + 1, cents + o.cents);
      left[o.j] = (left[o.j] as number) + 1;
    }
  };
  walk(0, 0, 0);
  return best;
}

/**
 * An independent solver for medium boards: successive shortest paths from a super-source with
 * Bellman-Ford on costs −score (no potentials, no "no mentor" edges). Each augmentation keeps the
 * flow of least cost for its size, so at the maximum flow it has the most mentees, then the best total.
 */
function bellmanFordFlow(input: AssignmentInput): { count: number; cents: number } {
  const policy = input.policy ?? { crossTeam: 'no-preference' };
  const m = input.mentees.length;
  const k = input.mentors.length;
  const source = m + k;
  const sink = source + 1;
  const edges: { to: number; cap: number; cost: number }[] = [];
  const out: number[][] = Array.from({ length: sink + 1 }, () => []);
  const add = (from: number, to: number, cap: number, cost: number) => {
    out[from]?.push(edges.length);
    edges.push({ to, cap, cost });
    out[to]?.push(edges.length);
    edges.push({ to: from, cap: 0, cost: -cost });
  };
  input.mentees.forEach((a, i) => {
    add(source, i, 1, 0);
    input.mentors.forEach((b, j) => {
      const cents = Math.round(scoreMatch(a, b, policy).score * 100);
      if (cents > 0 && exclusionReason(a, b, input.lines, policy) === null) add(i, m + j, 1, -cents);
    });
  });
  input.mentors.forEach((b, j) => add(m + j, sink, freePlaces(b), 0));
  let count = 0;
  let cost = 0;
  for (;;) {
    const dist = new Array<number>(sink + 1).fill(Infinity);
    const via = new Array<number>(sink + 1).fill(-1);
    dist[source] = 0;
    for (let round = 0; round <= sink; round++) {
      let changed = false;
      for (let v = 0; v <= sink; v++) {
        if (dist[v] === Infinity) continue;
        for (const e of out[v] as number[]) {
          const edge = edges[e] as { to: number; cap: number; cost: number };
          if (edge.cap > 0 && (dist[v] as number) + edge.cost < (dist[edge.to] as number)) {
            dist[edge.to] = (dist[v] as number) + edge.cost;
            via[edge.to] = e;
            changed = true;
          }
        }
      }
      if (!changed) break;
    }
    if (dist[sink] === Infinity) break;
    for (let v = sink; v !== source; ) {
      const e = via[v] as number;
      (edges[e] as { cap: number }).cap -= 1;
      (edges[e ^ 1] as { cap: number }).cap += 1;
      v = (edges[e ^ 1] as { to: number }).to;
    }
    count += 1;
    cost += dist[sink] as number;
  }
  return { count, cents: 0 - cost };
}

const SKILLS = ['risk', 'finance', 'stakeholders', 'planning', 'benefits'];

/** A random board: skills, levels, teams, capacities, a reporting hierarchy, and the policy. */
const boardArbitrary = (maxMentees: number, maxMentors: number) =>
  fc
    .record({
      mentees: fc.array(
        fc.record({
          team: fc.integer({ min: 0, max: 2 }),
          focus: fc.uniqueArray(fc.record({ skill: fc.constantFrom(...SKILLS), current: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), gap: fc.integer({ min: 1, max: 3 }) }), {
            minLength: 1,
            maxLength: 4,
            selector: (f) => f.skill,
          }),
        }),
        { minLength: 2, maxLength: maxMentees },
      ),
      mentors: fc.array(
        fc.record({
          team: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
          capacity: fc.integer({ min: 1, max: 3 }),
          occupied: fc.integer({ min: 0, max: 2 }),
          paused: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
          acceptsOtherTeams: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
          levels: fc.array(fc.record({ skill: fc.constantFrom(...SKILLS), level: fc.integer({ min: 1, max: 5 }), confirmed: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) }), { minLength: 1, maxLength: 5 }),
        }),
        { minLength: 1, maxLength: maxMentors },
      ),
      managers: fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 20, maxLength: 20 }),
      prefer: fc.boolean(),
      includeLine: fc.boolean(),
    })
    .map(({ mentees, mentors, managers, prefer, includeLine }): AssignmentInput => {
      const people: ReportingPerson[] = [];
      // person i may report to an earlier person (no loops in real data)
      const ids = [...mentees.map((_, i) => `mentee-${i}`), ...mentors.map((_, j) => `mentor-${j}`)];
      ids.forEach((id, n) => {
        const pick = managers[n % managers.length] as number;
        people.push({ personId: id, managerId: pick >= 0 && n > 0 ? (ids[pick % n] as string) : null });
      });
      const policy: MatchingPolicy = { crossTeam: prefer ? 'prefer-other-teams' : 'no-preference', includeReportingLine: includeLine };
      return {
        mentees: mentees.map((a, i) => mentee(`mentee-${i}`, a.focus.map((f) => focus(f.skill, f.current, (f.current ?? 0) + f.gap)), { teamId: `team-${a.team}` })),
        mentors: mentors.map((b, j) =>
          mentor(`mentor-${j}`, Object.fromEntries(b.levels.map((l) => [l.skill, skill(l.level, l.confirmed === null ? null : Math.min(l.confirmed, l.level))])), {
            teamId: b.team === null ? null : `team-${b.team}`,
            capacity: b.capacity,
            occupiedPlaces: Math.min(b.occupied, b.capacity),
            paused: b.paused,
            acceptsOtherTeams: b.acceptsOtherTeams,
          }),
        ),
        lines: reportingLines(people),
        policy,
      };
    });

/** A mentee's best allowed pair score on the board (0 when none). */
function bestScoreOf(input: AssignmentInput, menteeId: string): number {
  return Math.max(0, ...eligiblePairs(input).filter((p) => p.menteeId === menteeId).map((p) => p.score));
}

describe('proposeAssignment', () => {
  const shapes = { severalPairs: 0, competition: 0, notEveryoneBest: 0 };

  it('assigns as many mentees as possible before maximising the total score', () => {
    // Ana fits Mo fully (100) and Lee a little (37.5); Bo can only have Mo (20). The highest total
    // alone (Ana with Mo: 100) would leave Bo without a mentor; two pairs (57.5) come first.
    const input: AssignmentInput = {
      mentees: [mentee('ana', [focus('risk', 2, 3), focus('finance', 2, 3)]), mentee('bo', [focus('planning', 0, 4), focus('risk', 2, 3)])],
      mentors: [mentor('mo', { risk: skill(4), finance: skill(4) }, { capacity: 1 }), mentor('lee', { finance: skill(3, null) }, { capacity: 1 })],
      lines: noLines,
    };
    const proposal = proposeAssignment(input);
    expect(proposal.pairs).toEqual([
      { menteeId: 'ana', mentorId: 'lee', score: 37.5 },
      { menteeId: 'bo', mentorId: 'mo', score: 20 },
    ]);
    expect(proposal).toMatchObject({ assignedCount: 2, totalScore: 57.5, unassigned: [] });
    // Greedy (best pair first) would give Ana Mo and leave Bo without a mentor.
    expect(eligiblePairs(input)[0]).toMatchObject({ menteeId: 'ana', mentorId: 'mo', score: 100 });
  });

  it('then maximises the total score', () => {
    const input: AssignmentInput = {
      mentees: [mentee('a', [focus('risk', 2, 3), focus('finance', 2, 3)]), mentee('b', [focus('risk', 2, 3), focus('finance', 2, 3)])],
      mentors: [mentor('risk-only', { risk: skill(3) }, { capacity: 1 }), mentor('both', { risk: skill(3), finance: skill(3) }, { capacity: 2 })],
      lines: noLines,
    };
    expect(proposeAssignment(input)).toMatchObject({ assignedCount: 2, totalScore: 200 });
  });

  it('respects capacity, free places, pauses and exclusions', () => {
    const lines = reportingLines([
      { personId: 'boss', managerId: null },
      { personId: 'a', managerId: 'boss' },
    ]);
    const input: AssignmentInput = {
      mentees: ['a', 'b', 'c', 'd'].map((id) => mentee(id, [focus('risk', 1, 3)])),
      mentors: [
        mentor('boss', { risk: skill(5) }, { capacity: 4 }),
        mentor('paused', { risk: skill(5) }, { paused: true, capacity: 4 }),
        mentor('nearly-full', { risk: skill(3) }, { capacity: 3, occupiedPlaces: 2 }),
        mentor('own-team', { risk: skill(5) }, { acceptsOtherTeams: false, teamId: 'elsewhere' }),
      ],
      lines,
    };
    const proposal = proposeAssignment(input);
    checkProposal(input, proposal);
    // a may not have their own manager; the last free place of "nearly-full" is theirs.
    expect(proposal.pairs.map((p) => `${p.menteeId}→${p.mentorId}`)).toEqual(['a→nearly-full', 'b→boss', 'c→boss', 'd→boss']);
    expect(proposal.unassigned).toEqual([]);
    expect(proposal.mentorLoad).toEqual([
      { mentorId: 'boss', assigned: 3, freePlacesLeft: 1 },
      { mentorId: 'nearly-full', assigned: 1, freePlacesLeft: 0 },
      { mentorId: 'own-team', assigned: 0, freePlacesLeft: 2 },
      { mentorId: 'paused', assigned: 0, freePlacesLeft: 0 },
    ]);
  });

  it('gives the assignment its full count when the reporting line stops only one choice', () => {
    const lines = reportingLines([
      { personId: 'boss', managerId: null },
      { personId: 'a', managerId: 'boss' },
    ]);
    const input: AssignmentInput = {
      mentees: ['a', 'b'].map((id) => mentee(id, [focus('risk', 1, 3)])),
      mentors: [mentor('boss', { risk: skill(5) }, { capacity: 1 }), mentor('other', { risk: skill(3, null) }, { capacity: 1 })],
      lines,
    };
    expect(proposeAssignment(input).pairs.map((p) => `${p.menteeId}→${p.mentorId}`)).toEqual(['a→other', 'b→boss']);
  });

  it('says why a mentee is left without a mentor', () => {
    const input: AssignmentInput = {
      mentees: [mentee('covered', [focus('risk', 1, 3)]), mentee('also', [focus('risk', 1, 3)]), mentee('nobody-covers', [focus('finance', 1, 3)])],
      mentors: [mentor('m', { risk: skill(4) }, { capacity: 1 })],
      lines: noLines,
    };
    const proposal = proposeAssignment(input);
    expect(proposal.unassigned).toEqual([
      { menteeId: 'covered', reason: 'no-place-left' },
      { menteeId: 'nobody-covers', reason: 'no-suitable-mentor' },
    ]);
    expect(proposeAssignment({ mentees: [], mentors: [], lines: noLines })).toEqual({ pairs: [], unassigned: [], assignedCount: 0, totalScore: 0, mentorLoad: [] });
  });

  it('prefers pairing across teams when the organisation asks', () => {
    const input: AssignmentInput = {
      mentees: [mentee('a', [focus('risk', 1, 3)], { teamId: 'delivery' })],
      mentors: [mentor('same', { risk: skill(3) }, { teamId: 'delivery' }), mentor('other', { risk: skill(3) }, { teamId: 'finance' })],
      lines: noLines,
    };
    expect(proposeAssignment({ ...input, policy: { crossTeam: 'prefer-other-teams' } }).pairs).toEqual([{ menteeId: 'a', mentorId: 'other', score: 110 }]);
    expect(proposeAssignment(input).pairs).toEqual([{ menteeId: 'a', mentorId: 'other', score: 100 }]);
  });

  it('scores pairs exactly as scoreMatch does', () => {
    fc.assert(
      fc.property(boardArbitrary(6, 5), (input) => {
        for (const pair of eligiblePairs(input)) {
          const a = input.mentees.find((m) => m.personId === pair.menteeId) as MenteeForMatching;
          const b = input.mentors.find((m) => m.personId === pair.mentorId) as MentorForMatching;
          expect(pair.score).toBe(scoreMatch(a, b, input.policy).score);
        }
      }),
      { seed: 20250601, numRuns: 200 },
    );
  });

  it('matches a brute-force search on small random boards (most mentees, then the best total)', () => {
    fc.assert(
      fc.property(boardArbitrary(6, 4), (input) => {
        const proposal = proposeAssignment(input);
        expect(checkProposal(input, proposal)).toEqual(bruteForce(input));
        if (proposal.pairs.length >= 2) shapes.severalPairs += 1;
        if (proposal.unassigned.some((u) => u.reason === 'no-place-left')) shapes.competition += 1;
        if (proposal.pairs.some((p) => p.score < bestScoreOf(input, p.menteeId))) shapes.notEveryoneBest += 1;
      }),
      { seed: 42, numRuns: 400 },
    );
    // The random boards are not trivial: many pairs, competition for places, and trade-offs.
    expect(shapes.severalPairs).toBeGreaterThan(120);
    expect(shapes.competition).toBeGreaterThan(80);
    expect(shapes.notEveryoneBest).toBeGreaterThan(20);
  });

  it('matches an independent min-cost-flow solver on medium random boards', () => {
    fc.assert(
      fc.property(boardArbitrary(40, 12), (input) => {
        const proposal = proposeAssignment(input);
        expect(checkProposal(input, proposal)).toEqual(bellmanFordFlow(input));
      }),
      { seed: 7, numRuns: 40 },
    );
  });

  it('gives the same proposal whatever the order of its input', () => {
    fc.assert(
      fc.property(boardArbitrary(12, 6), fc.integer(), (input, seed) => {
        const random = seeded(seed);
        const again = proposeAssignment({ ...input, mentees: shuffled(input.mentees, random), mentors: shuffled(input.mentors, random) });
        expect(again).toEqual(proposeAssignment(input));
      }),
      { seed: 3, numRuns: 100 },
    );
  });

  it('ignores a person listed twice (the first entry counts)', () => {
    const input: AssignmentInput = {
      mentees: [mentee('a', [focus('risk', 1, 3)]), mentee('a', [focus('finance', 1, 3)])],
      mentors: [mentor('m', { risk: skill(3) }), mentor('m', { finance: skill(3) })],
      lines: noLines,
    };
    expect(proposeAssignment(input).pairs).toEqual([{ menteeId: 'a', mentorId: 'm', score: 100 }]);
  });
});
