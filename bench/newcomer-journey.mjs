#!/usr/bin/env node
/**
 * Benchmark: what the newcomer journey of issue 13 costs in interactions and pages. It runs the browser
 * test apps/web/e2e/newcomer-journey.e2e.ts (the built app on a throwaway embedded PostgreSQL, Debian's
 * chromium through playwright-core), whose counting wrapper (apps/web/e2e/journey.ts) writes the counts to
 * a JSON file, and prints them beside the baseline measured by hand in the issue. Nothing is timed.
 *
 *   npm run build && node bench/newcomer-journey.mjs
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { root } from './support.mjs';

/** Issue 13, "What a newcomer met": the journey before onboarding, and the invitations counted apart. */
const BASELINE = { interactions: 62, pages: 14, invitationInteractions: 96 };
const GOALS = { interactions: 40, pages: 12 };

function runTest(out) {
  return new Promise((resolve, reject) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['run', 'test:e2e', '--workspace=@trellis/web', '--', 'e2e/newcomer-journey.e2e.ts'], {
      cwd: root,
      env: { ...process.env, NEWCOMER_JOURNEY_OUT: out },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the newcomer journey test failed (exit ${code}):\n${output}`))));
  });
}

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'trellis-newcomer-'));
  try {
    const out = path.join(dir, 'newcomer-journey.json');
    await runTest(out);
    const counts = JSON.parse(await readFile(out, 'utf8'));
    const invitations = counts.steps.find((s) => s.step.startsWith('invite'))?.interactions ?? 0;
    console.log('\nNewcomer journey (issue 13): sign up, customise, publish, import 20, invite all, one plan made and agreed');
    console.table([
      { figure: 'interactions', baseline: `${BASELINE.interactions} + ${BASELINE.invitationInteractions} for invitations`, now: counts.interactions, goal: `<= ${GOALS.interactions}` },
      { figure: 'new pages', baseline: BASELINE.pages, now: counts.pages, goal: `<= ${GOALS.pages}` },
      { figure: 'of which inviting 20', baseline: BASELINE.invitationInteractions, now: invitations, goal: '' },
    ]);
    console.log('By kind:', JSON.stringify(counts.byKind));
    console.table(counts.steps.map((s) => ({ step: s.step, interactions: s.interactions, pages: s.pages, routes: s.routes.join(' ') })));
    const met = counts.interactions <= GOALS.interactions && counts.pages <= GOALS.pages;
    console.log(met ? 'Goals met.' : `Goals NOT met (interactions ${counts.interactions} vs ${GOALS.interactions}, pages ${counts.pages} vs ${GOALS.pages}).`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
