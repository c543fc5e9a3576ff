import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    serverActions: {
      // The status CSV import sends files of up to 2 MB (lib/import/format.ts) through a Server
      // Action; multipart framing needs a little more.
      bodySizeLimit: '3mb',
    },
  },
  // Native addons and packages that load files or workers at runtime break when bundled.
  serverExternalPackages: [
    '@prisma/adapter-better-sqlite3',
    'better-sqlite3',
    '@prisma/adapter-pg',
    'pg',
    '@node-rs/argon2',
    'pino',
  ],
  async headers() {
    return [
      {
        // Map data keeps the same file names when regenerated, so it must not be cached as
        // immutable: one day fresh, then a week of background revalidation.
        source: '/geo/:path*',
        headers: [
          {
            key: 'Cache-Control',
            value: 'public, max-age=86400, stale-while-revalidate=604800',
          },
          // The proxy skips these files, so the one header that matters for data files is set here.
          { key: 'X-Content-Type-Options', value: 'nosniff' },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
