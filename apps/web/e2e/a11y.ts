/**
 * axe-core in the browser suite: every page a test visits is audited once it has settled, and a critical or
 * serious violation fails the test (WCAG 2.1 A and AA rules). `onPage` is the shared way to arrive on a page;
 * browser.ts checks at the end of each test that every page it visited was audited (and audits the last one).
 */
import fs from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const FAILING_IMPACTS = new Set(['critical', 'serious']);

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** Paths audited per page (browser.ts compares them with the paths the page visited). */
const audited = new WeakMap<Page, Set<string>>();
export function auditedPaths(page: Page): Set<string> {
  let paths = audited.get(page);
  if (!paths) audited.set(page, (paths = new Set()));
  return paths;
}

/** Waits until nothing on the page is loading: no loading state (aria-busy), no Suspense fallback. */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, { timeout: 15_000 });
}

/** Runs axe-core on the page as it is now; throws listing every critical or serious violation. */
export async function expectAccessible(page: Page): Promise<void> {
  await settled(page);
  const path = new URL(page.url()).pathname;
  const hasAxe = await page.evaluate(() => typeof (window as { axe?: unknown }).axe !== 'undefined');
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy (script-src 'self') forbids inline scripts.
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  });
  auditedPaths(page).add(path);
  const failing = violations.filter((v) => FAILING_IMPACTS.has(v.impact ?? ''));
  if (failing.length > 0) {
    const lines = failing.flatMap((v) => [
      `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})`,
      ...v.nodes.slice(0, 5).map((n) => `    ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, ' ')}` : ''}`),
    ]);
    throw new Error(`axe-core found ${failing.length} critical or serious violation(s) on ${path}:\n  ${lines.join('\n  ')}`);
  }
}

/** Arrives on a page: waits for its h1 (`heading`), then audits it. */
export async function onPage(page: Page, heading: string | RegExp, options: { exact?: boolean } = {}): Promise<void> {
  await page.getByRole('heading', { level: 1, name: heading, ...options }).waitFor();
  await expectAccessible(page);
}
