import { defineConfig } from '@playwright/test';

import { chromiumPath, quietChromiumArgs } from './lib/testing/chromium';

// Browser tests run in Debian's Chromium (Playwright's own download cannot be fetched on
// a closed network) against a real Orrery started by e2e/support/global-setup.ts with
// its own embedded Postgres under a temp dir, on free loopback ports, demo off. Playwright
// gives every launch a fresh temporary profile itself (it refuses --user-data-dir).

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1, // one server, one database; the machine has two cores
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalSetup: './e2e/support/global-setup.ts',
  use: {
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: chromiumPath, args: quietChromiumArgs },
  },
});
