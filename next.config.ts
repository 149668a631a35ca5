import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './server/http/security-headers';

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time;
  // bundled, the build succeeds and every request fails with a 500.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@node-rs/argon2'],
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole project (tsc --noEmit); `npm start` need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // On every response, static files included; the Content-Security-Policy comes from proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default nextConfig;
