import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApi, login, ADMIN } from '../test-support/test-api.ts';

// The live stream as a browser's EventSource reads it, over a real socket.

interface StreamEvent {
  kind: string;
  id: string;
  projectId: string | null;
  change: string;
}

let server: Server | null = null;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = null;
});

/** Logs in over HTTP and opens /api/events; `events` fills as they arrive. */
async function openStream(base: string, username: string, password: string) {
  const loggedIn = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const cookie = loggedIn.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ');
  const response = await fetch(`${base}/api/events`, { headers: { cookie } });
  const events: StreamEvent[] = [];
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  void (async () => {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').find((line) => line.startsWith('data: '));
        if (data) events.push(JSON.parse(data.slice(6)) as StreamEvent);
      }
    }
  })();
  return events;
}

describe('the live event stream', () => {
  it('tells a removed member of their removal, and only system admins of new users', async () => {
    const { app } = createTestApi();
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server!.once('listening', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const admin = await login(base);
    await admin.post('/users', { username: 'kim', password: 'kim-password' }).expect(201);
    const projectId = (await admin.post('/projects', { name: 'team' }).expect(201)).body.id as string;
    const kim = (await admin.put(`/projects/${projectId}/members`, { username: 'kim', role: 'member' }).expect(200)).body.userId as string;

    const kimHears = await openStream(base, 'kim', 'kim-password');
    const adminHears = await openStream(base, ADMIN.username, ADMIN.password);
    await admin.post('/users', { username: 'lee', password: 'lee-password' }).expect(201);
    await expect.poll(() => adminHears.map((event) => `${event.kind} ${event.change}`)).toContain('user created');

    await admin.delete(`/projects/${projectId}/members/${kim}`).expect(204);
    await expect.poll(() => kimHears).toContainEqual(expect.objectContaining({ kind: 'project-member', id: kim, projectId, change: 'deleted' }));
    // What happens in the project afterwards is no longer kim's to hear.
    await admin.post(`/projects/${projectId}/compute/activate`).expect(200);
    await expect.poll(() => adminHears.some((event) => event.kind === 'project' && event.projectId === projectId)).toBe(true);
    expect(kimHears.map((event) => event.kind)).toEqual(['project-member']);
  });
});
