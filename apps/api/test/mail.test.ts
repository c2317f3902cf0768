import pg from 'pg';
import { PlanReviewJob } from '../src/plans/plan-review.job.js';
import { expectNoErrors } from './support/errors.js';
import { startSmtpServer, unfold } from './support/smtp-server.js';
import { DEMO, startTestApp, type TestApp } from './support/test-app.js';

/**
 * With SMTP_URL set, invitations and password resets are e-mailed through nodemailer. A real SMTP
 * server (smtp-server, on loopback) receives them, so the test reads what a person would get.
 */
describe('e-mail through SMTP', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      environment: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Trellis <trellis@demo.example>', PUBLIC_URL: 'https://trellis.example' },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('e-mails the invitation link to the invited person', async () => {
    const admin = await t.signIn(DEMO.admin);
    const invited = await admin.graphql<{ invitePerson: { link: string; emailed: boolean } }>(
      'mutation($input: InvitePersonInput!) { invitePerson(input: $input) { link emailed } }',
      { input: { email: 'mia.mail@demo.example', name: 'Mia Mail' } },
    );
    expectNoErrors(invited);
    const { link, emailed } = invited.data!.invitePerson;
    expect(emailed).toBe(true);
    expect(link.startsWith('https://trellis.example/invitations/accept?token=')).toBe(true);

    const mail = smtp.inbox.find((received) => received.to.includes('mia.mail@demo.example'));
    expect(mail).toBeDefined();
    expect(mail!.from).toBe('trellis@demo.example');
    const body = unfold(mail!.body);
    expect(body).toContain('Subject: You are invited to Northwind Delivery (demo) on Trellis');
    expect(body).toContain(link);
  });

  it('e-mails a reset link that resets the password, and sends nothing for an unknown address', async () => {
    const before = smtp.inbox.length;
    const anonymous = t.anonymous();
    expectNoErrors(await anonymous.graphql('mutation { requestPasswordReset(email: "nobody@demo.example") }'));
    expectNoErrors(await anonymous.graphql(`mutation { requestPasswordReset(email: "${DEMO.employee}") }`));
    expect(smtp.inbox.length).toBe(before + 1);

    const mail = smtp.inbox.at(-1)!;
    expect(mail.to).toEqual([DEMO.employee]);
    const link = /https:\/\/trellis\.example\/reset-password\?token=[^\s]+/.exec(unfold(mail.body))?.[0];
    expect(link).toBeDefined();
    const token = new URL(link!).searchParams.get('token');

    const reset = await anonymous.graphql('mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }', {
      input: { token, newPassword: 'a-brand-new-passphrase' },
    });
    expectNoErrors(reset);
    await expect(t.signIn(DEMO.employee, 'a-brand-new-passphrase')).resolves.toBeDefined();
  });

  it('answers a sign-up the same whether or not the address has an account, and e-mails its owner what happened', async () => {
    const signUp = (email: string) =>
      t.anonymous({ address: '198.51.100.90' }).graphql<{ signUp: { confirmationEmailed: boolean; viewer: unknown } }>(
        'mutation($input: SignUpInput!) { signUp(input: $input) { confirmationEmailed viewer { accessRole } } }',
        { input: { organisationName: 'Mail Sign-up Ltd', name: 'Sam Signup', email, password: 'sam-signup-passphrase-1' } },
      );
    const fresh = await signUp('sam@signup.example');
    const known = await signUp(DEMO.leadership);
    expect(fresh).toEqual({ data: { signUp: { confirmationEmailed: true, viewer: null } } });
    expect(known).toEqual(fresh);

    // The owner of the known address is told, and given no way in but their own password.
    const note = smtp.inbox.filter((mail) => mail.to.includes(DEMO.leadership)).map((mail) => unfold(mail.body));
    expect(note).toHaveLength(1);
    expect(note[0]).toContain('already has a Trellis account, so nothing was created');
    expect(note[0]).not.toMatch(/sign-up\/confirm/);

    // The new address gets a link that creates the organisation and signs its founder in.
    const confirmation = smtp.inbox.find((mail) => mail.to.includes('sam@signup.example'));
    const link = /https:\/\/trellis\.example\/sign-up\/confirm\?token=[^\s]+/.exec(unfold(confirmation!.body))?.[0];
    expect(link).toBeDefined();
    const founder = t.anonymous();
    const confirmed = await founder.graphql<{ confirmSignUp: { accessRole: string; organisation: { name: string } } }>(
      'mutation($token: String!) { confirmSignUp(token: $token) { accessRole organisation { name } } }',
      { token: new URL(link!).searchParams.get('token') },
    );
    expectNoErrors(confirmed);
    expect(confirmed.data!.confirmSignUp).toEqual({ accessRole: 'ADMIN', organisation: { name: 'Mail Sign-up Ltd' } });
    await expect(t.signIn('sam@signup.example', 'sam-signup-passphrase-1')).resolves.toBeDefined();
    // A link works once.
    const again = await t.anonymous().graphql('mutation($token: String!) { confirmSignUp(token: $token) { accessRole } }', { token: new URL(link!).searchParams.get('token') });
    expect(again.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it("sends an admin's password reset to the person's own address and never shows the admin the link", async () => {
    const admin = await t.signIn(DEMO.admin);
    const people = await admin.graphql<{ people: { id: string; email: string }[] }>('{ people { id email } }');
    const hugo = people.data!.people.find((person) => person.email === 'hugo.silva@demo.example')!;
    const before = smtp.inbox.length;
    const reset = await admin.graphql<{ createPasswordReset: { emailed: boolean; link: string | null } }>(
      'mutation($id: ID!) { createPasswordReset(personId: $id) { emailed link expiresAt } }',
      { id: hugo.id },
    );
    expectNoErrors(reset);
    expect(reset.data!.createPasswordReset).toMatchObject({ emailed: true, link: null });
    expect(smtp.inbox.length).toBe(before + 1);
    const mail = smtp.inbox.at(-1)!;
    expect(mail.to).toEqual(['hugo.silva@demo.example']);
    expect(unfold(mail.body)).toMatch(/https:\/\/trellis\.example\/reset-password\?token=/);
  });

  it('e-mails a review that became overdue to the person and their manager, once', async () => {
    // Isla (her manager is Grace): the test above changed Dan's password.
    const isla = await t.signIn('isla.brown@demo.example');
    const roles = await isla.graphql<{ frameworks: { currentVersion: { roles: { id: string; key: string }[] } }[] }>('{ frameworks { currentVersion { roles { id key } } } }');
    const targetRoleId = roles.data!.frameworks[0]!.currentVersion.roles.find((r) => r.key === 'project-manager')!.id;
    const created = await isla.graphql<{ createPlanFromTarget: { id: string } }>('mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id } }', {
      input: { targetRoleId },
    });
    expectNoErrors(created);
    const client = new pg.Client({ connectionString: t.adminDatabaseUrl });
    await client.connect();
    try {
      await client.query(`UPDATE plans SET status = 'active', review_due_on = current_date - 3 WHERE id = $1`, [created.data!.createPlanFromTarget.id]);
    } finally {
      await client.end();
    }

    const job = t.app.get(PlanReviewJob);
    expect(await job.run(new Date())).toEqual({ ran: true, notified: 2, emailed: 2 });
    const reviewMail = (to: string) => smtp.inbox.filter((mail) => mail.to.includes(to) && unfold(mail.body).includes('development plan review is overdue'));
    expect(reviewMail('isla.brown@demo.example')).toHaveLength(1);
    expect(unfold(reviewMail('isla.brown@demo.example')[0]!.body)).toContain('Your development plan review is overdue');
    expect(unfold(reviewMail(DEMO.manager)[0]!.body)).toContain("Isla Brown's development plan review is overdue");

    expect(await job.run(new Date())).toEqual({ ran: true, notified: 0, emailed: 0 });
    expect(reviewMail('isla.brown@demo.example')).toHaveLength(1);
  });

  it('e-mails plan moves: the proposal to the manager, the sending back and the agreement to the person', async () => {
    const chloe = await t.signIn('chloe.martin@demo.example'); // reports to Ben
    const ben = await t.signIn('ben.okafor@demo.example');
    const roles = await chloe.graphql<{ frameworks: { currentVersion: { roles: { id: string; key: string }[] } }[] }>('{ frameworks { currentVersion { roles { id key } } } }');
    const targetRoleId = roles.data!.frameworks[0]!.currentVersion.roles.find((r) => r.key === 'pmo-manager')!.id;
    const created = await chloe.graphql<{ createPlanFromTarget: { id: string; version: number } }>(
      'mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { id version } }',
      { input: { targetRoleId } },
    );
    expectNoErrors(created);
    const planId = created.data!.createPlanFromTarget.id;
    const move = async (client: typeof ben, mutation: string, version: number, extra: Record<string, unknown> = {}) => {
      const result = await client.graphql<Record<string, { version: number }>>(
        `mutation($input: ${mutation === 'sendBackPlan' ? 'SendBackPlanInput' : 'PlanVersionInput'}!) { ${mutation}(input: $input) { version } }`,
        { input: { planId, expectedVersion: version, ...extra } },
      );
      expectNoErrors(result);
      return result.data![mutation]!.version;
    };
    const mailTo = (to: string, words: string) => smtp.inbox.filter((mail) => mail.to.includes(to) && unfold(mail.body).includes(words));

    const proposed = await move(chloe, 'proposePlan', created.data!.createPlanFromTarget.version);
    expect(mailTo('ben.okafor@demo.example', 'Chloe Martin proposed their development plan for your agreement.')).toHaveLength(1);
    const sentBack = await move(ben, 'sendBackPlan', proposed, { comment: 'Add a stakeholder action' });
    expect(mailTo('chloe.martin@demo.example', 'Your manager sent your plan back: "Add a stakeholder action"')).toHaveLength(1);
    const again = await move(chloe, 'proposePlan', sentBack);
    expect(mailTo('ben.okafor@demo.example', 'Chloe Martin proposed their development plan for your agreement.')).toHaveLength(2);
    await move(ben, 'agreePlan', again);
    const agreed = mailTo('chloe.martin@demo.example', 'Your manager agreed your plan.');
    expect(agreed).toHaveLength(1);
    expect(unfold(agreed[0]!.body)).toMatch(/Subject: Your development plan was agreed/);

    // A comment on the plan reaches its owner by e-mail too (the in-app notice links to the plan).
    const commented = await ben.graphql('mutation($input: AddPlanCommentInput!) { addPlanComment(input: $input) { id } }', {
      input: { planId, body: 'Good plan: start with the stakeholder map.' },
    });
    expectNoErrors(commented);
    const comment = mailTo('chloe.martin@demo.example', 'Ben Okafor commented on your plan.');
    expect(comment).toHaveLength(1);
    expect(unfold(comment[0]!.body)).toMatch(/Subject: Ben Okafor commented on your development plan/);
    expect(mailTo('ben.okafor@demo.example', 'commented on your plan')).toHaveLength(0);
  });
});
