/**
 * Counting what a journey costs the people who walk it: every interaction (click, fill, select, key press,
 * file choice, following a link handed over outside the product) goes through a `Journey`, and every page
 * it watches counts the route loads (a main-frame navigation to another path; redirect-only routes are
 * not pages). Counts are kept per step so a report can say which steps cost the most. Nothing is timed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

export type InteractionKind = 'click' | 'fill' | 'select' | 'press' | 'file' | 'open-link';

/** Routes that only send the browser on (`<Navigate replace>`), as in browser.ts: not pages someone reads. */
const REDIRECTS = new Set(['/', '/admin', '/mentoring']);

interface StepCounts {
  step: string;
  interactions: number;
  pages: number;
  byKind: Partial<Record<InteractionKind, number>>;
  routes: string[];
}

export class Journey {
  private readonly steps: StepCounts[] = [];
  private readonly watched = new WeakSet<Page>();

  /** Starts a named step; the counts that follow belong to it. */
  step(name: string): void {
    this.steps.push({ step: name, interactions: 0, pages: 0, byKind: {}, routes: [] });
  }

  private current(): StepCounts {
    if (this.steps.length === 0) this.step('(unnamed)');
    return this.steps[this.steps.length - 1]!;
  }

  private count(kind: InteractionKind): void {
    const step = this.current();
    step.interactions += 1;
    step.byKind[kind] = (step.byKind[kind] ?? 0) + 1;
  }

  /** Counts the route loads of `page` from now on (the same path reloaded or re-rendered is not a new page). */
  watch(page: Page): Page {
    if (this.watched.has(page)) return page;
    this.watched.add(page);
    let last: string | null = null;
    page.on('framenavigated', (frame) => {
      if (frame !== page.mainFrame() || !frame.url().startsWith('http')) return;
      const pathname = new URL(frame.url()).pathname;
      if (pathname === last) return;
      last = pathname;
      if (REDIRECTS.has(pathname)) return;
      const step = this.current();
      step.pages += 1;
      step.routes.push(pathname);
    });
    return page;
  }

  async click(locator: Locator): Promise<void> {
    this.count('click');
    await locator.click();
  }

  async fill(locator: Locator, value: string): Promise<void> {
    this.count('fill');
    await locator.fill(value);
  }

  async select(locator: Locator, option: string | { label: string }): Promise<void> {
    this.count('select');
    await locator.selectOption(option);
  }

  async press(page: Page, key: string): Promise<void> {
    this.count('press');
    await page.keyboard.press(key);
  }

  /** Choosing a file: the click on the button that opens the file chooser, then the choice in it (two interactions). */
  async chooseFile(page: Page, button: Locator, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const chooser = page.waitForEvent('filechooser');
    await this.click(button);
    this.count('file');
    await (await chooser).setFiles(file);
  }

  /** Following a link someone was handed (an e-mail, a chat message), or typing the product's address. */
  async openLink(page: Page, url: string): Promise<void> {
    this.watch(page);
    this.count('open-link');
    await page.goto(url);
  }

  totals(): { interactions: number; pages: number; byKind: Partial<Record<InteractionKind, number>> } {
    const byKind: Partial<Record<InteractionKind, number>> = {};
    for (const step of this.steps) {
      for (const [kind, n] of Object.entries(step.byKind) as [InteractionKind, number][]) byKind[kind] = (byKind[kind] ?? 0) + n;
    }
    return {
      interactions: this.steps.reduce((sum, s) => sum + s.interactions, 0),
      pages: this.steps.reduce((sum, s) => sum + s.pages, 0),
      byKind,
    };
  }

  /** Writes the totals and the per-step counts as JSON. */
  write(file: string, extra: Record<string, unknown> = {}): void {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify({ ...this.totals(), ...extra, steps: this.steps }, null, 2)}\n`);
  }
}
