#!/usr/bin/env node
/**
 * `npm run seed:scale -- --people 100000`: a separate organisation of N people for the reports'
 * benchmark (bench/reports-api.mjs), in the database at DATABASE_URL (or BENCH_DATABASE_URL).
 *
 * The built app is started on that database (it migrates it), a new organisation is signed up through
 * GraphQL (its founder, scale-<N>@scale.example, is its admin; password trellis-demo-2026), and a
 * 50-skill framework (the PMO framework with 20 more skills) is imported and published the same way.
 * Then, in PostgreSQL, with a fixed seed (setseed) and set-based INSERT ... SELECT over
 * generate_series (nothing crosses the wire, so no COPY is needed): 1,010 teams (10 divisions × 10
 * departments × 9 teams), N people spread over the 900 teams (the first of each leads it), a self
 * rating on 90% of the 50 skills per person and a manager rating on a tenth of those (about 5 million
 * assessments at 100,000 people), plans for 30% of people (every status) with a course wanted in half
 * of them. Last, the organisation's current report snapshot is built (`refreshReports`), timed.
 *
 *   npm run build && DATABASE_URL=postgres://... npm run seed:scale -- --people 100000
 */
import http from 'node:http';
import pg from 'pg';
import { pmoFramework } from '@trellis/domain';
import { DEMO_PASSWORD, graphql, startApp } from './support.mjs';

function argument(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** The PMO framework with 20 more skills (copies of the first 20, expected by the same roles at the same levels). */
export function scaleFramework() {
  const doc = structuredClone(pmoFramework);
  const extra = doc.skills.slice(0, 20).map((skill) => ({ ...skill, key: `${skill.key}-applied`, name: `${skill.name} (applied)` }));
  doc.key = 'pmo-scale';
  doc.name = 'PMO framework (scale test)';
  doc.skills = [...doc.skills, ...extra];
  doc.roles = doc.roles.map((role) => {
    const expectations = { ...role.expectations };
    for (const skill of extra) {
      const level = expectations[skill.key.replace(/-applied$/, '')];
      if (level) expectations[skill.key] = level;
    }
    return { ...role, expectations };
  });
  return doc;
}

/** A GraphQL call that may take minutes (fetch gives up on headers after 5). */
export function slowGraphql(url, headers, query, variables = {}) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        const body = JSON.parse(text);
        if (body.errors) reject(new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`));
        else resolve(body.data);
      });
    });
    request.on('error', reject);
    request.end(JSON.stringify({ query, variables }));
  });
}

const seconds = (start) => ((performance.now() - start) / 1000).toFixed(1);

/** Seeds the organisation through a running app (`app` from startApp) and the database; returns its admin's e-mail. */
export async function seedScale(app, databaseUrl, people) {
  const email = `scale-${people}-${Date.now()}@scale.example`;
  const signUp = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($input: SignUpInput!) { signUp(input: $input) { confirmationEmailed } }',
      variables: { input: { organisationName: `Scale test (${people} people)`, name: 'Scale Admin', email, password: DEMO_PASSWORD } },
    }),
  });
  const cookie = signUp.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`sign-up did not sign in (is SMTP_URL set?): ${await signUp.text()}`);
  const headers = { 'content-type': 'application/json', cookie };
  const { viewer } = await graphql(app.url, headers, '{ viewer { organisation { id } } }');
  const org = viewer.organisation.id;
  const { createFramework } = await graphql(
    app.url,
    headers,
    'mutation($input: CreateFrameworkInput!) { createFramework(input: $input) { id draft { revision } } }',
    { input: { source: 'IMPORT', json: JSON.stringify(scaleFramework()) } },
  );
  await graphql(app.url, headers, 'mutation($id: ID!, $revision: Int!) { publishFrameworkDraft(frameworkId: $id, expectedRevision: $revision, choices: []) { version { number } } }', {
    id: createFramework.id,
    revision: createFramework.draft.revision,
  });

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(`SELECT set_config('trellis.organisation_id', '*', false)`);
    const [{ id: versionId }] = (
      // The new organisation also has the built-in PMO framework published (30 skills): take the imported one.
      await db.query(
        `SELECT v.id FROM framework_versions v JOIN frameworks f ON f.organisation_id = v.organisation_id AND f.id = v.framework_id
         WHERE v.organisation_id = $1 AND v.status = 'published' AND f.key = 'pmo-scale'`,
        [org],
      )
    ).rows;
    await db.query('SELECT setseed(0.42)');
    let start = performance.now();
    await db.query(`INSERT INTO teams (organisation_id, id, parent_id, name) SELECT $1, gen_random_uuid(), NULL, 'Division ' || d FROM generate_series(1, 10) d`, [org]);
    await db.query(
      `INSERT INTO teams (organisation_id, id, parent_id, name)
       SELECT $1, gen_random_uuid(), t.id, 'Department ' || substr(t.name, 10) || '.' || x FROM teams t, generate_series(1, 10) x
       WHERE t.organisation_id = $1 AND t.parent_id IS NULL`,
      [org],
    );
    await db.query(
      `INSERT INTO teams (organisation_id, id, parent_id, name)
       SELECT $1, gen_random_uuid(), t.id, 'Team ' || substr(t.name, 12) || '.' || x FROM teams t, generate_series(1, 9) x
       WHERE t.organisation_id = $1 AND t.name LIKE 'Department %'`,
      [org],
    );
    await db.query(
      `WITH leaves AS (SELECT id, (row_number() OVER (ORDER BY name)) - 1 AS i, count(*) OVER () AS n FROM teams WHERE organisation_id = $1 AND name LIKE 'Team %'),
            roles AS (SELECT array_agg(id ORDER BY key) AS ids FROM roles WHERE organisation_id = $1 AND framework_version_id = $2)
       INSERT INTO people (organisation_id, id, email, name, team_id, current_role_id, access_role, start_date)
       SELECT $1, gen_random_uuid(), 'person' || g || '@' || $1 || '.scale.example', 'Person ' || g, l.id,
         r.ids[1 + floor(random() * array_length(r.ids, 1))::int], 'employee', current_date - floor(random() * 3000)::int
       FROM generate_series(0, $3 - 1) g JOIN leaves l ON l.i = g % l.n CROSS JOIN roles r`,
      [org, versionId, people],
    );
    await db.query(
      `UPDATE people p SET manager_id = lead.id FROM (SELECT DISTINCT ON (team_id) team_id, id FROM people WHERE organisation_id = $1 AND team_id IS NOT NULL ORDER BY team_id, email) lead
       WHERE p.organisation_id = $1 AND p.team_id = lead.team_id AND p.id <> lead.id`,
      [org],
    );
    console.log(`1,010 teams and ${people.toLocaleString('en-GB')} people: ${seconds(start)} s`);
    start = performance.now();
    await db.query(
      `INSERT INTO assessments (organisation_id, id, person_id, skill_id, level, source, assessed_by_id, assessed_at)
       SELECT $1, gen_random_uuid(), p.id, s.id, 1 + floor(random() * 5)::int, 'self', p.id, now() - random() * interval '400 days'
       FROM people p CROSS JOIN skills s
       WHERE p.organisation_id = $1 AND p.team_id IS NOT NULL AND s.organisation_id = $1 AND s.framework_version_id = $2 AND random() < 0.9`,
      [org, versionId],
    );
    await db.query(
      `INSERT INTO assessments (organisation_id, id, person_id, skill_id, level, source, assessed_by_id, assessed_at)
       SELECT $1, gen_random_uuid(), a.person_id, a.skill_id, greatest(1, least(5, a.level + floor(random() * 3)::int - 1)), 'manager', p.manager_id,
         a.assessed_at + random() * interval '20 days'
       FROM assessments a JOIN people p ON p.organisation_id = a.organisation_id AND p.id = a.person_id
       WHERE a.organisation_id = $1 AND p.manager_id IS NOT NULL AND random() < 0.1`,
      [org],
    );
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM assessments WHERE organisation_id = $1`, [org])).rows;
    console.log(`${n.toLocaleString('en-GB')} assessments: ${seconds(start)} s`);
    start = performance.now();
    await db.query(
      `INSERT INTO plans (organisation_id, id, person_id, framework_version_id, target_role_id, status, review_rhythm_weeks, time_zone, revision,
         agreed_at, review_due_on, last_activity_at, created_at)
       SELECT $1, gen_random_uuid(), p.id, $2, p.current_role_id, st.status, 8, 'Europe/London', 1,
         CASE WHEN st.status IN ('agreed', 'active') THEN now() - interval '60 days' END,
         CASE WHEN st.status IN ('agreed', 'active') THEN current_date + (floor(random() * 80) - 40)::int END,
         now() - random() * interval '90 days', now() - interval '120 days'
       FROM people p CROSS JOIN LATERAL (SELECT (ARRAY['draft', 'proposed', 'agreed', 'active', 'active', 'completed'])[1 + floor(random() * 6)::int] AS status, p.id AS pid) st
       WHERE p.organisation_id = $1 AND p.team_id IS NOT NULL AND random() < 0.3`,
      [org, versionId],
    );
    await db.query(
      `INSERT INTO plan_actions (organisation_id, id, plan_id, revision_number, position, type, title, description, status)
       SELECT $1, gen_random_uuid(), pl.id, 1, 1, 'course', (ARRAY['PRINCE2 Foundation', 'Agile PM', 'Excel for PMOs', 'Risk workshop'])[1 + floor(random() * 4)::int], '', 'not-started'
       FROM plans pl WHERE pl.organisation_id = $1 AND random() < 0.5`,
      [org],
    );
    const [{ plans }] = (await db.query(`SELECT count(*)::int AS plans FROM plans WHERE organisation_id = $1`, [org])).rows;
    console.log(`${plans.toLocaleString('en-GB')} plans: ${seconds(start)} s`);
    await db.query(`ANALYZE`);
  } finally {
    await db.end();
  }
  const start = performance.now();
  const { refreshReports } = await slowGraphql(app.url, headers, 'mutation { refreshReports { ran written } }');
  console.log(`current report snapshot (${refreshReports.written.join(', ')}): ${seconds(start)} s`);
  return { email, organisationId: org };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const people = Number(argument('people', '100000'));
  const databaseUrl = process.env.DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
  if (!databaseUrl) {
    console.error('Set DATABASE_URL to the PostgreSQL to seed (the app migrates it).');
    process.exit(1);
  }
  const app = await startApp({ DATABASE_URL: databaseUrl, REPORTS_REFRESH_SECONDS: '0', WORKER_TASK_TIMEOUT_MS: '900000' });
  try {
    const { email } = await seedScale(app, databaseUrl, people);
    console.log(`Sign in as ${email} (password ${DEMO_PASSWORD}).`);
  } finally {
    await app.close();
  }
}
