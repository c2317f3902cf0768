/**
 * SQL statements per plan mutation, before and after (issue 9: "every plan read and mutation rebuilds
 * the whole published framework version"). For each code tree it runs the built app in a child process
 * (`apps/api/dist/app.js` with a statement-counting TypeORM logger, the same count the API tests use:
 * every statement a transaction sends, BEGIN and COMMIT included) on a throwaway embedded PostgreSQL
 * with the demo seed, and walks the demo employee's plan through its life: each mutation once the
 * process is warm (a plan read first, so the after code's version cache holds the version), and the
 * first read of the plan in a fresh process.
 *
 *   npm run build && node bench/plan-statements.mjs                       # this tree only
 *   BENCH_BEFORE=/path/to/built/checkout node bench/plan-statements.mjs   # and a built checkout of the code before, side by side
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { freePort, root } from './support.mjs';

const STEPS = [
  'createPlanFromTarget',
  'updatePlanAction (due date)',
  'addPlanAction',
  'proposePlan',
  'agreePlan',
  'recordCheckIn',
  'changePlanDirection',
  'sharePlan',
];

if (process.argv[2] === '--measure') {
  await measure(process.argv[3]);
} else {
  const trees = [...(process.env.BENCH_BEFORE ? [['before', path.resolve(process.env.BENCH_BEFORE)]] : []), ['after', root]];
  const results = {};
  for (const [label, tree] of trees) results[label] = await run(tree);
  const labels = Object.keys(results);
  const rows = [...STEPS, 'planOf (the plan page, as the manager reads it)'];
  const width = Math.max(...rows.map((r) => r.length));
  console.log(`\nSQL statements per plan mutation (demo employee; BEGIN/COMMIT included)\n`);
  console.log(`${'mutation'.padEnd(width)}  ${labels.map((l) => l.padStart(7)).join('  ')}`);
  for (const row of rows) console.log(`${row.padEnd(width)}  ${labels.map((l) => String(results[l][row] ?? '-').padStart(7)).join('  ')}`);
}

/** Runs the measurement in a child process (its own version cache) against `tree`'s built app. */
async function run(tree) {
  const child = spawn(process.execPath, [path.join(root, 'bench/plan-statements.mjs'), '--measure', tree], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`measuring ${tree} failed (${code}):\n${output}`);
  return JSON.parse(output.trim().split('\n').at(-1));
}

async function measure(tree) {
  const dist = (file) => pathToFileURL(path.join(tree, 'apps/api/dist', file)).href;
  const { createApp } = await import(dist('app.js'));
  const { loadConfig } = await import(dist('config/config.js'));
  const { startEmbeddedPostgres } = await import(dist('database/embedded-postgres.js'));
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'trellis-bench-plans-'));
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  const counter = { count: 0, logQuery() { this.count += 1; }, logQueryError() {}, logQuerySlow() {}, logSchemaBuild() {}, logMigration() {}, log() {} };
  const config = loadConfig({ ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'silent', TRELLIS_SEED_DEMO: 'true', WEB_DIST_DIR: '/nonexistent', MAX_EVENT_LOOP_DELAY_MS: '0', DATABASE_URL: database.url });
  const app = await createApp({ config, databaseUrl: database.url, sqlLogger: counter, quiet: true });
  await app.getHttpAdapter().getInstance().ready();
  const signIn = async (email) => {
    const session = { cookie: null };
    session.graphql = async (query, variables) => {
      const response = await app.inject({ method: 'POST', url: '/graphql', headers: { 'content-type': 'application/json', ...(session.cookie ? { cookie: session.cookie } : {}) }, payload: JSON.stringify({ query, variables }) });
      const cookie = response.cookies.find((c) => c.name === 'trellis_session');
      if (cookie) session.cookie = `trellis_session=${cookie.value}`;
      const body = response.json();
      if (body.errors) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    await session.graphql('mutation($input: SignInInput!) { signIn(input: $input) { person { id } } }', { input: { email, password: 'trellis-demo-2026' } });
    return session;
  };
  const counted = async (work) => {
    counter.count = 0;
    const result = await work();
    return { result, statements: counter.count };
  };
  const figures = {};
  try {
    const dan = await signIn('dan.kowalski@demo.example');
    const ben = await signIn('ben.okafor@demo.example');
    const data = await dan.graphql('{ viewer { person { id } } people { id email } frameworks { currentVersion { roles { id key } } } }');
    const danId = data.viewer.person.id;
    const roles = new Map(data.frameworks[0].currentVersion.roles.map((r) => [r.key, r.id]));
    const chloeId = data.people.find((p) => p.email === 'chloe.martin@demo.example').id;
    const PLAN = 'id version actions { id }';

    // Warm the process (a plan made and abandoned), then the plan page as the manager reads it.
    let plan = (await dan.graphql(`mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { ${PLAN} } }`, { input: { targetRoleId: roles.get('project-manager') } })).createPlanFromTarget;
    await dan.graphql(`mutation($input: PlanVersionInput!) { abandonPlan(input: $input) { id } }`, { input: { planId: plan.id, expectedVersion: plan.version } });
    const first = await counted(() => ben.graphql(`query($id: ID!) { planOf(personId: $id) { id } }`, { id: danId }));
    figures['planOf (the plan page, as the manager reads it)'] = first.statements;

    const step = async (name, work) => {
      const { result, statements } = await counted(work);
      figures[name] = statements;
      return result;
    };
    plan = (await step('createPlanFromTarget', () => dan.graphql(`mutation($input: CreatePlanInput!) { createPlanFromTarget(input: $input) { ${PLAN} } }`, { input: { targetRoleId: roles.get('project-manager') } }))).createPlanFromTarget;
    plan = (await step('updatePlanAction (due date)', () => dan.graphql(`mutation($input: UpdatePlanActionInput!) { updatePlanAction(input: $input) { ${PLAN} } }`, { input: { actionId: plan.actions[0].id, expectedPlanVersion: plan.version, dueOn: '2027-03-31' } }))).updatePlanAction;
    plan = (await step('addPlanAction', () => dan.graphql(`mutation($input: AddPlanActionInput!) { addPlanAction(input: $input) { ${PLAN} } }`, { input: { planId: plan.id, expectedVersion: plan.version, type: 'COURSE', title: 'Risk workshop', skillKeys: ['risk-management'] } }))).addPlanAction;
    plan = (await step('proposePlan', () => dan.graphql(`mutation($input: PlanVersionInput!) { proposePlan(input: $input) { ${PLAN} } }`, { input: { planId: plan.id, expectedVersion: plan.version } }))).proposePlan;
    plan = (await step('agreePlan', () => ben.graphql(`mutation($input: PlanVersionInput!) { agreePlan(input: $input) { ${PLAN} } }`, { input: { planId: plan.id, expectedVersion: plan.version } }))).agreePlan;
    plan = (await step('recordCheckIn', () => dan.graphql(`mutation($input: RecordCheckInInput!) { recordCheckIn(input: $input) { ${PLAN} } }`, { input: { planId: plan.id, expectedVersion: plan.version, reflection: 'Steady', progress: plan.actions.slice(0, 5).map((a) => ({ actionId: a.id, status: 'IN_PROGRESS' })) } }))).recordCheckIn;
    plan = (await step('changePlanDirection', () => dan.graphql(`mutation($input: ChangePlanDirectionInput!) { changePlanDirection(input: $input) { ${PLAN} } }`, { input: { planId: plan.id, expectedVersion: plan.version, targetRoleId: roles.get('senior-pmo-analyst'), reason: 'NEW_TARGET_ROLE', note: 'Stay in the PMO' } }))).changePlanDirection;
    await step('sharePlan', () => dan.graphql(`mutation($id: ID!) { sharePlan(viewerId: $id, shared: true) { id } }`, { id: chloeId }));
  } finally {
    await app.close();
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
