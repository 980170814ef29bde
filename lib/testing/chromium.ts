// Debian's Chromium, as Playwright launches it for the e2e suite and the render benchmark.
// The flags keep it from reaching for the network this machine does not have (updates,
// sync, QUIC probes), which otherwise floods the log with refused connections.

export const chromiumPath = process.env.ORRERY_CHROMIUM ?? '/usr/bin/chromium';

export const quietChromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
