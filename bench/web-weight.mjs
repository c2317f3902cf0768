#!/usr/bin/env node
/**
 * Benchmark: what a browser downloads before a page shows. The built app (`npm run build` first) runs on
 * a throwaway embedded PostgreSQL; Chromium (playwright-core, /usr/bin/chromium or CHROMIUM_PATH) opens
 * each page with an empty cache, waits until the page shows what it is for and the network is idle,
 * and sums the JavaScript it fetched, each file gzipped here at level 9 (so the figure does not
 * depend on how the server compresses), beside the bytes the server actually sent for it (its
 * Content-Encoding). My career is opened as the demo employee with three skills rated (so it draws its
 * chart); it also counts the GraphQL requests and the JSON they brought.
 *
 *   npm run build && node bench/web-weight.mjs
 */
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { DEMO, graphql, signIn, startApp } from './support.mjs';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const KB = 1024;

/** Measured on main before route splitting and compression (518cdb2, this script, 2026-12-06). */
const BASELINE = { signIn: 340.0, myCareer: 473.1, myCareerRequests: 5, myCareerJson: 160.8, versions: 290.1, versionsChunk: '332.4 KB, 22.4 KB gzipped (DiffView's two fragments in one graphql() call, 2026-12-06)' };
const GOALS = { signIn: 200, myCareer: 300 };

/**
 * Opens `path` in a fresh context (empty cache) and measures it once `ready` resolves and the network is idle;
 * `chunk` names the page's own script (its size is reported apart).
 */
async function measure(browser, base, path, ready, cookie, chunk = null) {
  const context = await browser.newContext({ baseURL: base, viewport: { width: 1280, height: 900 } });
  if (cookie) {
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: base }]);
  }
  const page = await context.newPage();
  const scripts = [];
  const graphql = [];
  page.on('response', (response) => {
    const request = response.request();
    if (request.resourceType() === 'script') scripts.push(response);
    if (new URL(request.url()).pathname === '/graphql') graphql.push(response);
  });
  await page.goto(path, { waitUntil: 'load' });
  await ready(page);
  await page.waitForLoadState('networkidle');

  let gzipped = 0;
  let raw = 0;
  let sent = 0;
  let largest = { name: '', gzipped: 0, raw: 0 };
  let own = null;
  const encodings = new Set();
  for (const response of scripts) {
    const body = await response.body();
    raw += body.length;
    const size = gzipSync(body, { level: 9 }).length;
    gzipped += size;
    if (size > largest.gzipped) largest = { name: new URL(response.url()).pathname, gzipped: size, raw: body.length };
    const name = new URL(response.url()).pathname;
    if (chunk && name.includes(chunk)) own = { name, gzipped: size, raw: body.length };
    const sizes = await response.request().sizes();
    sent += sizes.responseBodySize;
    encodings.add((await response.allHeaders())['content-encoding'] ?? 'none');
  }
  let json = 0;
  for (const response of graphql) json += (await response.body()).length;
  await context.close();
  const pick = own ?? largest;
  return { chunk: { name: pick.name, gzipped: pick.gzipped / KB, raw: pick.raw / KB }, files: scripts.length, raw: raw / KB, gzipped: gzipped / KB, sent: sent / KB, encodings: [...encodings].join(', '), requests: graphql.length, json: json / KB };
}

async function main() {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const app = await startApp();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  try {
    const signInPage = await measure(browser, app.base, '/sign-in', (page) => page.getByRole('button', { name: 'Sign in' }).waitFor());
    // A person with a few ratings, so My career draws what it is for (the radar chart, closest roles).
    const headers = await signIn(app.url, DEMO.employee);
    const { cookie } = headers;
    const { viewer } = await graphql(app.url, headers, '{ viewer { person { currentRole { expectations { level skill { id } } } } } }');
    for (const expectation of (viewer.person.currentRole?.expectations ?? []).slice(0, 3)) {
      await graphql(app.url, headers, 'mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id } }', {
        input: { skillId: expectation.skill.id, level: expectation.level },
      });
    }
    const myCareer = await measure(
      browser,
      app.base,
      '/my-career',
      // One table per skill category ("My skills against the roles: Planning & scheduling"...).
      (page) => page.getByRole('table', { name: /^My skills against the roles/ }).first().waitFor({ timeout: 60_000 }),
      cookie,
    );
    // An admin's framework versions page, which draws the diff between versions (DiffView): its own chunk.
    const admin = await signIn(app.url, DEMO.admin);
    const { frameworks } = await graphql(app.url, admin, '{ frameworks { id } }');
    const versions = await measure(
      browser,
      app.base,
      `/frameworks/${frameworks[0].id}/versions`,
      (page) => page.getByRole('heading', { level: 1, name: /^Versions of / }).waitFor({ timeout: 60_000 }),
      admin.cookie,
      'FrameworkVersionsPage',
    );

    const f = (n) => n.toFixed(1);
    console.log('\nFirst load, empty cache: JavaScript before the page shows (KB = 1,024 bytes; gzip -9 of each file)');
    console.log('| page | JS files | JS (raw) | JS gzipped | goal | baseline (main, before) | sent by the server (encoding) |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
    console.log(`| sign-in | ${signInPage.files} | ${f(signInPage.raw)} | **${f(signInPage.gzipped)}** | <= ${GOALS.signIn} | ${BASELINE.signIn} | ${f(signInPage.sent)} (${signInPage.encodings}) |`);
    console.log(`| My career | ${myCareer.files} | ${f(myCareer.raw)} | **${f(myCareer.gzipped)}** | <= ${GOALS.myCareer} | ${BASELINE.myCareer} | ${f(myCareer.sent)} (${myCareer.encodings}) |`);
    console.log(`| framework versions (admin) | ${versions.files} | ${f(versions.raw)} | **${f(versions.gzipped)}** | | ${BASELINE.versions} | ${f(versions.sent)} (${versions.encodings}) |`);
    console.log(`\nThe versions page's own chunk (with DiffView): ${f(versions.chunk.raw)} KB, ${f(versions.chunk.gzipped)} KB gzipped (${versions.chunk.name}); before: ${BASELINE.versionsChunk}`);
    console.log(`\nMy career's GraphQL: ${myCareer.requests} requests, ${f(myCareer.json)} KB of JSON (before: ${BASELINE.myCareerRequests} requests, ${BASELINE.myCareerJson} KB)`);
    const met = signInPage.gzipped <= GOALS.signIn && myCareer.gzipped <= GOALS.myCareer;
    console.log(met ? 'Both goals met.' : 'A goal is NOT met.');
  } finally {
    await browser.close();
    await app.close();
  }
}

await main();
