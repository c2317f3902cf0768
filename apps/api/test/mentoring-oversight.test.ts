import { MentoringFizzlingService } from '../src/mentoring/mentoring-fizzling.service.js';
import { expectNoErrors, fieldErrors, theError } from './support/errors.js';
import { startSmtpServer, unfold } from './support/smtp-server.js';
import { DEMO, startTestApp, type Client, type TestApp } from './support/test-app.js';
import { superuserQuery } from './support/superuser.js';

/**
 * The organisation-facing half of mentoring: the stored settings (fizzle weeks, cross-team
 * preference), pairs that fizzle and their nudge (once per episode, however many runs at once),
 * the admin page and its CSV (audited, admins only, nothing of another organisation), and e-mail
 * for mentoring notifications through a real SMTP server.
 */

const GRACE = 'grace.liu@demo.example';
const CHLOE = 'chloe.martin@demo.example';
const SETTINGS = 'fizzleWeeks crossTeam version';
const DAY = 86_400_000;

describe('mentoring oversight', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;
  let admin: Client;
  let dan: Client;
  let grace: Client;
  let chloe: Client;
  const ids = new Map<string, string>();
  let skillKeys: string[];
  let mentorshipId: string;

  const superuser = (text: string, values: unknown[] = []) => superuserQuery(t.adminDatabaseUrl, text, values);
  const mailTo = (email: string, subject: string) => smtp.inbox.filter((m) => m.to.includes(email) && unfold(m.body).includes(`Subject: ${subject}`));
  /** E-mails leave after the commit, without holding the answer up: wait (up to 5 s) for `count` of them. */
  const mailArrived = async (email: string, subject: string, count = 1) => {
    for (let waited = 0; waited < 5000 && mailTo(email, subject).length < count; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    return mailTo(email, subject);
  };
  const notificationsOf = async (client: Client, kind: string) => {
    const result = await client.graphql<{ myNotifications: { kind: string; message: string; link: string | null }[] }>('{ myNotifications { kind message link } }');
    expectNoErrors(result);
    return result.data!.myNotifications.filter((n) => n.kind === kind);
  };
  const settingsOf = async (client: Client) => {
    const result = await client.graphql<{ mentoringSettings: { fizzleWeeks: number; crossTeam: string; version: number } }>(`{ mentoringSettings { ${SETTINGS} } }`);
    expectNoErrors(result);
    return result.data!.mentoringSettings;
  };
  const updateSettings = (client: Client, input: Record<string, unknown>) =>
    client.graphql<{ updateMentoringSettings: { fizzleWeeks: number; crossTeam: string; version: number } }>(
      `mutation($input: MentoringSettingsInput!) { updateMentoringSettings(input: $input) { ${SETTINGS} } }`,
      { input },
    );
  const oversight = async (client: Client) => {
    const result = await client.graphql<{
      mentoringOversight: {
        fizzleWeeks: number;
        relationships: { mentorshipId: string; menteeName: string; mentorName: string; sessions: number; minutes: number; lastSessionOn: string | null; fizzling: boolean; weeksWithoutSession: number | null; message: string | null }[];
        waiting: { menteeName: string; mentorName: string; daysWaiting: number }[];
        mentorsAtCapacity: { name: string; capacity: number; occupiedPlaces: number }[];
        uncovered: { name: string; skillKeys: string[]; skillNames: string[] }[];
      };
    }>(`{ mentoringOversight { fizzleWeeks
      relationships { mentorshipId menteeName mentorName sessions minutes lastSessionOn fizzling weeksWithoutSession message }
      waiting { menteeName mentorName daysWaiting } mentorsAtCapacity { name capacity occupiedPlaces } uncovered { name skillKeys skillNames } } }`);
    expectNoErrors(result);
    return result.data!.mentoringOversight;
  };

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({ environment: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Trellis <trellis@demo.example>', PUBLIC_URL: 'https://trellis.example' } });
    [admin, dan, grace, chloe] = await Promise.all([t.signIn(DEMO.admin), t.signIn(DEMO.employee), t.signIn(GRACE), t.signIn(CHLOE)]);
    const people = await admin.graphql<{ people: { id: string; email: string }[] }>('{ people { id email } }');
    expectNoErrors(people);
    for (const p of people.data!.people) ids.set(p.email, p.id);
    const skills = await superuser(
      `SELECT s.key FROM skills s JOIN framework_versions v ON v.id = s.framework_version_id AND v.status = 'published' ORDER BY s.position LIMIT 3`,
    );
    skillKeys = skills.map((s) => s.key as string);
    // Grace mentors (one place), rated 5 by her manager in the first skill; nobody offers the third.
    await superuser(
      `INSERT INTO assessments (organisation_id, id, person_id, skill_id, level, source, assessed_by_id, assessed_at)
       SELECT s.organisation_id, gen_random_uuid(), $1, s.id, 5, 'manager', $2, now() FROM skills s
       JOIN framework_versions v ON v.id = s.framework_version_id AND v.status = 'published' WHERE s.key = $3`,
      [ids.get(GRACE), ids.get(DEMO.leadership), skillKeys[0]],
    );
    for (const [client, offered] of [
      [grace, [skillKeys[0]]],
      [chloe, [skillKeys[1]]],
    ] as const) {
      const saved = await client.graphql('mutation($input: SaveMentorProfileInput!) { saveMentorProfile(input: $input) { id } }', {
        input: { offeredSkillKeys: offered, capacity: 1 },
      });
      expectNoErrors(saved);
    }
  });

  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('keeps the settings: defaults until saved, specific errors, stale saves refused, audited', async () => {
    expect(await settingsOf(admin)).toEqual({ fizzleWeeks: 6, crossTeam: 'no-preference', version: 0 });
    expect(fieldErrors(await updateSettings(admin, { fizzleWeeks: 0, crossTeam: 'no-preference', expectedVersion: 0 }))).toEqual({ fizzleWeeks: 'at least 1 week' });
    expect(fieldErrors(await updateSettings(admin, { fizzleWeeks: 27, crossTeam: 'no-preference', expectedVersion: 0 }))).toEqual({ fizzleWeeks: 'at most 26 weeks' });
    expect(fieldErrors(await updateSettings(admin, { fizzleWeeks: 4, crossTeam: 'sometimes', expectedVersion: 0 }))).toEqual({
      crossTeam: 'choose one of no-preference, prefer-other-teams',
    });
    const saved = await updateSettings(admin, { fizzleWeeks: 4, crossTeam: 'prefer-other-teams', expectedVersion: 0 });
    expectNoErrors(saved);
    expect(saved.data!.updateMentoringSettings).toEqual({ fizzleWeeks: 4, crossTeam: 'prefer-other-teams', version: 1 });
    expect(theError(await updateSettings(admin, { fizzleWeeks: 5, crossTeam: 'no-preference', expectedVersion: 0 })).code).toBe('CONFLICT');
    expect(await settingsOf(admin)).toEqual({ fizzleWeeks: 4, crossTeam: 'prefer-other-teams', version: 1 });
    expect(theError(await updateSettings(dan, { fizzleWeeks: 5, crossTeam: 'no-preference', expectedVersion: 1 })).code).toBe('FORBIDDEN');
    const [event] = await superuser(`SELECT summary FROM audit_events WHERE action = 'mentoring.settings'`);
    expect(event!.summary).toContain('after 4 weeks');
  });

  it('e-mails the mentor a request and the mentee the acceptance, after the commit', async () => {
    const requested = await dan.graphql<{ requestMentor: { id: string; version: number } }>(
      'mutation($input: RequestMentorInput!) { requestMentor(input: $input) { id version } }',
      { input: { mentorId: ids.get(GRACE), message: 'Could you help me?', focusSkillKeys: [skillKeys[0]] } },
    );
    expectNoErrors(requested);
    mentorshipId = requested.data!.requestMentor.id;
    const toGrace = await mailArrived(GRACE, 'Someone asked you to be their mentor');
    expect(toGrace).toHaveLength(1);
    expect(unfold(toGrace[0]!.body)).toContain(`https://trellis.example/mentoring/${mentorshipId}`);
    expect(unfold(toGrace[0]!.body)).toContain('Dan Kowalski asked you to be their mentor.');
    const accepted = await grace.graphql('mutation($input: MoveMentorshipInput!) { moveMentorship(input: $input) { status } }', {
      input: { mentorshipId, expectedVersion: requested.data!.requestMentor.version, move: 'accept' },
    });
    expectNoErrors(accepted);
    expect(await mailArrived(DEMO.employee, 'Your mentoring request was accepted')).toHaveLength(1);
    // A refused move (stale version) rolls back and e-mails nobody.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = smtp.inbox.length;
    expect(theError(await grace.graphql('mutation($input: MoveMentorshipInput!) { moveMentorship(input: $input) { status } }', { input: { mentorshipId, expectedVersion: 1, move: 'pause' } })).code).toBe('CONFLICT');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.inbox.length).toBe(before);
  });

  it('flags a pair with no session for N weeks and nudges both sides once per episode, however many runs at once', async () => {
    const fizzling = t.app.get(MentoringFizzlingService);
    const now = new Date();
    // Active for 3 weeks: quiet, not fizzling yet (N is 4).
    await superuser(`UPDATE mentorships SET active_since = $2 WHERE id = $1`, [mentorshipId, new Date(now.getTime() - 3 * 7 * DAY)]);
    expect(await fizzling.nudgeAll(now)).toEqual([]);
    await superuser(`UPDATE mentorships SET active_since = $2 WHERE id = $1`, [mentorshipId, new Date(now.getTime() - 5 * 7 * DAY - DAY)]);
    // Two runs at once (as two processes would): one nudge.
    const [first, second] = await Promise.all([fizzling.nudgeAll(now), fizzling.nudgeAll(now)]);
    expect([...first!, ...second!]).toEqual([mentorshipId]);
    expect(await fizzling.nudgeAll(new Date(now.getTime() + DAY))).toEqual([]);
    const danNudges = await notificationsOf(dan, 'mentoring.fizzling');
    const graceNudges = await notificationsOf(grace, 'mentoring.fizzling');
    expect(danNudges).toEqual([{ kind: 'mentoring.fizzling', link: `/mentoring/${mentorshipId}`, message: expect.stringMatching(/^No session yet, 5 weeks in with Grace Liu: log/) as unknown }]);
    expect(graceNudges).toHaveLength(1);
    expect(await mailArrived(DEMO.employee, 'Time for a mentoring session?')).toHaveLength(1);
    expect(await mailArrived(GRACE, 'Time for a mentoring session?')).toHaveLength(1);

    const mine = await dan.graphql<{ myMentorships: { id: string; rhythm: { fizzling: boolean; message: string | null; sessions: number } }[] }>(
      '{ myMentorships { id rhythm { fizzling message sessions } } }',
    );
    expectNoErrors(mine);
    expect(mine.data!.myMentorships.find((m) => m.id === mentorshipId)!.rhythm).toEqual({ fizzling: true, message: 'No session yet, 5 weeks in', sessions: 0 });

    // A session ends the episode; the next quiet spell is a new episode with its own nudge.
    const logged = await dan.graphql('mutation($input: LogMentoringSessionInput!) { logMentoringSession(input: $input) { id } }', {
      input: { mentorshipId, heldOn: new Date(now.getTime() - 2 * DAY).toISOString().slice(0, 10), minutes: 45, sharedNotes: '' },
    });
    expectNoErrors(logged);
    expect(await fizzling.nudgeAll(now)).toEqual([]);
    expect(await fizzling.nudgeAll(new Date(now.getTime() + 5 * 7 * DAY))).toEqual([mentorshipId]);
    expect(await fizzling.nudgeAll(new Date(now.getTime() + 5 * 7 * DAY))).toEqual([]);
    expect(await notificationsOf(dan, 'mentoring.fizzling')).toHaveLength(2);
  });

  it('shows admins every open relationship, waiting mentees, full mentors and uncovered skills, audited, and as CSV', async () => {
    // Dan asks Chloe for a skill nobody offers at mentor level, and waits on her answer.
    const waiting = await dan.graphql('mutation($input: RequestMentorInput!) { requestMentor(input: $input) { id } }', {
      input: { mentorId: ids.get(CHLOE), message: 'And you?', focusSkillKeys: [skillKeys[2]] },
    });
    expectNoErrors(waiting);
    await superuser(`UPDATE mentorships SET active_since = now() - interval '50 days' WHERE id = $1`, [mentorshipId]);
    await superuser(`UPDATE mentoring_sessions SET held_on = current_date - 50 WHERE mentorship_id = $1`, [mentorshipId]);

    const page = await oversight(admin);
    expect(page.fizzleWeeks).toBe(4);
    expect(page.relationships).toEqual([
      {
        mentorshipId,
        menteeName: 'Dan Kowalski',
        mentorName: 'Grace Liu',
        sessions: 1,
        minutes: 45,
        lastSessionOn: expect.any(String) as unknown,
        fizzling: true,
        weeksWithoutSession: 7,
        message: 'No session for 7 weeks',
      },
    ]);
    expect(page.waiting).toEqual([{ menteeName: 'Dan Kowalski', mentorName: 'Chloe Martin', daysWaiting: 0 }]);
    expect(page.mentorsAtCapacity).toEqual([{ name: 'Grace Liu', capacity: 1, occupiedPlaces: 1 }]);
    expect(page.uncovered).toEqual([{ name: 'Dan Kowalski', skillKeys: [skillKeys[2]], skillNames: [expect.any(String)] }]);
    expect(await superuser(`SELECT 1 FROM audit_events WHERE action = 'mentoring.oversight.read'`)).toHaveLength(1);

    const csv = await admin.graphql<{ mentoringOversightCsv: string }>('{ mentoringOversightCsv }');
    expectNoErrors(csv);
    const lines = csv.data!.mentoringOversightCsv.split('\n');
    expect(lines[0]).toBe('Relationship: mentee,Mentor,Status,Programme,Active since,Last session,Sessions,Hours,Fizzling,Weeks without a session');
    expect(lines[1]).toMatch(/^Dan Kowalski,Grace Liu,active,,\d{4}-\d\d-\d\d,\d{4}-\d\d-\d\d,1,0\.8,yes,7$/);
    expect(csv.data!.mentoringOversightCsv).toContain('Dan Kowalski,Chloe Martin,');
    expect(await superuser(`SELECT 1 FROM audit_events WHERE action = 'mentoring.oversight.read'`)).toHaveLength(2);

    // Employees are refused; the mentors' own lists show the flag instead.
    expect(theError(await dan.graphql('{ mentoringOversight { fizzleWeeks } }')).code).toBe('FORBIDDEN');
    expect(theError(await grace.graphql('{ mentoringOversightCsv }')).code).toBe('FORBIDDEN');
  });

  it('shows another organisation nothing of this one', async () => {
    const signUp = await t.anonymous().graphql('mutation($input: SignUpInput!) { signUp(input: $input) { confirmationEmailed } }', {
      input: { organisationName: 'Other Mentoring Ltd', name: 'Olivia Other', email: 'olivia@other-mentoring.example', password: 'olivia-secret-2026' },
    });
    expectNoErrors(signUp);
    const [confirmation] = await mailArrived('olivia@other-mentoring.example', 'Finish creating your organisation on Trellis');
    const link = /https:\/\/trellis\.example\/sign-up\/confirm\?token=[^\s]+/.exec(unfold(confirmation!.body))![0];
    const other = t.anonymous();
    expectNoErrors(await other.graphql('mutation($token: String!) { confirmSignUp(token: $token) { accessRole } }', { token: new URL(link).searchParams.get('token') }));
    expect(await settingsOf(other)).toEqual({ fizzleWeeks: 6, crossTeam: 'no-preference', version: 0 });
    expect(await oversight(other)).toEqual({ fizzleWeeks: 6, relationships: [], waiting: [], mentorsAtCapacity: [], uncovered: [] });
    const csv = await other.graphql<{ mentoringOversightCsv: string }>('{ mentoringOversightCsv }');
    expect(csv.data!.mentoringOversightCsv).not.toContain('Dan Kowalski');
    // Its settings are its own.
    expectNoErrors(await updateSettings(other, { fizzleWeeks: 10, crossTeam: 'no-preference', expectedVersion: 0 }));
    expect((await settingsOf(admin)).fizzleWeeks).toBe(4);
  });
});
