import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { simulateFullDisk } from '@sandcloud/engine/testing';
import { createTestApi, login, ADMIN } from '../test-support/test-api.ts';

/** Sends bytes as they are: superagent would write a Buffer as JSON text for a JSON content type. */
const asIs = (bytes: Buffer) => bytes as unknown as string;

describe('bad input gets a 4xx in the usual JSON shape', () => {
  it('maps every body-parser refusal: charset, content-encoding, broken gzip, size, JSON', async () => {
    const { app } = createTestApi();
    const post = () => request(app).post('/api/auth/login');
    const cases: [request.Test, number, string][] = [
      [post().set('Content-Type', 'application/json; charset=latin1').send('{}'), 415, 'UNSUPPORTED_CHARSET'],
      [post().set('Content-Type', 'application/json; charset=klingon').send('{}'), 415, 'UNSUPPORTED_CHARSET'],
      [post().set('Content-Type', 'application/json').set('Content-Encoding', 'compress').send('{}'), 415, 'UNSUPPORTED_ENCODING'],
      [post().set('Content-Type', 'application/json').set('Content-Encoding', 'br').send('{}'), 400, 'BAD_REQUEST'],
      [post().set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('not gzip at all'), 400, 'BAD_REQUEST'],
      [
        post()
          .set('Content-Type', 'application/json')
          .set('Content-Encoding', 'gzip')
          .serialize(asIs)
          .send(gzipSync('{"username": "x"').subarray(0, 12)),
        400,
        'BAD_REQUEST',
      ],
      [post().set('Content-Type', 'application/json').send('{bad'), 400, 'INVALID_JSON'],
      [post().set('Content-Type', 'application/json').send(`{"username": "${'x'.repeat(300_000)}"}`), 413, 'PAYLOAD_TOO_LARGE'],
    ];
    for (const [test, status, code] of cases) {
      const response = await test;
      expect([response.status, response.body.error?.code], code).toEqual([status, code]);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    }
    // A gzip body that inflates is read as usual.
    const inflated = await post()
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', 'gzip')
      .serialize(asIs)
      .send(gzipSync(JSON.stringify(ADMIN)));
    expect([inflated.status, inflated.body.error]).toEqual([200, undefined]);
  });

  it('answers 400 for a malformed percent-escape in a path id, and a JSON 404 for an unknown API path', async () => {
    const { app } = createTestApi();
    const client = await login(app);
    for (const path of ['/projects/%E0%A4%A', '/projects/%E0%A4%A/instances', '/projects/%/key-pairs/%zz']) {
      const response = await client.get(path);
      expect([response.status, response.body.error], path).toEqual([
        400,
        { code: 'INVALID_PATH', message: 'The request path has a malformed percent-escape' },
      ]);
    }
    const unknown = await client.get('/no-such-thing/here').expect(404);
    expect(unknown.body.error).toEqual({ code: 'NOT_FOUND', message: 'No API route GET /no-such-thing/here' });
  });
});

describe('a full data directory', () => {
  it('answers 507 to every write, keeps existing sessions readable, and recovers when space returns', async () => {
    const { app, engine } = createTestApi();
    const client = await login(app);
    await client.post('/projects', { name: 'before' }).expect(201);

    const freeSpace = simulateFullDisk(engine);

    const full = {
      code: 'STORAGE_FULL',
      message: 'The data directory is full (or cannot be written); free some space and try again',
    };
    expect((await client.post('/projects', { name: 'during' }).expect(507)).body.error).toEqual(full);
    expect((await request(app).post('/api/auth/login').send(ADMIN).expect(507)).body.error).toEqual(full);
    // Reading with the session the user already has still works.
    expect((await client.get('/projects').expect(200)).body.items.map((p: { name: string }) => p.name)).toEqual(['before']);
    await client.get('/auth/session').expect(200);

    freeSpace();
    await request(app).post('/api/auth/login').send(ADMIN).expect(200);
    await client.post('/projects', { name: 'after' }).expect(201);
  });
});
