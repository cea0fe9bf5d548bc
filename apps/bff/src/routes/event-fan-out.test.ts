import type { AddressInfo } from 'node:net';
import { connect, type Socket } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ResourceEvent } from '@sandcloud/engine';
import { createTestApi, login, ADMIN, type Engine } from '../test-support/test-api.ts';

// The event stream's fan-out on the wire: one frame, encoded once, written to every stream that
// may see it, as an HTTP/1.1 chunk or (HTTP/1.0) as it is.

let server: Server | null = null;
const sockets: Socket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
  server?.closeAllConnections();
  server?.close();
  server = null;
});

/** Every event the engine publishes from now on. */
function events(engine: Engine): ResourceEvent[] {
  const published: ResourceEvent[] = [];
  engine.events.subscribe((event) => published.push(event));
  return published;
}

async function listen() {
  const api = createTestApi();
  server = api.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server!.once('listening', resolve));
  return { ...api, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function cookieOf(base: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  expect(response.status).toBe(200);
  return response.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
}

/** Opens /api/events on a raw socket; `text()` is everything received so far, head included. */
async function rawStream(base: string, cookie: string, version: '1.0' | '1.1') {
  const { port } = new URL(base);
  const socket = connect(Number(port), '127.0.0.1');
  sockets.push(socket);
  let received = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => (received += chunk));
  socket.write(`GET /api/events HTTP/${version}\r\nHost: 127.0.0.1\r\nCookie: ${cookie}\r\n\r\n`);
  const stream = {
    text: () => received,
    /** The body after the head. */
    body: () => received.slice(received.indexOf('\r\n\r\n') + 4),
    /** The `data:` lines' JSON, in order. */
    events: () => [...received.matchAll(/^data: (.*)$/gm)].map((match) => JSON.parse(Buffer.from(match[1]!, 'latin1').toString('utf8')) as { kind: string; projectId: string | null }),
  };
  await expect.poll(() => stream.body()).toContain('retry: 2000');
  return stream;
}

describe('the event stream on the wire', () => {
  it('sends each event as one chunk over HTTP/1.1 and as it is over HTTP/1.0, the same bytes to both', async () => {
    const { base, engine } = await listen();
    const admin = await login(base);
    const projectId = (await admin.post('/projects', { name: 'team' }).expect(201)).body.id as string;
    const cookie = await cookieOf(base, ADMIN.username, ADMIN.password);
    const chunked = await rawStream(base, cookie, '1.1');
    const plain = await rawStream(base, cookie, '1.0');
    expect(chunked.text()).toMatch(/^HTTP\/1\.1 200 OK\r\n[^]*Transfer-Encoding: chunked\r\n/);
    expect(plain.text()).not.toMatch(/Transfer-Encoding/);

    const published = events(engine);
    await admin.post(`/projects/${projectId}/compute/activate`).expect(200);
    expect(published.length).toBeGreaterThan(0);
    await expect.poll(() => chunked.events().length).toBe(published.length);
    await expect.poll(() => plain.events().length).toBe(published.length);

    const frames = plain.body().match(/data: .*\n\n/g)!;
    expect(plain.body()).toBe(`retry: 2000\n\n${frames.join('')}`);
    expect(frames[0]).toContain(`"projectId":"${projectId}"`);
    // Node's own chunk for the first write, then each event as one chunk of exactly its bytes.
    const chunks = frames.map((frame) => `${Buffer.byteLength(frame, 'latin1').toString(16)}\r\n${frame}\r\n`);
    expect(chunked.body()).toBe(`d\r\nretry: 2000\n\n\r\n${chunks.join('')}`);
  });

  it("reads a project's members once per event, however many streams and users, and writes only to members", async () => {
    const { base, engine, clock } = await listen();
    const admin = await login(base);
    for (const username of ['kim', 'lee', 'park']) await admin.post('/users', { username, password: `${username}-password` }).expect(201);
    const team = (await admin.post('/projects', { name: 'team' }).expect(201)).body.id as string;
    for (const username of ['kim', 'lee']) await admin.put(`/projects/${team}/members`, { username, role: 'member' }).expect(200);
    const park = await login(base, 'park', 'park-password');
    const solo = (await park.post('/projects', { name: 'solo' }).expect(201)).body.id as string;

    const cookies = Object.fromEntries(await Promise.all(['kim', 'lee', 'park'].map(async (name) => [name, await cookieOf(base, name, `${name}-password`)] as const)));
    const adminCookie = await cookieOf(base, ADMIN.username, ADMIN.password);
    const members = [
      await rawStream(base, adminCookie, '1.1'),
      await rawStream(base, cookies.kim!, '1.1'),
      await rawStream(base, cookies.kim!, '1.1'),
      await rawStream(base, cookies.lee!, '1.1'),
    ];
    const outsider = await rawStream(base, cookies.park!, '1.1');

    const membersRead = vi.spyOn(engine.projects, 'members');
    const roleRead = vi.spyOn(engine.projects, 'roleOf');
    const published = events(engine);
    engine.projects.activateCompute(team, clock.now());
    // Activation publishes a few events (the project, its default network…), all of the team.
    const teamEvents = published.map((event) => event.projectId);
    expect(teamEvents.length).toBeGreaterThan(0);
    expect(new Set(teamEvents)).toEqual(new Set([team]));
    for (const stream of members) await expect.poll(() => stream.events().map((event) => event.projectId)).toEqual(teamEvents);
    // One read per event, not one per stream or per user.
    expect(membersRead).toHaveBeenCalledTimes(teamEvents.length);
    expect(roleRead).not.toHaveBeenCalled();

    // Written in the same pass: park's first event is his own project's, the team's never came.
    engine.projects.activateCompute(solo, clock.now());
    await expect.poll(() => outsider.events().length).toBe(published.length - teamEvents.length);
    expect(new Set(outsider.events().map((event) => event.projectId))).toEqual(new Set([solo]));
    for (const stream of members) expect(stream.events().map((event) => event.projectId)).toEqual(teamEvents);
  });
});
