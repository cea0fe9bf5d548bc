import type { HttpResponse, InboundHttpRequest } from '@sandcloud/guest';
import type { IncomingMessage, ServerResponse } from 'node:http';

// Between real HTTP (node:http) and the guests' simulated servers (`deliverHttp`): the request as
// the guest's server reads it, and its answer written back on the real socket. Every request of
// every floating IP passes here, so the common case (a GET without a body) stays synchronous up to
// the guest's answer and allocates no more than the request itself; answers are written in batches
// (`afterReads`).

/** Request bodies above this are refused (413): guests serve pages, they do not take uploads. */
export const MAX_REQUEST_BODY = 1024 * 1024;

export class BodyTooLarge extends Error {}

/** The request as a guest's server sees it, coming from `clientIp`, without its body (see `hasBody`). */
export function inboundRequest(req: IncomingMessage, clientIp: string, clientPort?: number): InboundHttpRequest {
  const headers: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let index = 0; index < raw.length; index += 2) {
    const name = raw[index]!.toLowerCase();
    const previous = headers[name];
    headers[name] = previous === undefined ? raw[index + 1]! : `${previous}, ${raw[index + 1]!}`;
  }
  const request: InboundHttpRequest = {
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    clientIp,
    headers,
    httpVersion: req.httpVersion === '1.1' ? 'HTTP/1.1' : `HTTP/${req.httpVersion}`,
  };
  if (clientPort !== undefined) request.clientPort = clientPort;
  return request;
}

/** Whether a body follows the request's headers (it must be read before the guest gets the request). */
export function hasBody(request: InboundHttpRequest): boolean {
  return request.headers?.['content-length'] !== undefined || request.headers?.['transfer-encoding'] !== undefined;
}

/** The body of a request, refused above MAX_REQUEST_BODY. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BODY) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Runs `write` once this turn of the event loop has read every socket that was ready (libuv's check
 * phase, `setImmediate`), together with every other answer that became ready in the same turn.
 * Written at once, each answer wakes the client (a load generator, a browser) for itself and the
 * kernel switches to it and back between two requests; written together, the client wakes once for
 * the batch, which costs the server about a quarter less CPU per request under load
 * (bench/lb-path.bench.ts). Answers keep their order; on one connection HTTP/1.1 has one answer in
 * flight anyway. `write` handles its own errors; one that throws does not hold back the others.
 */
export function afterReads(write: () => void): void {
  if (pendingWrites.length === 0) setImmediate(flushWrites);
  pendingWrites.push(write);
}

let pendingWrites: (() => void)[] = [];

function flushWrites(): void {
  const writes = pendingWrites;
  pendingWrites = [];
  for (const write of writes) {
    try {
      write();
    } catch (error) {
      console.error('data plane: an answer could not be written', error);
    }
  }
}

/** Writes a guest's answer; `extraHeaders` are the load balancer's own (its persistence cookie). */
export function sendGuestResponse(res: ServerResponse, response: HttpResponse, extraHeaders?: Record<string, string>): void {
  // A string body goes out with the headers in one write (a Buffer would take a second syscall).
  const body = response.body;
  let headers: Record<string, string | string[]> = response.headers;
  let hasLength = false;
  for (const name in headers) {
    if (name.length === 14 && name.toLowerCase() === 'content-length') {
      hasLength = true;
      break;
    }
  }
  if (extraHeaders) headers = withExtraHeaders(headers, extraHeaders);
  if (!hasLength && res.req.method !== 'HEAD') {
    // The guest's headers object is its own (made per answer), but it is not ours to change.
    if (headers === response.headers) headers = { ...headers };
    headers['Content-Length'] = String(Buffer.byteLength(body, 'utf8'));
  }
  res.writeHead(response.status, response.statusText || undefined, headers);
  res.end(body);
}

function withExtraHeaders(headers: Record<string, string | string[]>, extra: Record<string, string>): Record<string, string | string[]> {
  const merged: Record<string, string | string[]> = { ...headers };
  for (const [name, value] of Object.entries(extra)) {
    const lower = name.toLowerCase();
    const existing = Object.keys(merged).find((key) => key.toLowerCase() === lower);
    if (existing && lower === 'set-cookie') merged[existing] = [...[merged[existing]!].flat(), value];
    else merged[existing ?? name] = value;
  }
  return merged;
}

/** A plain error page from the data plane itself (HAProxy's wording for the load balancer's). */
export function sendError(res: ServerResponse, status: number, text: string, body: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, text, { 'Content-Type': 'text/html', 'Content-Length': String(Buffer.byteLength(body)), 'Cache-Control': 'no-cache', Connection: 'close' });
  res.end(body);
}
