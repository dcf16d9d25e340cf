import { NextResponse, type NextRequest } from 'next/server';

import { contentSecurityPolicy } from './src/lib/security-headers';

// Next.js 16 "proxy" (formerly middleware): gives every page response a
// Content-Security-Policy with a fresh nonce. See src/lib/security-headers.ts.
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce);

  // Next.js reads the nonce from the *request* CSP header while rendering.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', policy);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Skip the API (forwarded by app/api/v1/[...path]/route.ts; the backend
      // sets its own headers, e.g. for the Swagger page) and hashed static files.
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      // Router prefetches are not documents; the CSP only matters on documents.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
