import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants';
import createNextIntlPlugin from 'next-intl/plugin';

import { writeCatalogueIndex } from './src/i18n/catalogue-index';
import { staticSecurityHeaders } from './src/lib/security-headers';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

// /api/v1/* is forwarded to the API by app/api/v1/[...path]/route.ts, not by
// `rewrites` here: those are fixed at build time, API_URL is read at run time.

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // `next dev` only serves its dev resources (HMR…) to localhost by default;
  // tests and scripts here use 127.0.0.1. No effect on `next start`.
  allowedDevOrigins: ['127.0.0.1'],
  // Census lists are uploaded through a server action; a town's list runs to a few megabytes.
  experimental: { serverActions: { bodySizeLimit: '10mb' } },
  async headers() {
    return [
      {
        // Everything except the proxied API, whose headers come from the API.
        source: '/((?!api/).*)',
        headers: staticSecurityHeaders,
      },
    ];
  },
};

export default function config(phase: string): NextConfig {
  // Message catalogues are found from the folders of messages/ (one per feature): index them before compiling.
  if (phase === PHASE_PRODUCTION_BUILD || phase === PHASE_DEVELOPMENT_SERVER) writeCatalogueIndex(__dirname);
  return withNextIntl(nextConfig);
}
