import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import type { DataPlaneState } from './health.ts';
import { createTestApi } from './test-support/test-api.ts';

// GET /api/health: what scripts, containers and the e2e setup wait on. No session needed.

function appWith(dataPlane: () => DataPlaneState) {
  const { engine } = createTestApi();
  return { engine, app: createApp(engine, { health: { version: '1.2.3', dataPlane } }) };
}

describe('GET /api/health', () => {
  it('answers 200 with every part ok once the data plane serves', async () => {
    const { app } = appWith(() => ({ state: 'ready', listeners: 4 }));
    const before = Math.floor(process.uptime());
    const response = await request(app).get('/api/health').expect(200).expect('Cache-Control', 'no-store');
    const after = Math.floor(process.uptime());
    // A `no-store` answer is never revalidated: no ETag is computed for it.
    expect(response.headers.etag).toBeUndefined();
    const { uptimeSeconds } = response.body as { uptimeSeconds: number };
    expect([before, after]).toContain(uptimeSeconds);
    expect(response.body).toEqual({
      status: 'ok',
      version: '1.2.3',
      uptimeSeconds,
      store: { ok: true },
      dataPlane: { ok: true, listeners: 4 },
    });
  });

  it('answers 503 "starting" while the data plane binds its sockets, then 200', async () => {
    let state: DataPlaneState = { state: 'starting', listeners: 0 };
    const { app } = appWith(() => state);
    const starting = await request(app).get('/api/health').expect(503);
    expect(starting.body).toMatchObject({ status: 'starting', store: { ok: true }, dataPlane: { ok: false, listeners: 0 } });
    state = { state: 'ready', listeners: 2 };
    const ready = await request(app).get('/api/health').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', dataPlane: { ok: true, listeners: 2 } });
  });

  it('answers 503 "down" when the data plane failed to start', async () => {
    const { app } = appWith(() => ({ state: 'down', listeners: 0 }));
    const response = await request(app).get('/api/health').expect(503);
    expect(response.body).toMatchObject({ status: 'down', store: { ok: true }, dataPlane: { ok: false, listeners: 0 } });
  });

  it('answers 503 "down" when the store no longer answers', async () => {
    const { app, engine } = appWith(() => ({ state: 'ready', listeners: 0 }));
    engine.close();
    const response = await request(app).get('/api/health').expect(503);
    expect(response.body).toMatchObject({ status: 'down', store: { ok: false }, dataPlane: { ok: true, listeners: 0 } });
  });
});
