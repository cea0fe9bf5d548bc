import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { EngineError } from '../core/errors.ts';
import { createEngine } from '../engine.ts';
import { createTestWorld, type TestWorld } from '../testing/test-world.ts';
import { addNetwork } from '../testing/store-fixtures.ts';

const worlds: TestWorld[] = [];
afterEach(() => {
  for (const world of worlds.splice(0)) world.engine.close();
});

function world() {
  const w = createTestWorld();
  worlds.push(w);
  return w;
}

describe('the quota guard', () => {
  it('refuses a row of a guarded kind past its limit at insert, naming the limit, and writes nothing', () => {
    const w = world();
    w.m.quotas.setLimits(w.projectId, { networks: 2 });
    addNetwork(w.engine, w.projectId, { name: 'second', cidr: '10.1.0.0/24' });
    let error: unknown;
    try {
      addNetwork(w.engine, w.projectId, { name: 'third', cidr: '10.2.0.0/24' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe('QUOTA_EXCEEDED');
    expect((error as EngineError).params).toEqual({ resource: 'networks', limit: 2, left: 0, wanted: 1 });
    expect((error as Error).message).toBe('Quota exceeded for networks (limit 2): this needs 1, but only 0 of 2 are left');
    expect(w.m.network.networks(w.projectId).map((n) => n.name).sort()).toEqual(['Default Network', 'second']);
  });

  it('keeps limits per project, over the admin defaults, over the start defaults, across a restart', () => {
    const databasePath = join(mkdtempSync(join(tmpdir(), 'quota-')), 'sandcloud.db');
    const first = createEngine({ clock: new ManualClock(), databasePath, quotas: { vcpus: 40 } });
    first.ensureAdmin('admin', 'admin-password');
    const admin = first.identity.findUser('admin')!;
    const mine = first.projects.create(admin, { name: 'mine' });
    const other = first.projects.create(admin, { name: 'other' });
    first.modules.quotas.setDefaults({ instances: 30 });
    first.modules.quotas.setLimits(mine.id, { instances: 3 });
    first.close();

    const again = createEngine({ clock: new ManualClock(), databasePath, quotas: { vcpus: 40 } });
    try {
      expect(again.modules.quotas.limits(mine.id)).toMatchObject({ instances: 3, vcpus: 40, ramMb: 51200 });
      expect(again.modules.quotas.limits(other.id)).toMatchObject({ instances: 30, vcpus: 40 });
    } finally {
      again.close();
    }
  });
});
