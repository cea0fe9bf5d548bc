// A classroom of 30: one CSV upload (`POST /api/classrooms`) makes 30 users (a scrypt hash each,
// the cost) and 30 projects with Compute & Network activated, on a file database as the server
// runs it. Target: under 10 s on this machine. `npx tsx bench/classroom.bench.ts [--learners 30] [--rounds 3]`.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import request from 'supertest';
import { createEngine } from '@sandcloud/engine';
import { createApp } from '../apps/bff/src/app.ts';
import { median } from './support/stats.ts';

const TARGET_MS = 10_000;
const { values } = parseArgs({ options: { learners: { type: 'string', default: '30' }, rounds: { type: 'string', default: '3' } } });
const learners = Number(values.learners);
const rounds = Number(values.rounds);

const csv = ['name,email', ...Array.from({ length: learners }, (_, i) => `Learner ${i + 1},learner${i + 1}@example.edu`)].join('\n');

async function once(round: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'classroom-bench-'));
  const engine = createEngine({ databasePath: join(dir, 'sandcloud.db') });
  try {
    engine.ensureAdmin('admin', 'bench-admin-password');
    const agent = request.agent(createApp(engine));
    const login = await agent.post('/api/auth/login').send({ username: 'admin', password: 'bench-admin-password' }).expect(200);
    const started = performance.now();
    const response = await agent
      .post('/api/classrooms')
      .set('X-CSRF-Token', (login.body as { csrfToken: string }).csrfToken)
      .send({ name: `class-${round}`, csv });
    const elapsed = performance.now() - started;
    if (response.status !== 201) throw new Error(`enrolment failed: ${response.status} ${JSON.stringify(response.body)}`);
    const body = response.body as { classroom: { learners: { projectId: string }[] }; passwords: unknown[] };
    if (body.classroom.learners.length !== learners || body.passwords.length !== learners) throw new Error('not every learner was enrolled');
    if (engine.identity.userCount() !== learners + 1) throw new Error(`expected ${learners + 1} users, found ${engine.identity.userCount()}`);
    for (const learner of body.classroom.learners) if (engine.projects.get(learner.projectId).computeActivatedAt === null) throw new Error('a project is not activated');
    return elapsed;
  } finally {
    engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const samples: number[] = [];
for (let round = 0; round < rounds; round++) samples.push(await once(round));
const mid = median(samples);
console.log(`classroom of ${learners}: ${samples.map((ms) => `${Math.round(ms)} ms`).join(', ')}; median ${Math.round(mid)} ms (target < ${TARGET_MS} ms) — load ${loadavg()[0]!.toFixed(1)}`);
console.log(mid < TARGET_MS ? 'PASS' : 'FAIL');
if (mid >= TARGET_MS) process.exitCode = 1;
