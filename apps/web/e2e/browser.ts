/**
 * Debian's chromium (/usr/bin/chromium) driven by playwright-core: one browser per spec file, a fresh
 * context (cookies, storage) per test, and a screenshot in apps/web/test-results/ when a test fails.
 * Every page a test visits is audited with axe-core (e2e/a11y.ts); the test fails otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { auditedPaths, expectAccessible } from './a11y';
import { baseURL, RESULTS_DIR } from './app-server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface E2EContext {
  page: Page;
  baseURL: string;
  /** A page in a second, separate browser context (its own cookies): another person at another computer. */
  newPage(): Promise<Page>;
}

type E2EBody = (ctx: E2EContext) => Promise<void>;

/** Routes that only send the browser on (`<Navigate replace>`): not pages to audit. */
const REDIRECTS = new Set(['/', '/admin']);

/**
 * After a test: the page it ended on is audited (axe-core) if it was not yet, and every page it visited must have
 * been audited (with `onPage` or `expectAccessible`): a test cannot walk past a page unchecked.
 */
async function auditVisited(page: Page, visited: Set<string>): Promise<void> {
  if (page.isClosed() || page.url() === 'about:blank') return;
  const audited = auditedPaths(page);
  if (!audited.has(new URL(page.url()).pathname)) await expectAccessible(page);
  const missed = [...visited].filter((path) => !audited.has(path) && !REDIRECTS.has(path));
  if (missed.length > 0) {
    throw new Error(`pages visited but not audited with axe-core (arrive with onPage() from e2e/a11y.ts): ${missed.join(', ')}`);
  }
}

function fileSafe(name: string): string {
  return name.replace(/[^a-zA-Z0-9-_]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'test';
}

async function screenshot(page: Page, testName: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${fileSafe(testName)}.png`);
  try {
    await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
    return file;
  } catch (err) {
    return `(screenshot failed: ${(err as Error).message})`;
  }
}

/**
 * Call once at the top of a spec file (or a describe block). Returns `e2eTest(name, body)`, which runs
 * `body` with a fresh page whose relative URLs resolve against the running app.
 */
export function useBrowser(): (name: string, body: E2EBody, timeoutMs?: number) => void {
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM_PATH)) {
      throw new Error(`${CHROMIUM_PATH} is missing: apt-get install -y chromium (or set CHROMIUM_PATH)`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
  });

  return (name, body, timeoutMs) => {
    test(
      name,
      async () => {
        const launched = browser;
        if (!launched) throw new Error('the browser did not start');
        const url = baseURL();
        const contexts: BrowserContext[] = [];
        const browserErrors: string[] = [];
        const visits = new Map<Page, Set<string>>();
        const openPage = async (): Promise<Page> => {
          const context = await launched.newContext({ baseURL: url, viewport: { width: 1280, height: 900 } });
          contexts.push(context);
          const opened = await context.newPage();
          opened.setDefaultTimeout(15_000);
          opened.setDefaultNavigationTimeout(30_000);
          const visited = new Set<string>();
          visits.set(opened, visited);
          opened.on('framenavigated', (frame) => {
            if (frame === opened.mainFrame() && frame.url().startsWith('http')) visited.add(new URL(frame.url()).pathname);
          });
          opened.on('pageerror', (err) => browserErrors.push(`page error: ${err.message}`));
          opened.on('console', (msg) => {
            if (msg.type() === 'error') browserErrors.push(`console.error: ${msg.text()}`);
          });
          return opened;
        };
        const page = await openPage();
        try {
          await body({ page, baseURL: url, newPage: openPage });
          for (const [opened, visited] of visits) await auditVisited(opened, visited);
        } catch (err) {
          const shot = await screenshot(page, expect.getState().currentTestName ?? name);
          const details = [`URL: ${page.url()}`, `screenshot: ${shot}`, ...browserErrors].join('\n  ');
          if (err instanceof Error) {
            // jest prints the stack, which holds the message as it was when the error was made
            const original = err.message;
            err.message = `${original}\n\n  ${details}`;
            if (err.stack?.includes(original)) err.stack = err.stack.replace(original, err.message);
            else err.stack = `${err.message}\n${err.stack ?? ''}`;
            throw err;
          }
          throw new Error(`${String(err)}\n\n  ${details}`, { cause: err });
        } finally {
          await Promise.all(contexts.map((context) => context.close()));
        }
      },
      timeoutMs,
    );
  };
}
