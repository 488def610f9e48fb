// Headless Debian Chromium for the render command and the browser test: the machine's own
// browser (apt package `chromium`), nothing downloaded, a fresh empty profile every run.
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'
];

/** A persistent context in a new, empty profile directory, removed again by close(). */
export async function openBrowser(options = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install the Debian packages chromium and fonts-wqy-microhei (.ci/run does)`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'obtaining-water-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 900 },
    locale: 'zh-CN',
    ...options
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}
