import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { createEngine, type Engine } from '../engine.ts';

const engines: Engine[] = [];
afterEach(() => {
  for (const engine of engines.splice(0)) engine.close();
});

function projectWithKeyQuota(keyPairs: number) {
  const engine = createEngine({ clock: new ManualClock(), quotas: { keyPairs } });
  engines.push(engine);
  const admin = engine.identity.createUser({ username: 'admin', password: 'admin-password', isAdmin: true });
  const project = engine.projects.create(admin, { name: 'demo' });
  engine.activateCompute(project.id);
  return { keyPairs: engine.modules.keyPairs, projectId: project.id };
}

describe('creating key pairs', () => {
  it('refuses past the quota before generating anything: 20 RSA requests answer at once', async () => {
    const { keyPairs, projectId } = projectWithKeyQuota(1);
    await keyPairs.create(projectId, 'first', 'ed25519');
    const start = performance.now();
    const attempts = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => keyPairs.create(projectId, `rsa_${i}`, 'rsa')));
    const elapsed = performance.now() - start;
    expect(attempts.map((attempt) => attempt.status === 'rejected' && (attempt.reason as { code: string }).code)).toEqual(
      Array.from({ length: 20 }, () => 'QUOTA_EXCEEDED'),
    );
    // Generating first, 20 RSA keys take seconds (3072 bits: 0.1-2 s each).
    expect(elapsed).toBeLessThan(1_000);
    expect(keyPairs.list(projectId).map((keyPair) => keyPair.name)).toEqual(['first']);
  });

  it('generates RSA keys off the event loop', async () => {
    const { keyPairs, projectId } = projectWithKeyQuota(10);
    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      longest = Math.max(longest, performance.now() - last);
      last = performance.now();
    }, 2);
    const start = performance.now();
    try {
      await Promise.all([keyPairs.create(projectId, 'rsa_a', 'rsa'), keyPairs.create(projectId, 'rsa_b', 'rsa')]);
    } finally {
      clearInterval(timer);
    }
    const elapsed = performance.now() - start;
    longest = Math.max(longest, performance.now() - last);
    // On the event loop the two keys would hold it for the whole time.
    expect(longest).toBeLessThan(elapsed / 3);
    expect(keyPairs.list(projectId).map((keyPair) => keyPair.algorithm)).toEqual(['ssh-rsa', 'ssh-rsa']);
  });
});
