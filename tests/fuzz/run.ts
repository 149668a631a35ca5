import http from 'node:http';
import { openApiDocument } from '@/server/api/openapi';
import { appRouter } from '@/server/root';
import {
  apiOperations,
  fuzzRequests,
  harvestForms,
  judge,
  pageRoutes,
  type FuzzRequest,
  type FuzzSources,
  type Verdict,
} from './requests';

// Sends fuzz requests to a running portal over plain node:http (any method, raw paths) and
// tallies what went wrong.

export interface Result {
  request: FuzzRequest;
  status: number;
  ms: number;
  verdict: Verdict;
  excerpt: string;
}

const FORM_PAGES = ['/apply/objection', '/apply/repair', '/apply/complaint', '/track', '/verify', '/admin/sign-in'];

/** Everything the requests are derived from: app/, the OpenAPI document, tRPC, and the live forms. */
export async function collectSources(base: string, apiKey?: string): Promise<FuzzSources> {
  const procedures = Object.entries(
    (appRouter as unknown as { _def: { procedures: Record<string, { _def: { type: 'query' | 'mutation' } }> } })._def
      .procedures,
  ).map(([path, p]) => ({ path, type: p._def.type }));
  const forms = [];
  for (const page of FORM_PAGES) {
    const res = await send(base, { method: 'GET', path: page, source: 'harvest' }, 60_000);
    forms.push(...harvestForms(page, res.body));
  }
  return {
    pages: pageRoutes(),
    api: apiOperations(openApiDocument() as { paths: Record<string, Record<string, unknown>> }),
    procedures,
    forms,
    apiKey,
  };
}

export function send(
  base: string,
  req: FuzzRequest,
  timeoutMs = 30_000,
): Promise<{ status: number; contentType: string; body: string }> {
  const url = new URL(base);
  return new Promise((resolve) => {
    let r: http.ClientRequest;
    let answered = false;
    try {
      r = http.request(
        {
          host: url.hostname,
          port: url.port,
          method: req.method,
          path: req.path,
          headers: { accept: 'text/html,application/json;q=0.9', ...req.headers },
          timeout: timeoutMs,
        },
        (res) => {
          answered = true;
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size < 2_000_000) chunks.push(c);
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              contentType: String(res.headers['content-type'] ?? ''),
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', () => resolve({ status: -1, contentType: '', body: '' }));
          // Cut off mid-answer: the connection closed before the body ended.
          res.on('close', () => {
            if (!res.complete) resolve({ status: -1, contentType: '', body: Buffer.concat(chunks).toString('utf8') });
          });
        },
      );
    } catch {
      // Node refused to send it (an invalid header or path): not the portal's answer.
      resolve({ status: -2, contentType: '', body: '' });
      return;
    }
    // CONNECT's answer comes as a 'connect' event with the raw socket, not as a response.
    r.on('connect', (res: http.IncomingMessage, socket: import('node:net').Socket, head: Buffer) => {
      // Node closes the request right after this event: the answer is on the socket.
      answered = true;
      const chunks = [head];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('close', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      socket.on('error', () => undefined);
    });
    r.on('timeout', () => r.destroy(new Error('timeout')));
    r.on('error', () => resolve({ status: -1, contentType: '', body: '' }));
    // Closed with no answer at all (and no error event): a dropped connection, not a hang.
    r.on('close', () => {
      if (!answered) resolve({ status: -1, contentType: '', body: '' });
    });
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/** Sends `count` requests, `concurrency` at a time, in the generator's order. */
export async function runFuzz(
  base: string,
  sources: FuzzSources,
  options: { count: number; seed: number; concurrency: number; onResult?: (r: Result) => void },
): Promise<Result[]> {
  const gen = fuzzRequests(sources, options.seed);
  const results: Result[] = [];
  let issued = 0;
  const worker = async () => {
    while (issued < options.count) {
      issued++;
      const request = gen.next().value as FuzzRequest;
      const started = performance.now();
      const answer = await send(base, request);
      const ms = performance.now() - started;
      const verdict =
        answer.status < 0
          ? { serverError: answer.status === -1, internal: null, notChinese: false }
          : judge(request, answer);
      const result: Result = { request, status: answer.status, ms, verdict, excerpt: answer.body.slice(0, 300) };
      results.push(result);
      options.onResult?.(result);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return results;
}

/** The report's figures. */
export function summarise(results: Result[]) {
  const bad = (f: (r: Result) => boolean) => results.filter(f);
  return {
    sent: results.filter((r) => r.status !== -2).length,
    serverErrors: bad((r) => r.verdict.serverError),
    internal: bad((r) => r.verdict.internal !== null),
    notChinese: bad((r) => r.verdict.notChinese),
    slowest: [...results].sort((a, b) => b.ms - a.ms).slice(0, 10),
  };
}

export const describeResult = (r: Result) =>
  `${r.status} ${r.request.method} ${r.request.path.slice(0, 120)} [${r.request.source}] ${r.verdict.internal ?? ''} ${r.excerpt.replace(/\s+/g, ' ').slice(0, 160)}`;
