import { NextResponse, type NextRequest } from 'next/server';
import { config as appConfig } from '@/server/config';
import { contentSecurityPolicy, CSP_HEADER, newNonce } from '@/server/http/security-headers';

// Every request gets a fresh script nonce: Next reads it from the request's policy and stamps
// it on the scripts it renders; the response carries the same policy. Pages the micro-cache
// shares trade it for script hashes (server/http/security-headers.ts). The other security
// headers come from next.config.ts.
export function proxy(request: NextRequest) {
  const policy = contentSecurityPolicy({ nonce: newNonce() }, appConfig().SITE_URL?.startsWith('https://') ?? false);
  const headers = new Headers(request.headers);
  headers.set(CSP_HEADER, policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set(CSP_HEADER, policy);
  return response;
}

export const config = {
  // Static files carry no scripts of ours to allow; they get the other headers from next.config.ts.
  // Nor does the import upload (a redirect), whose file of up to 200 MB the proxy would buffer.
  // Keep in step with IMPORT_UPLOAD_PATH (server/http/form-size.ts): a matcher must be a literal.
  matcher: ['/((?!_next/static|_next/image|favicon|admin/imports/upload$).*)'],
};
