import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApi, login } from '../test-support/test-api.ts';
import { loadTutorials } from './tutorial-routes.ts';

describe('tutorial API', () => {
  it('starts the getting-started tutorial before activation, turns the first step green on activation, and starts over', async () => {
    const { app, engine, clock } = createTestApi();
    const admin = await login(app);
    const projectId = (await admin.post('/projects', { name: 'demo' }).expect(201)).body.id as string;
    const base = `/projects/${projectId}/tutorials`;

    const listed = (await admin.get(base).expect(200)).body.items as { definition: { id: string; steps: unknown[] }; progress: null }[];
    expect(listed.map((t) => [t.definition.id, t.definition.steps.length, t.progress])).toEqual([['getting-started', 10, null]]);

    const started = (await admin.post(`${base}/getting-started/start`).expect(201)).body;
    expect(started.progress).toMatchObject({ status: 'IN_PROGRESS', currentStepId: 'activate', username: 'admin', projectName: 'demo' });
    expect(started.progress.steps[0]).toMatchObject({ id: 'activate', done: false, hint: { code: 'product-not-activated' } });

    await admin.post(`/projects/${projectId}/compute/activate`).expect(200);
    await new Promise((resolve) => setImmediate(resolve));
    const after = (await admin.get(`${base}/getting-started`).expect(200)).body;
    expect(after.progress.steps[0]).toMatchObject({ id: 'activate', done: true, hint: null });
    expect(after.progress.currentStepId).toBe('instance');
    expect(after.progress.currentStepTitle).toEqual({ ko: 'Instance 생성', en: 'Create an instance' });

    // The teacher's view lists every member's progress; a viewer cannot see it.
    const teacher = (await admin.get(`/projects/${projectId}/tutorial-progress`).expect(200)).body.items;
    expect(teacher.map((p: { username: string; currentStepId: string }) => [p.username, p.currentStepId])).toEqual([['admin', 'instance']]);
    await admin.post('/users', { username: 'learner', password: 'learner-password-1' }).expect(201);
    await admin.put(`/projects/${projectId}/members`, { username: 'learner', role: 'viewer' }).expect(200);
    const learner = await login(app, 'learner', 'learner-password-1');
    await learner.get(`/projects/${projectId}/tutorial-progress`).expect(403);
    expect((await learner.get(`${base}/getting-started`).expect(200)).body.progress).toBeNull();

    clock.advance(5_000);
    const again = (await admin.post(`${base}/getting-started/start`).expect(201)).body;
    expect(again.progress.startedAt).toBe(new Date(engine.clock.now()).toISOString());
    expect(again.progress.steps[0].done).toBe(true);
    await admin.post(`${base}/nope/start`).expect(404);
  });

  it('refuses a tutorial file with a mistake, naming the file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tutorials-'));
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ id: 'bad', version: 1, title: { ko: 'a', en: 'a' }, summary: { ko: 'a', en: 'a' }, steps: [{ id: 's', title: { ko: 'a', en: 'a' }, body: { ko: 'a', en: 'a' }, check: { kind: 'telepathy' } }] }));
    expect(() => loadTutorials(dir)).toThrow(/^Tutorial bad\.json: steps\.0\.check\.kind: /);
    writeFileSync(join(dir, 'bad.json'), '{');
    expect(() => loadTutorials(dir)).toThrow(/^Tutorial bad\.json is not valid JSON/);
  });
});
