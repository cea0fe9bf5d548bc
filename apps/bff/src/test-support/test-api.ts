import { createEngine, ManualClock, type Engine } from '@sandcloud/engine';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';
import { createApp } from '../app.ts';

export const ADMIN = { username: 'admin', password: 'admin-password' };

/** An in-memory engine on a manual clock and its app: tests drive time with `engine.advance(ms)`. */
export function createTestApi(options: { databasePath?: string } = {}) {
  const clock = new ManualClock();
  const engine = createEngine({ clock, databasePath: options.databasePath ?? ':memory:' });
  engine.ensureAdmin(ADMIN.username, ADMIN.password);
  const app = createApp(engine);
  return { engine, clock, app };
}

export interface Client {
  agent: TestAgent;
  csrfToken: string;
  get: (path: string) => request.Test;
  post: (path: string, body?: object) => request.Test;
  put: (path: string, body: object) => request.Test;
  patch: (path: string, body: object) => request.Test;
  delete: (path: string) => request.Test;
}

/** Logs in and returns a client that sends the session cookie and the CSRF header, as the console does. */
export async function login(app: Parameters<typeof request.agent>[0], username = ADMIN.username, password = ADMIN.password): Promise<Client> {
  const agent = request.agent(app);
  const response = await agent.post('/api/auth/login').send({ username, password }).expect(200);
  const csrfToken = (response.body as { csrfToken: string }).csrfToken;
  return {
    agent,
    csrfToken,
    get: (path) => agent.get(`/api${path}`),
    post: (path, body = {}) => agent.post(`/api${path}`).set('X-CSRF-Token', csrfToken).send(body),
    put: (path, body) => agent.put(`/api${path}`).set('X-CSRF-Token', csrfToken).send(body),
    patch: (path, body) => agent.patch(`/api${path}`).set('X-CSRF-Token', csrfToken).send(body),
    delete: (path) => agent.delete(`/api${path}`).set('X-CSRF-Token', csrfToken),
  };
}

/** A project with Compute & Network activated, ready for resources. */
export async function activatedProject(client: Client, name = 'demo'): Promise<string> {
  const project = await client.post('/projects', { name }).expect(201);
  const projectId = (project.body as { id: string }).id;
  await client.post(`/projects/${projectId}/compute/activate`).expect(200);
  return projectId;
}

export type { Engine };
