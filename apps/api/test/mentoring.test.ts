import { DataSource } from 'typeorm';
import { tenantTransaction } from '../src/database/tenant-database.js';
import { MentorshipsService } from '../src/mentoring/mentorships.service.js';
import { expectNoErrors, fieldErrors, theError } from './support/errors.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { superuserQuery } from './support/superuser.js';

/**
 * Mentoring through the real API: finding a mentor from the plan's gaps with explained scores
 * (reporting line excluded, other teams preferred), request → accept / decline with a kind reason,
 * what the mentee shares (and revokes, at once) and nothing more, audited reads, private session
 * notes, comments, mentor assessments, programmes and the matching board, another organisation
 * seeing nothing.
 */

const GRACE = 'grace.liu@demo.example'; // another team (Delivery/Projects)
const CHLOE = 'chloe.martin@demo.example'; // Dan's team (Delivery/PMO)
const BEN = 'ben.okafor@demo.example'; // Dan's manager: his reporting line
const MENTORSHIP = `id status version focusSkillKeys message declineReason declineMessage myPart availableMoves
  sharing { plan planComments assessments checkIns evidence } mentee { email } mentor { email }`;

interface MentorshipView {
  id: string;
  status: string;
  version: number;
  focusSkillKeys: string[];
  declineMessage: string | null;
  myPart: string;
  availableMoves: string[];
  sharing: Record<string, boolean>;
}

describe('mentoring', () => {
  let t: TestApp;
  let dan: Client;
  let grace: Client;
  let chloe: Client;
  let ben: Client;
  let admin: Client;
  const ids = new Map<string, string>();
  let focus: { skillKey: string; skillName: string; neededLevel: number }[];

  const superuser = (text: string, values: unknown[]) => superuserQuery(t.adminDatabaseUrl, text, values);

  const saveProfile = async (client: Client, offeredSkillKeys: string[], extra: Record<string, unknown> = {}) => {
    const result = await client.graphql<{ saveMentorProfile: { version: number } }>(
      'mutation($input: SaveMentorProfileInput!) { saveMentorProfile(input: $input) { version capacity offeredSkillKeys } }',
      { input: { offeredSkillKeys, capacity: 2, ...extra } },
    );
    expectNoErrors(result);
    return result.data!.saveMentorProfile;
  };
  const findMentors = (client: Client, input: Record<string, unknown> = {}) =>
    client.graphql<{
      findMentors: {
        focusSource: string;
        focusSkills: { skillKey: string; skillName: string; neededLevel: number }[];
        excludedCount: number;
        suggestions: { mentorId: string; mentorName: string; team: string; score: number; crossTeamBonus: number; explanation: string; skills: { explanation: string; coverage: string }[] }[];
      };
    }>(
      `query($input: FindMentorsInput) { findMentors(input: $input) { focusSource excludedCount focusSkills { skillKey skillName neededLevel }
        suggestions { mentorId mentorName team score crossTeamBonus explanation skills { explanation coverage } } } }`,
      { input },
    );
  const mentorship = (client: Client, id: string, extra = '') =>
    client.graphql<{ mentorship: MentorshipView & Record<string, unknown> }>(`query($id: ID!) { mentorship(id: $id) { ${MENTORSHIP} ${extra} } }`, { id });
  const move = (client: Client, m: { id: string; version: number }, input: Record<string, unknown>) =>
    client.graphql<{ moveMentorship: MentorshipView }>(`mutation($input: MoveMentorshipInput!) { moveMentorship(input: $input) { ${MENTORSHIP} } }`, {
      input: { mentorshipId: m.id, expectedVersion: m.version, ...input },
    });
  const request = (client: Client, mentorEmail: string, focusSkillKeys: string[]) =>
    client.graphql<{ requestMentor: MentorshipView }>(`mutation($input: RequestMentorInput!) { requestMentor(input: $input) { ${MENTORSHIP} } }`, {
      input: { mentorId: ids.get(mentorEmail), message: 'I would love help with my plan’s gaps.', focusSkillKeys },
    });
  const share = (client: Client, m: { id: string; version: number }, sharing: Record<string, boolean>) =>
    client.graphql<{ setMentorshipSharing: MentorshipView }>(
      `mutation($input: SetMentorshipSharingInput!) { setMentorshipSharing(input: $input) { ${MENTORSHIP} } }`,
      { input: { mentorshipId: m.id, expectedVersion: m.version, plan: false, planComments: false, assessments: false, checkIns: false, evidence: false, ...sharing } },
    );
  const notifications = async (client: Client) => {
    const result = await client.graphql<{ myNotifications: { kind: string; message: string }[] }>('{ myNotifications { kind message } }');
    expectNoErrors(result);
    return result.data!.myNotifications;
  };

  beforeAll(async () => {
    t = await startTestApp();
    [dan, grace, chloe, ben, admin] = await Promise.all([t.signIn(DEMO.employee), t.signIn(GRACE), t.signIn(CHLOE), t.signIn(BEN), t.signIn(DEMO.admin)]);
    const people = await admin.graphql<{ people: { id: string; email: string }[] }>('{ people { id email } }');
    expectNoErrors(people);
    for (const p of people.data!.people) ids.set(p.email, p.id);
    // Dan plans towards Senior PMO Analyst: his gaps are what he needs a mentor for.
    const [role] = await superuser(`SELECT id FROM roles WHERE key = 'senior-pmo-analyst' LIMIT 1`, []);
    const plan = await dan.graphql('mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id } }', { input: { targetRoleId: role!.id } });
    expectNoErrors(plan);
    const found = await findMentors(dan);
    expectNoErrors(found);
    expect(found.data!.findMentors.focusSource).toBe('plan');
    focus = found.data!.findMentors.focusSkills.slice(0, 2);
    expect(focus.length).toBe(2);
    // Grace, Chloe and Ben are rated 5 in Dan's first two gap skills by their own managers.
    const managerOf: Record<string, string> = { [GRACE]: DEMO.leadership, [CHLOE]: BEN, [BEN]: DEMO.admin };
    for (const email of [GRACE, CHLOE, BEN]) {
      for (const f of focus) {
        await superuser(
          `INSERT INTO assessments (organisation_id, id, person_id, skill_id, level, source, assessed_by_id, assessed_at)
           SELECT s.organisation_id, gen_random_uuid(), $1, s.id, 5, 'manager', $2, now() FROM skills s
           JOIN framework_versions v ON v.id = s.framework_version_id AND v.status = 'published' WHERE s.key = $3`,
          [ids.get(email), ids.get(managerOf[email]!), f.skillKey],
        );
      }
    }
  });

  afterAll(async () => {
    await t.close();
  });

  it('suggests the skills to offer from my own assessments, manager-confirmed first', async () => {
    const result = await grace.graphql<{ mentorSkillSuggestions: { skillKey: string; level: number; managerConfirmed: boolean }[] }>(
      '{ mentorSkillSuggestions { skillKey level managerConfirmed } }',
    );
    expectNoErrors(result);
    expect(result.data!.mentorSkillSuggestions.slice(0, 2)).toEqual(expect.arrayContaining(focus.map((f) => ({ skillKey: f.skillKey, level: 5, managerConfirmed: true }))));
  });

  it('saves a mentor profile, refuses unknown skills and stale saves', async () => {
    const keys = focus.map((f) => f.skillKey);
    const first = await saveProfile(grace, keys);
    await saveProfile(chloe, keys);
    await saveProfile(ben, keys);
    expect(fieldErrors(await grace.graphql('mutation($input: SaveMentorProfileInput!) { saveMentorProfile(input: $input) { id } }', { input: { offeredSkillKeys: ['no-such-skill'], expectedVersion: first.version } }))).toHaveProperty('offeredSkillKeys');
    const stale = await grace.graphql('mutation($input: SaveMentorProfileInput!) { saveMentorProfile(input: $input) { id } }', { input: { offeredSkillKeys: keys, expectedVersion: null } });
    expect(theError(stale).code).toBe('CONFLICT');
    await saveProfile(grace, keys, { expectedVersion: first.version, about: 'Happy to help with delivery.' });
  });

  it('ranks mentors for my plan’s gaps with the score explained, leaving out my reporting line and preferring other teams', async () => {
    // No cross-team preference until the organisation asks for one.
    const plain = await findMentors(dan);
    expectNoErrors(plain);
    expect(plain.data!.findMentors.suggestions.map((s) => s.crossTeamBonus)).toEqual([0, 0]);
    expectNoErrors(
      await admin.graphql('mutation($input: MentoringSettingsInput!) { updateMentoringSettings(input: $input) { version } }', {
        input: { fizzleWeeks: 6, crossTeam: 'prefer-other-teams', expectedVersion: 0 },
      }),
    );
    const result = await findMentors(dan);
    expectNoErrors(result);
    const { suggestions, excludedCount } = result.data!.findMentors;
    expect(suggestions.map((s) => s.mentorId)).toEqual([ids.get(GRACE), ids.get(CHLOE)]);
    expect(excludedCount).toBe(1); // Ben, Dan's manager, never named
    const [g, c] = suggestions;
    expect(g!.team).toBe('other');
    expect(g!.crossTeamBonus).toBeGreaterThan(0);
    expect(c!.crossTeamBonus).toBe(0);
    expect(g!.score).toBeGreaterThan(c!.score);
    for (const f of focus) expect(g!.explanation).toContain(`${f.skillName}: 5, you need ${f.neededLevel}`);
    // Chosen skills instead of the plan's.
    const chosen = await findMentors(dan, { focusSkillKeys: [focus[0]!.skillKey], includeReportingLine: true });
    expectNoErrors(chosen);
    expect(chosen.data!.findMentors.focusSource).toBe('chosen');
    expect(chosen.data!.findMentors.suggestions.map((s) => s.mentorId)).toContain(ids.get(BEN));
  });

  describe('a mentorship', () => {
    let m: MentorshipView;

    it('starts with a request the mentor is told about, and which nobody else sees', async () => {
      const asked = await request(dan, GRACE, [focus[0]!.skillKey]);
      expectNoErrors(asked);
      m = asked.data!.requestMentor;
      expect(m).toMatchObject({ status: 'requested', myPart: 'mentee', availableMoves: ['withdraw'] });
      expect((await notifications(grace)).map((n) => n.kind)).toContain('mentoring.requested');
      expect(theError(await request(dan, GRACE, [focus[0]!.skillKey])).code).toBe('CONFLICT');
      expect(theError(await mentorship(chloe, m.id)).code).toBe('FORBIDDEN');
      // An admin is no coordinator of a mentee's own request... but may see it (to support pairs); not its contents:
      const asAdmin = await mentorship(admin, m.id, 'comments { id }');
      expect(theError(asAdmin).code).toBe('FORBIDDEN');
    });

    it('becomes active when the mentor accepts (with the agreed focus); a stale answer is refused', async () => {
      expect(theError(await move(dan, m, { move: 'accept' })).code).toBe('FORBIDDEN');
      expect(theError(await move(grace, { ...m, version: m.version + 5 }, { move: 'accept' })).code).toBe('CONFLICT');
      const accepted = await move(grace, m, { move: 'accept', focusSkillKeys: focus.map((f) => f.skillKey) });
      expectNoErrors(accepted);
      m = accepted.data!.moveMentorship;
      expect(m).toMatchObject({ status: 'active', myPart: 'mentor', focusSkillKeys: focus.map((f) => f.skillKey) });
      expect((await notifications(dan)).map((n) => n.kind)).toContain('mentoring.accept');
    });

    it('shows the mentor only what the mentee shares, loses it at once on revoke, and audits every read', async () => {
      const read = () => grace.graphql<{ mentorship: { sharedAssessments: { current: { skillKey: string }[] } | null } }>(
        'query($id: ID!) { mentorship(id: $id) { sharedAssessments { current { skillKey } } } }',
        { id: m.id },
      );
      const before = await read();
      expectNoErrors(before);
      expect(before.data!.mentorship.sharedAssessments).toBeNull();
      expect(theError(await share(grace, m, { assessments: true })).code).toBe('FORBIDDEN');

      const shared = await share(dan, m, { assessments: true, checkIns: true });
      expectNoErrors(shared);
      m = shared.data!.setMentorshipSharing;
      expect(m.sharing).toEqual({ plan: false, planComments: false, assessments: true, checkIns: false, evidence: false }); // check-ins live in the plan
      expect((await notifications(grace)).some((n) => n.kind === 'mentoring.sharing' && /now shares my skill assessments/.test(n.message))).toBe(true);
      const during = await read();
      expectNoErrors(during);
      expect(during.data!.mentorship.sharedAssessments).not.toBeNull();

      const access = await dan.graphql<{ myDataAccess: { action: string; actor: { email: string } }[] }>('{ myDataAccess { action actor { email } } }');
      expectNoErrors(access);
      expect(access.data!.myDataAccess).toContainEqual({ action: 'assessments.read', actor: { email: GRACE } });
      // Being a mentor gives nothing elsewhere: the plans module still refuses Grace Dan's plan.
      expect(theError(await grace.graphql('query($id: ID!) { assessmentsOf(personId: $id) { personId } }', { id: ids.get(DEMO.employee) })).code).toBe('FORBIDDEN');

      const revoked = await share(dan, m, {});
      expectNoErrors(revoked);
      m = revoked.data!.setMentorshipSharing;
      expect((await read()).data!.mentorship.sharedAssessments).toBeNull();
    });

    it('answers the PlanPolicy seam with what is shared now', async () => {
      const service = t.app.get(MentorshipsService);
      const dataSource = t.app.get(DataSource);
      const org = (await superuser('SELECT organisation_id FROM people WHERE id = $1', [ids.get(DEMO.employee)]))[0]!.organisation_id as string;
      const scope = (viewer: string) => tenantTransaction(dataSource, org, (manager) => service.sharedScopeFor(manager, org, ids.get(viewer)!, ids.get(DEMO.employee)!));
      expect(await scope(GRACE)).toEqual({ plan: false, planComments: false, assessments: false, checkIns: false, evidence: false });
      const shared = await share(dan, m, { plan: true, planComments: true });
      expectNoErrors(shared);
      m = shared.data!.setMentorshipSharing;
      expect(await scope(GRACE)).toMatchObject({ plan: true, planComments: true, assessments: true });
      expect(await scope(CHLOE)).toMatchObject({ plan: false });
      // The plans' policy asks it: Grace now reads Dan's plan (audited), Chloe still cannot.
      const planOf = (client: Client) => client.graphql<{ planOf: { id: string } | null }>('query($id: ID!) { planOf(personId: $id) { id } }', { id: ids.get(DEMO.employee) });
      expectNoErrors(await planOf(grace));
      expect(theError(await planOf(chloe)).code).toBe('FORBIDDEN');
      const access = await dan.graphql<{ myDataAccess: { action: string; actor: { email: string } }[] }>('{ myDataAccess { action actor { email } } }');
      expect(access.data!.myDataAccess).toContainEqual({ action: 'plan.read', actor: { email: GRACE } });
      const revoked = await share(dan, m, { planComments: true });
      expectNoErrors(revoked);
      expect(theError(await planOf(grace)).code).toBe('FORBIDDEN');
      const again = await share(dan, revoked.data!.setMentorshipSharing, { plan: true, planComments: true });
      expectNoErrors(again);
      m = again.data!.setMentorshipSharing;
    });

    it('keeps private session notes private to their author', async () => {
      const log = (client: Client, privateNotes: string) =>
        client.graphql<{ logMentoringSession: { id: string; privateNotes: string | null } }>(
          'mutation($input: LogMentoringSessionInput!) { logMentoringSession(input: $input) { id privateNotes } }',
          { input: { mentorshipId: m.id, heldOn: new Date().toISOString().slice(0, 10), minutes: 45, sharedNotes: 'Talked about risk logs', privateNotes, agenda: [{ text: 'Risk logs', focusSkillKey: focus[0]!.skillKey }] } },
        );
      const byGrace = await log(grace, 'Grace only: Dan seems anxious');
      expectNoErrors(byGrace);
      expect(byGrace.data!.logMentoringSession.privateNotes).toBe('Grace only: Dan seems anxious');
      expectNoErrors(await log(dan, 'Dan only: ask about PMP'));
      expect(theError(await log(chloe, 'x')).code).toBe('FORBIDDEN');
      const sessions = async (client: Client) => {
        const result = await mentorship(client, m.id, 'sessions { sharedNotes privateNotes }');
        expectNoErrors(result);
        return (result.data!.mentorship.sessions as { sharedNotes: string; privateNotes: string | null }[]).map((s) => s.privateNotes).filter(Boolean);
      };
      expect(await sessions(dan)).toEqual(['Dan only: ask about PMP']);
      expect(await sessions(grace)).toEqual(['Grace only: Dan seems anxious']);
      const raw = await superuser('SELECT count(*)::int AS n FROM mentoring_sessions WHERE mentorship_id = $1', [m.id]);
      expect(raw[0]!.n).toBe(2);
    });

    it('threads comments between the two sides only, and takes mentor assessments of focus skills', async () => {
      const comment = (client: Client, input: Record<string, unknown>) =>
        client.graphql<{ addMentoringComment: { id: string; depth: number } }>(
          'mutation($input: AddMentoringCommentInput!) { addMentoringComment(input: $input) { id depth } }',
          { input: { mentorshipId: m.id, ...input } },
        );
      const first = await comment(dan, { body: 'Could we look at my risk log?' });
      expectNoErrors(first);
      const reply = await comment(grace, { body: 'Yes, bring it on Tuesday.', parentId: first.data!.addMentoringComment.id });
      expectNoErrors(reply);
      expect(reply.data!.addMentoringComment.depth).toBe(1);
      expect(theError(await comment(chloe, { body: 'Me too' })).code).toBe('FORBIDDEN');
      expect((await notifications(dan)).map((n) => n.kind)).toContain('mentoring.comment');

      const rate = (client: Client, skillKey: string, level: number) =>
        client.graphql('mutation($input: AddMentorAssessmentInput!) { addMentorAssessment(input: $input) { skillKey level } }', { input: { mentorshipId: m.id, skillKey, level, note: 'Seen in sessions' } });
      expectNoErrors(await rate(grace, focus[0]!.skillKey, 3));
      expect(theError(await rate(dan, focus[0]!.skillKey, 5)).code).toBe('FORBIDDEN');
      expect(fieldErrors(await rate(grace, 'stakeholder-engagement-x', 3))).toHaveProperty('skillKey');
      const seen = await mentorship(dan, m.id, 'mentorAssessments { skillKey level } comments { body depth }');
      expectNoErrors(seen);
      expect(seen.data!.mentorship.mentorAssessments).toEqual([{ skillKey: focus[0]!.skillKey, level: 3 }]);
      expect(seen.data!.mentorship.comments).toEqual([
        { body: 'Could we look at my risk log?', depth: 0 },
        { body: 'Yes, bring it on Tuesday.', depth: 1 },
      ]);
    });

    it('sends a session’s next step to the mentee’s plan when she accepts it, once', async () => {
      const title = 'Draft a risk log for the migration project';
      const logged = await grace.graphql<{ logMentoringSession: { id: string } }>(
        'mutation($input: LogMentoringSessionInput!) { logMentoringSession(input: $input) { id } }',
        { input: { mentorshipId: m.id, heldOn: new Date().toISOString().slice(0, 10), minutes: 30, nextSteps: [{ title, skillKeys: [focus[0]!.skillKey] }] } },
      );
      expectNoErrors(logged);
      const answer = (client: Client, verb: string) =>
        client.graphql<{ answerNextStep: { nextSteps: { title: string; status: string }[] } }>(
          'mutation($input: AnswerNextStepInput!) { answerNextStep(input: $input) { nextSteps { title status } } }',
          { input: { sessionId: logged.data!.logMentoringSession.id, index: 0, answer: verb } },
        );
      expect(theError(await answer(grace, 'accept')).code).toBe('FORBIDDEN');
      const accepted = await answer(dan, 'accept');
      expectNoErrors(accepted);
      expect(accepted.data!.answerNextStep.nextSteps).toEqual([{ title, status: 'accepted' }]);
      const plan = await dan.graphql<{ myPlan: { actions: { title: string; type: string; skillKeys: string[] }[] } }>('{ myPlan { actions { title type skillKeys } } }');
      expect(plan.data!.myPlan.actions).toContainEqual({ title, type: 'MENTORING', skillKeys: [focus[0]!.skillKey] });
      expect(theError(await answer(dan, 'decline')).code).toBe('CONFLICT');
      expect((await notifications(grace)).map((n) => n.kind)).toContain('mentoring.next-step');
    });

    it('ends with a reason, and its history stays readable while the shared data closes', async () => {
      const ended = await move(dan, m, { move: 'end', endReason: 'goals-met' });
      expectNoErrors(ended);
      m = ended.data!.moveMentorship;
      expect(m.status).toBe('ended');
      const after = await mentorship(grace, m.id, 'sessions { id } comments { id }');
      expectNoErrors(after);
      expect((after.data!.mentorship.sessions as unknown[]).length).toBe(3);
      const service = t.app.get(MentorshipsService);
      const org = (await superuser('SELECT organisation_id FROM people WHERE id = $1', [ids.get(DEMO.employee)]))[0]!.organisation_id as string;
      const scope = await tenantTransaction(t.app.get(DataSource), org, (manager) => service.sharedScopeFor(manager, org, ids.get(GRACE)!, ids.get(DEMO.employee)!));
      expect(scope.plan).toBe(false);
    });
  });

  it('lets a mentor decline kindly: the mentee reads a gentle reason and is told', async () => {
    const asked = await request(dan, CHLOE, [focus[1]!.skillKey]);
    expectNoErrors(asked);
    expect(fieldErrors(await move(chloe, asked.data!.requestMentor, { move: 'decline' }))).toHaveProperty('declineReason');
    const declined = await move(chloe, asked.data!.requestMentor, { move: 'decline', declineReason: 'no-capacity' });
    expectNoErrors(declined);
    const seen = await mentorship(dan, asked.data!.requestMentor.id);
    expect(seen.data!.mentorship.declineMessage).toMatch(/supporting as many people as they can/);
    expect((await notifications(dan)).some((n) => n.kind === 'mentoring.decline' && /supporting as many people/.test(n.message))).toBe(true);
    // A declined mentor is not suggested again.
    expect((await findMentors(dan)).data!.findMentors.suggestions.map((s) => s.mentorId)).not.toContain(ids.get(CHLOE));
  });

  it('runs a programme: admins create it, people join, the lead’s board proposes pairs and publishes them', async () => {
    const created = await admin.graphql<{ createMentoringProgramme: { id: string; phase: string } }>(
      'mutation($input: CreateProgrammeInput!) { createMentoringProgramme(input: $input) { id phase } }',
      { input: { name: 'Spring cohort', startsOn: '2026-01-01', endsOn: '2099-06-30', leadId: ids.get(DEMO.leadership) } },
    );
    expectNoErrors(created);
    const programmeId = created.data!.createMentoringProgramme.id;
    const join = (client: Client, personEmail: string, part: string, focusSkillKeys: string[] = []) =>
      client.graphql('mutation($input: ProgrammeParticipantInput!) { joinMentoringProgramme(input: $input) { id } }', {
        input: { programmeId, personId: ids.get(personEmail), part, focusSkillKeys },
      });
    expectNoErrors(await join(dan, DEMO.employee, 'mentee', [focus[1]!.skillKey]));
    expect(theError(await join(grace, GRACE, 'mentor')).code).toBe('FORBIDDEN'); // mentors join by invitation
    const farid = await t.signIn(DEMO.leadership);
    expectNoErrors(await join(farid, GRACE, 'mentor'));
    expectNoErrors(await join(farid, BEN, 'mentor'));
    expect(theError(await dan.graphql('query($id: ID!) { matchingBoard(programmeId: $id) { assignedCount } }', { id: programmeId })).code).toBe('FORBIDDEN');
    const board = await farid.graphql<{ matchingBoard: { pairs: { menteeId: string; mentorId: string; explanation: string }[]; assignedCount: number } }>(
      'query($id: ID!) { matchingBoard(programmeId: $id) { assignedCount pairs { menteeId mentorId explanation } } }',
      { id: programmeId },
    );
    expectNoErrors(board);
    // Ben is Dan's manager: the board pairs Dan with Grace.
    expect(board.data!.matchingBoard.pairs).toEqual([{ menteeId: ids.get(DEMO.employee), mentorId: ids.get(GRACE), explanation: expect.stringContaining(`${focus[1]!.skillName}: 5`) }]);
    const published = await farid.graphql<{ publishProgrammePairs: { status: string; mentor: { email: string } }[] }>(
      'mutation($input: PublishProgrammePairsInput!) { publishProgrammePairs(input: $input) { status mentor { email } } }',
      { input: { programmeId, pairs: board.data!.matchingBoard.pairs.map(({ menteeId, mentorId }) => ({ menteeId, mentorId })) } },
    );
    expectNoErrors(published);
    expect(published.data!.publishProgrammePairs).toEqual([{ status: 'active', mentor: { email: GRACE } }]);
    expect((await notifications(dan)).map((n) => n.kind)).toContain('mentoring.paired');
  });

  it('shows another organisation nothing', async () => {
    const other = t.anonymous();
    expectNoErrors(
      await other.graphql('mutation($input: SignUpInput!) { signUp(input: $input) { viewer { accessRole } } }', {
        input: { organisationName: 'Other Mentors Ltd', name: 'Olga Other', email: 'olga@mentors.example', password: 'olga-secret-2026' },
      }),
    );
    const [anyMentorship] = await superuser('SELECT id FROM mentorships LIMIT 1', []);
    expect(theError(await mentorship(other, anyMentorship!.id as string)).code).toBe('NOT_FOUND');
    const mine = await other.graphql<{ myMentorships: unknown[]; mentoringProgrammes: unknown[] }>('{ myMentorships { id } mentoringProgrammes { id } }');
    expectNoErrors(mine);
    expect(mine.data).toEqual({ myMentorships: [], mentoringProgrammes: [] });
    const found = await findMentors(other, { focusSkillKeys: [focus[0]!.skillKey] });
    expectNoErrors(found);
    expect(found.data!.findMentors.suggestions).toEqual([]);
  });
});
