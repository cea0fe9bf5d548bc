import type { HttpResponse, InboundHttpRequest } from '@sandcloud/guest';
import type { IncomingMessage, ServerResponse } from 'node:http';

// Between real HTTP (node:http) and the guests' simulated servers (`deliverHttp`): the request as
// the guest's server reads it, and its answer written back on the real socket.

/** Request bodies above this are refused (413): guests serve pages, they do not take uploads. */
export const MAX_REQUEST_BODY = 1024 * 1024;

export class BodyTooLarge extends Error {}

/** The request as a guest's server sees it, coming from `clientIp`. Reads the body only when there is one. */
export async function guestRequest(req: IncomingMessage, clientIp: string, clientPort?: number): Promise<InboundHttpRequest> {
  const headers: Record<string, string> = {};
  const raw = req.rawHeaders;
  for (let index = 0; index < raw.length; index += 2) {
    const name = raw[index]!.toLowerCase();
    headers[name] = headers[name] === undefined ? raw[index + 1]! : `${headers[name]}, ${raw[index + 1]!}`;
  }
  const request: InboundHttpRequest = {
    method: req.method ?? 'GET',
    path: req.url ?? '/',
    clientIp,
    headers,
    httpVersion: `HTTP/${req.httpVersion}`,
    ...(clientPort === undefined ? {} : { clientPort }),
  };
  if (headers['content-length'] === undefined && headers['transfer-encoding'] === undefined) return request;
  request.body = await readBody(req);
  return request;
}

function readBody(req: IncomingMessage): Promise<string> {
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

/** Writes a guest's answer; `extraHeaders` are the load balancer's own (its persistence cookie). */
export function sendGuestResponse(res: ServerResponse, response: HttpResponse, extraHeaders: Record<string, string> = {}): number {
  // A string body goes out with the headers in one write (a Buffer would take a second syscall).
  const body = response.body;
  const length = Buffer.byteLength(body, 'utf8');
  const headers: Record<string, string | string[]> = { ...response.headers };
  for (const [name, value] of Object.entries(extraHeaders)) {
    const existing = Object.keys(headers).find((key) => key.toLowerCase() === name.toLowerCase());
    if (existing && name.toLowerCase() === 'set-cookie') headers[existing] = [...[headers[existing]!].flat(), value];
    else headers[existing ?? name] = value;
  }
  if (!Object.keys(headers).some((key) => key.toLowerCase() === 'content-length') && !res.req.method?.startsWith('HEAD')) {
    headers['Content-Length'] = String(length);
  }
  res.writeHead(response.status, response.statusText || undefined, headers);
  res.end(body);
  return length;
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
