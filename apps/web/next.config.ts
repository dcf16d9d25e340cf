import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

import { staticSecurityHeaders } from './src/lib/security-headers';

const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:4000';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The browser only ever talks to this origin; API calls are forwarded.
  async rewrites() {
    return [{ source: '/api/v1/:path*', destination: `${apiUrl}/api/v1/:path*` }];
  },
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

export default withNextIntl(nextConfig);
