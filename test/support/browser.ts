import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, with a fresh profile. playwright-core downloads nothing; without
 * the background-networking flags Chromium tries to reach the internet and stalls. Missing, the
 * suite fails and says how to get it (CI installs it: .ci/run).
 */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium), as .ci/run does`);
  const profile = mkdtempSync(join(tmpdir(), 'ledger-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** axe-core run in the page; returns the serious and critical violations only. */
export async function seriousViolations(page: Page): Promise<{ id: string; impact: string | null; help: string; targets: string[] }[]> {
  // Injected through the DevTools protocol: the console's content security policy refuses inline scripts.
  // (Strings, not functions: this file is type-checked without the DOM's types.)
  if (!(await page.evaluate("'axe' in window"))) await page.evaluate(AXE);
  const violations = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)")) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}

function newest(dir: string): number {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return t;
}

/** The built console; like `compiled()`, missing or older than apps/web it fails the suite, never skips it. */
export function compiledConsole(root: string): string {
  const index = join(root, 'dist/web/index.html');
  if (!existsSync(index)) throw new Error('dist/web/index.html is missing: run `npm run build` (npm test builds first)');
  if (statSync(index).mtimeMs < newest(join(root, 'apps/web'))) throw new Error('dist/web is older than apps/web: run `npm run build` (npm test builds first)');
  return index;
}

/**
 * How long a step may wait for the page before it counts as a hang: far beyond any slow machine,
 * and short of jest's 10 minutes so that the failure names the step and its last value.
 */
export const PAGE_WAIT_MS = 4 * 60_000;

type Polled<T> = jest.Matchers<Promise<void>, T> & { not: jest.Matchers<Promise<void>, T> };
type Matcher = (...args: unknown[]) => void;

/**
 * `expect.poll` for jest: `await polled(() => cell.textContent()).toBe('…')` reads again until the
 * matcher holds (the page renders as its answers arrive, at whatever speed the machine runs), and
 * fails with the matcher's own message once `waitMs` has passed.
 */
export function polled<T>(read: () => Promise<T>, waitMs = PAGE_WAIT_MS): Polled<T> {
  const matchers = (negate: boolean): unknown =>
    new Proxy(
      {},
      {
        get: (_, name: string) => {
          if (name === 'not' && !negate) return matchers(true);
          return async (...args: unknown[]) => {
            const deadline = Date.now() + waitMs;
            for (;;) {
              try {
                const e = expect(await read()) as unknown as Record<string, Matcher> & { not: Record<string, Matcher> };
                (negate ? e.not : e)[name]!(...args);
                return;
              } catch (error) {
                if (Date.now() > deadline) throw error;
              }
              await new Promise((r) => setTimeout(r, 100)); // the polling interval, not a wait for the page
            }
          };
        },
      },
    );
  return matchers(false) as Polled<T>;
}
