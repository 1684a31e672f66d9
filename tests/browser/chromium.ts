// Launches Debian's Chromium for the browser tests. Playwright's own browser download does not
// work on our machines, so the tests use the distribution's package and fail — never skip — when
// it is missing: a skipped browser test would let a browser-only break through CI unnoticed.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export function requireChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${CHROMIUM_PATH}, and it is not there.\n` +
        `Install it with: sudo apt-get update && sudo apt-get install -y chromium`,
    );
  }
}

export function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Headless in containers and CI: no sandbox (often runs as root), software GL only, and none
    // of Chromium's own background traffic, so every request the tests see comes from the page.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--enable-unsafe-swiftshader',
    ],
  });
}
