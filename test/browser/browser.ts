import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { type DialectName, startTestApp, type TestApp } from '../harness.js';

/** Debian's chromium (or ROSTER_CHROMIUM); nothing downloads a browser. */
export function findChromium(): string | undefined {
  const configured = process.env.ROSTER_CHROMIUM;
  if (configured) return fs.existsSync(configured) ? configured : undefined;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      const candidate = path.join(dir, name);
      if (dir && fs.existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

export const CONSOLE_DIR = fileURLToPath(new URL('../../console/', import.meta.url));
/**
 * Where the tests save screenshots of each page: the committed folder reviewers look at when
 * ROSTER_UPDATE_SCREENSHOTS=1, else a folder under the system's temporary directory, so an
 * ordinary test run leaves the working tree as it found it.
 */
export const SCREENSHOTS =
  process.env.ROSTER_UPDATE_SCREENSHOTS === '1'
    ? fileURLToPath(new URL('./screenshots/', import.meta.url))
    : path.join(os.tmpdir(), 'roster-console-screenshots');

/** Builds the console when its sources are newer than the last build (CI has just built it). */
export function buildConsoleIfStale(): void {
  const built = path.join(CONSOLE_DIR, 'dist', 'index.html');
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...fs.readdirSync(dir, { withFileTypes: true }).map((e) => {
        const full = path.join(dir, e.name);
        return e.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs;
      }),
    );
  if (
    builtAt >
    Math.max(newest(path.join(CONSOLE_DIR, 'src')), fs.statSync(path.join(CONSOLE_DIR, 'index.html')).mtimeMs)
  )
    return;
  execFileSync(process.execPath, [viteBin(), 'build', '--config', path.join(CONSOLE_DIR, 'vite.config.ts')], {
    stdio: 'inherit',
  });
}

function viteBin(): string {
  return fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ServedRoster {
  readonly t: TestApp;
  readonly url: string;
  close(): Promise<void>;
}

/** A real Roster listening on a loopback port, with its background loops (bulk-action runner and the rest) working. */
export async function serveRoster(
  dialect: DialectName,
  env: Record<string, string> = {},
  chosenPort?: number,
): Promise<ServedRoster> {
  const port = chosenPort ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const t = await startTestApp(dialect, { env: { ROSTER_PUBLIC_URL: url, ...env } });
  await t.app.listen({ host: '127.0.0.1', port });
  t.container.background.start();
  return { t, url, close: () => t.close() };
}

/** Chromium, headless; Playwright gives each launch a fresh temporary profile (--user-data-dir). */
export async function launchChromium(
  executablePath: string,
): Promise<{ browser: Browser; close(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

export const newContext = (browser: Browser): Promise<BrowserContext> =>
  browser.newContext({ timezoneId: 'UTC', locale: 'en-GB', viewport: { width: 1280, height: 900 } });

/** Fails on serious or critical accessibility violations (axe-core, WCAG 2 A and AA). */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary ?? ''}`).join('; ')})`,
    );
  expect(serious).toEqual([]);
}

/** Saves a screenshot for reviewers (once, from the SQLite run). */
export async function screenshot(page: Page, dialect: DialectName, name: string): Promise<void> {
  if (dialect !== 'sqlite') return;
  await fsp.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** datetime-local input text of a moment, in UTC (the contexts run in UTC). */
export const localInput = (date: Date) => date.toISOString().slice(0, 16);
