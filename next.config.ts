import type { NextConfig } from 'next';
import { MAX_FORM_BYTES } from './server/applications/limits';
import { STATIC_SECURITY_HEADERS } from './server/http/security-headers';

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time;
  // bundled, the build succeeds and every request fails with a 500.
  // pdfkit reads its font metrics and fontkit its tables from node_modules at run time too.
  serverExternalPackages: ['@electric-sql/pglite', 'pg', '@node-rs/argon2', 'pdfkit', 'fontkit'],
  poweredByHeader: false,
  reactStrictMode: true,
  // `npm test` type-checks the whole project (tsc --noEmit); `npm start` need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // The public forms are Server Actions carrying up to 5 attachments of 10 MB (Next's default
  // is 1 MB per request); each file is checked again in the action. A larger post is refused
  // by server/http/serve.ts with a Chinese page before Next reads it.
  // A Next proxy (proxy.ts), were one added, would buffer the body too and by default pass on
  // only its first 10 MB: a form with two 6 MB files arrived cut short. There is none: the
  // script nonce, its one task, is made by server/http/serve.ts (a proxy cost 0.7 ms a page).
  experimental: { serverActions: { bodySizeLimit: MAX_FORM_BYTES }, proxyClientMaxBodySize: MAX_FORM_BYTES },
  // On every response, static files included; the Content-Security-Policy comes from server/http/serve.ts.
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
