import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startServer, type ServeOptions } from '../../src/server/server.js';
import type { GraphSource } from '../../src/server/source.js';
import { ROOT } from './cli.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts');

/** Headless Debian Chromium with a fresh profile; WebGL through SwiftShader. */
export async function openBrowser(): Promise<{ context: BrowserContext; page: Page; errors: string[]; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'r2g-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    errors.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * The viewer served from `source` on 127.0.0.1 and open in a fresh browser, ready (laid out and drawn);
 * `loadSeconds` is the time from navigation to ready.
 */
export async function openViewer(source: GraphSource, options: Partial<ServeOptions> = {}): Promise<Awaited<ReturnType<typeof openBrowser>> & { url: string; loadSeconds: number }> {
  const server = await startServer(source, options);
  const browser = await openBrowser();
  const close = async () => {
    await browser.close();
    await server.close();
  };
  const t0 = Date.now();
  try {
    await browser.page.goto(server.url);
    // (A string, not a function: tsx would add helpers the page does not have.)
    await browser.page.evaluate('window.__r2g.ready()');
  } catch (error) {
    await close();
    throw error;
  }
  return { ...browser, url: server.url, loadSeconds: (Date.now() - t0) / 1000, close };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}
