/**
 * Property-based fuzzing of the whole console API: every route (read from the route files, so a new
 * route is fuzzed without listing it here), with bodies built from the fields of every request schema
 * and with raw bytes under random headers. Whatever the input, the answer is never a 5xx, and an
 * error is always the usual JSON shape. Runs are bounded so the file takes well under a minute.
 */
import * as schemas from '@sandcloud/api-schemas';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Response } from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeTestApi } from '../test-support/compute-project.ts';
import type { Client } from '../test-support/test-api.ts';

const ROUTES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../routes');

interface Route {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
}

/**
 * Every `router.<method>('<path>'` of the route files, with the prefix its router is mounted under:
 * the routers listed in `computeFeatures` live under /projects/:projectId.
 */
function apiRoutes(): Route[] {
  const index = readFileSync(join(ROUTES_DIR, 'index.ts'), 'utf8');
  const computeList = /computeFeatures[^=]*=\s*\[([^\]]*)\]/.exec(index)?.[1] ?? '';
  const computeRouters = new Set(computeList.split(',').map((name) => name.trim()).filter(Boolean));
  const routes: Route[] = [];
  for (const file of readdirSync(ROUTES_DIR).filter((name) => name.endsWith('-routes.ts'))) {
    const source = readFileSync(join(ROUTES_DIR, file), 'utf8');
    const routerNames = [...source.matchAll(/export function (\w+)\(/g)].map((match) => match[1]!);
    const prefix = routerNames.some((name) => computeRouters.has(name)) ? '/projects/:projectId' : '';
    for (const match of source.matchAll(/router\.(get|post|put|patch|delete)\(\s*'([^']*)'/g)) {
      routes.push({ method: match[1] as Route['method'], path: prefix + match[2] });
    }
  }
  // The event stream never ends (it is not a request/response route), and logging out would end the
  // fuzzer's own session.
  return routes.filter((route) => route.path !== '/events' && route.path !== '/auth/logout');
}

/** Every field name of every request schema: bodies are made of these, with values of any JSON type. */
function schemaFields(): string[] {
  const fields = new Set<string>();
  for (const value of Object.values(schemas)) {
    const shape = (value as { shape?: unknown }).shape;
    if (shape && typeof shape === 'object') for (const key of Object.keys(shape)) fields.add(key);
  }
  return [...fields].sort();
}

/** A fixed seed keeps CI deterministic; `FUZZ_SEED=<n>` (or `random`) explores further by hand. */
const FUZZ_SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261207);

const NASTY_SEGMENTS = ['%E0%A4%A', '%', '%zz', '%00', '%2F', '..', '%C0%AF', '%F0%9F%98%80', 'x'.repeat(300), ' ', '%20', 'null', '0', '-1'];

let client: Client;
let realIds: Record<string, string>;
const routes = apiRoutes();
const fields = schemaFields();

beforeAll(async () => {
  const api = await computeTestApi();
  client = api.client;
  const [instance] = await api.createInstances();
  const user = (await client.post('/users', { username: 'fuzz-target', password: 'fuzz-target-password' }).expect(201)).body.id as string;
  realIds = {
    projectId: api.projectId,
    instanceId: instance.id,
    groupId: api.defaultGroupId,
    userId: user,
    imageId: '6f1c0a00-0000-4000-8000-000000002204',
  };
}, 30_000);

const segment = (name: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(realIds[name] ?? '00000000-0000-4000-8000-000000000000') },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY_SEGMENTS) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent) },
  );

const pathFor = (route: Route) => {
  const names = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
  return fc.tuple(...names.map(segment)).map((values) => {
    let path = route.path;
    names.forEach((name, i) => (path = path.replace(`:${name}`, values[i]!)));
    return path;
  });
};

const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(-1, 0, 1, 65535, 65536, 2 ** 53, 1e308, -0.5, '', ' ', '0.0.0.0/0', 'tcp', 'ACTIVE', 'rsa', 'ed25519', true, null),
);
const body = fc.oneof(
  { weight: 3, arbitrary: fc.dictionary(fc.constantFrom(...fields), jsonValue, { maxKeys: 6 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);
const query = fc.dictionary(fc.constantFrom('limit', 'offset', 'q', 'status', 'since', 'kind'), fc.string({ maxLength: 8 }), { maxKeys: 3 });

/** Sends `payload` as it is (JSON text or raw bytes): superagent would re-encode a Buffer or a number. */
function send(route: Route, path: string, headers: Record<string, string>, payload?: string | Buffer) {
  let test = client.agent[route.method](`/api${path}`).set('X-CSRF-Token', client.csrfToken);
  for (const [name, value] of Object.entries(headers)) test = test.set(name, value);
  return payload === undefined ? test : test.serialize((raw: string | Buffer) => raw as string).send(payload as string);
}

function expectClientAnswer(response: Response, what: unknown): void {
  expect(response.status, JSON.stringify(what)).toBeLessThan(500);
  if (response.status >= 400) {
    expect(response.headers['content-type'], JSON.stringify(what)).toMatch(/^application\/json/);
    expect(response.body.error, JSON.stringify(what)).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
  }
}

describe('API fuzzing: no input gets a 5xx', () => {
  it(`every route (${routes.length}) with schema-shaped bodies, odd ids and queries`, async () => {
    expect(routes.length).toBeGreaterThan(80);
    const requests = fc.constantFrom(...routes).chain((route) => fc.record({ route: fc.constant(route), path: pathFor(route), body, query }));
    await fc.assert(
      fc.asyncProperty(requests, async ({ route, path, body, query }) => {
        const search = new URLSearchParams(query).toString();
        const response = await send(
          route,
          search ? `${path}?${search}` : path,
          { 'Content-Type': 'application/json' },
          route.method === 'get' ? undefined : JSON.stringify(body),
        );
        expectClientAnswer(response, { method: route.method, path, body, query });
      }),
      { numRuns: 600, seed: FUZZ_SEED },
    );
  }, 60_000);

  it('raw bytes under random content types, charsets and encodings', async () => {
    const bodyRoutes = routes.filter((route) => route.method !== 'get');
    const contentType = fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'application/json; charset=latin1',
      'application/json; charset=utf-16',
      'application/json; charset=bogus',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      ';;;',
    );
    const encoding = fc.constantFrom('identity', 'gzip', 'deflate', 'br', 'compress', 'zstd', 'gzip, br', 'x-unknown');
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 256 }).map((array) => Buffer.from(array)),
      fc.jsonValue({ maxDepth: 2 }).map((value) => Buffer.from(JSON.stringify(value))),
      fc.string({ maxLength: 64 }).map((text) => Buffer.from(text)),
    );
    // Headers the API reads besides the body's: odd values must not matter more than a 4xx.
    const oddHeaders = fc.dictionary(
      fc.constantFrom('Accept', 'Accept-Encoding', 'X-Request-Id', 'Range', 'If-None-Match', 'Transfer-Encoding-Ext', 'Origin'),
      fc.oneof(fc.constantFrom('%E0%A4%A', '*/*;q=x', 'bytes=-1--2', '', 'null', '\t'), fc.stringMatching(/^[\x20-\x7e]{0,40}$/)),
      { maxKeys: 3 },
    );
    const requests = fc.constantFrom(...bodyRoutes).chain((route) =>
      fc.record({ route: fc.constant(route), path: pathFor(route), contentType, encoding, bytes, withEncoding: fc.boolean(), oddHeaders }),
    );
    await fc.assert(
      fc.asyncProperty(requests, async ({ route, path, contentType, encoding, bytes, withEncoding, oddHeaders }) => {
        const headers: Record<string, string> = { ...oddHeaders, 'Content-Type': contentType };
        if (withEncoding) headers['Content-Encoding'] = encoding;
        const response = await send(route, path, headers, bytes);
        expectClientAnswer(response, { method: route.method, path, headers, bytes: bytes.toString('base64') });
      }),
      { numRuns: 600, seed: FUZZ_SEED },
    );
  }, 60_000);
});
