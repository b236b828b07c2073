// @ts-check
import createNextIntlPlugin from 'next-intl/plugin';

// The language of each request and its catalogue (app/i18n/request.ts).
const withNextIntl = createNextIntlPlugin('./app/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and Node-only packages stay outside the server bundle. prom-client too: the metrics
  // that server actions count must land in the one registry /metrics serves (pino is external
  // by Next.js's own default).
  serverExternalPackages: [
    '@prisma/client',
    'better-sqlite3',
    'bcrypt',
    'pg',
    'twilio',
    'nodemailer',
    '@prisma/adapter-better-sqlite3',
    '@prisma/adapter-pg',
    'prom-client',
  ],
  poweredByHeader: false,
  // No gzip from Node: pages that show a secret (the Recovery Key, a support PIN, an app-specific
  // password) next to text the visitor chose must not be compressed (BREACH), and gzip was 6 % of
  // the server's CPU in a sign-in (npm run bench). A reverse proxy compresses the static files
  // under /_next/static (docs/performance.md).
  compress: false,
  typedRoutes: false,
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
