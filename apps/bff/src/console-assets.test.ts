import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { chooseEncoding, IMMUTABLE, REVALIDATE } from './console-assets.ts';
import { activatedProject, ADMIN, createTestApi, login } from './test-support/test-api.ts';

// How the console and the API go over the wire: precompressed files, cache lifetimes, compressed
// JSON above a threshold, and an event stream that is never compressed (it would be held back).

const SCRIPT = `export const answer = ${JSON.stringify('x'.repeat(4000))};\n`;
const PAGE = `<!doctype html><html><head><script type="module" src="/assets/index-AbC123_-.js"></script></head><body>${' '.repeat(600)}</body></html>`;

/** A console build as Vite writes it: hashed assets and index.html, each with its .br and .gz twins. */
function consoleBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sandcloud-console-'));
  mkdirSync(join(dir, 'assets'));
  for (const [path, text] of [
    ['assets/index-AbC123_-.js', SCRIPT],
    ['index.html', PAGE],
  ] as const) {
    writeFileSync(join(dir, path), text);
    writeFileSync(join(dir, `${path}.br`), brotliCompressSync(text));
    writeFileSync(join(dir, `${path}.gz`), gzipSync(text));
  }
  writeFileSync(join(dir, 'assets/tiny-XyZ98765.css'), 'a{}');
  return dir;
}

const binary = (response: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
};

function appWithConsole() {
  const { engine } = createTestApi();
  return createApp(engine, { consoleDir: consoleBuild() });
}

describe('the console over the wire', () => {
  it('sends brotli to a browser that accepts it, with a year-long immutable cache for hashed files', async () => {
    const response = await request(appWithConsole())
      .get('/assets/index-AbC123_-.js')
      .set('Accept-Encoding', 'gzip, deflate, br, zstd')
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'content-encoding': 'br',
      'cache-control': IMMUTABLE,
      vary: 'Accept-Encoding',
    });
    // supertest decodes what it receives: the body is the script, the length that of its brotli twin.
    expect((response.body as Buffer).toString()).toBe(SCRIPT);
    expect(Number(response.headers['content-length'])).toBe(brotliCompressSync(SCRIPT).length);
  });

  it('sends gzip to a client without brotli, and the file as it is to one that accepts neither', async () => {
    const app = appWithConsole();
    const gzip = await request(app).get('/assets/index-AbC123_-.js').set('Accept-Encoding', 'gzip').buffer(true).parse(binary).expect(200);
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect((gzip.body as Buffer).toString()).toBe(SCRIPT);
    expect(Number(gzip.headers['content-length'])).toBe(gzipSync(SCRIPT).length);
    const plain = await request(app).get('/assets/index-AbC123_-.js').set('Accept-Encoding', 'identity').buffer(true).parse(binary).expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect((plain.body as Buffer).toString()).toBe(SCRIPT);
  });

  it('answers index.html for the console routes, revalidated on every use, and 304 when unchanged', async () => {
    const app = appWithConsole();
    const page = await request(app).get('/projects/p-1/compute/instances').set('Accept-Encoding', 'gzip').buffer(true).parse(binary).expect(200);
    expect(page.headers).toMatchObject({ 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'cache-control': REVALIDATE });
    expect((page.body as Buffer).toString()).toBe(PAGE);
    await request(app).get('/').set('Accept-Encoding', 'gzip').set('If-None-Match', page.headers.etag!).expect(304);
  });

  it('sends a small file without a compressed twin as it is, and 404 for a hashed file that is not there', async () => {
    const app = appWithConsole();
    const css = await request(app).get('/assets/tiny-XyZ98765.css').set('Accept-Encoding', 'br, gzip').expect(200);
    expect(css.headers).toMatchObject({ 'content-type': 'text/css; charset=utf-8', 'cache-control': IMMUTABLE });
    expect(css.headers['content-encoding']).toBeUndefined();
    expect(css.headers.vary).toBeUndefined();
    expect(css.text).toBe('a{}');
    await request(app).get('/assets/index-Old00000.js').expect(404);
  });

  it('prefers brotli at equal weights, follows q-values, and refuses what is weighted 0', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding('br;q=0.5, gzip', ['br', 'gzip'])).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0', ['br', 'gzip'])).toBe('identity');
    expect(chooseEncoding('*', ['br', 'gzip'])).toBe('br');
    expect(chooseEncoding(undefined, ['br', 'gzip'])).toBe('identity');
  });
});

describe('API answers over the wire', () => {
  let server: Server | null = null;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
    server = null;
  });

  it('compresses JSON above 1 KiB and leaves small answers alone', async () => {
    const { app } = createTestApi();
    const client = await login(app);
    for (let index = 0; index < 12; index++) await activatedProject(client, `project-with-a-long-name-${index}`);
    const large = await client.get('/projects').set('Accept-Encoding', 'gzip').expect(200);
    expect(large.headers['content-encoding']).toBe('gzip');
    expect((large.body as { items: unknown[] }).items).toHaveLength(12);
    const small = await client.get('/auth/session').set('Accept-Encoding', 'gzip').expect(200);
    expect(Buffer.byteLength(JSON.stringify(small.body))).toBeLessThan(1024);
    expect(small.headers['content-encoding']).toBeUndefined();
  });

  it('never compresses the event stream, so each event leaves at once', async () => {
    const { app, engine } = createTestApi();
    server = app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve) => server!.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const loggedIn = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
    const cookie = loggedIn.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
    const response = await fetch(`${base}/api/events`, { headers: { cookie, 'accept-encoding': 'gzip, br' } });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('content-encoding')).toBeNull();
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    expect((await reader.read()).value).toBe('retry: 2000\n\n');
    engine.identity.createUser({ username: 'learner', password: 'learner-password', isAdmin: false });
    expect((await reader.read()).value).toMatch(/^data: \{"kind":"user",/);
    await reader.cancel();
  });
});
