// Debian's Chromium (`apt-get install chromium`), driven by playwright-core: browser
// downloaders cannot reach their servers from these machines. CHROMIUM_PATH overrides.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function chromiumPath(env = process.env): string {
  const path = env.CHROMIUM_PATH?.trim() || CANDIDATES.find((candidate) => existsSync(candidate));
  if (!path || !existsSync(path)) {
    throw new Error(
      'no Chromium found: `apt-get install chromium` (Debian), or set CHROMIUM_PATH to a Chromium or Chrome binary',
    );
  }
  return path;
}

export function launchChromium(): Promise<Browser> {
  // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}
