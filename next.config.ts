import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { geoFileVersion } from './lib/coverage/geo-version';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** Map files that pages request by content hash (lib/coverage/geo-assets.ts, lib/charts/map-shapes.ts). */
const IMMUTABLE_GEO_FILES = ['china-cities.json', 'china-provinces-shapes.svg'];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    // Turbopack merges small chunks to save requests, by default until a chunk is 50 kB and an
    // extra request is judged to cost 200 kB of code. With antd that merged whole groups of
    // components (Steps, Tabs, Descriptions, date pickers...) into chunks every page loads, although
    // the dashboard uses few of them. Cheaper requests (HTTP/2, one origin) and smaller chunks load
    // a page's own code only: docs/benchmarks.md has the figures.
    turbopackChunking: {
      requestCost: 20_000,
      minChunkSize: 10_000,
    },
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
      // The national city layer (214 kB gzip) is requested as `?v=<content hash>`
      // (lib/coverage/geo-assets.ts): under the hash of the file being served it never changes,
      // so it is cached for a year without revalidation. A stale hash gets the default above.
      ...IMMUTABLE_GEO_FILES.flatMap((file) => {
        const version = geoFileVersion(file);
        return version
          ? [
              {
                source: `/geo/${file}`,
                has: [{ type: 'query' as const, key: 'v', value: version }],
                headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }],
              },
            ]
          : [];
      }),
    ];
  },
};

export default withNextIntl(nextConfig);
