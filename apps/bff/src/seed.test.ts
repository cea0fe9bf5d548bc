import { spawn } from 'node:child_process';
import { createEngine, ManualClock } from '@sandcloud/engine';
import { instanceInput, TEST_PUBLIC_KEY } from '@sandcloud/engine/testing';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applySeedFile } from './seed.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sandcloud-seed-'));
  dirs.push(dir);
  return dir;
};

/** A state file of a project `lab` with the guide's key pair and an instance, exported from another sandbox. */
function stateFile(dir: string): string {
  const engine = createEngine({ clock: new ManualClock() });
  engine.ensureAdmin('admin', 'admin-password');
  const project = engine.projects.create(engine.identity.findUser('admin')!, { name: 'lab' });
  engine.activateCompute(project.id);
  const m = engine.modules;
  m.keyPairs.import(project.id, 'my_keypair', TEST_PUBLIC_KEY);
  m.instances.create(project.id, instanceInput({ m, projectId: project.id }, { keyName: 'my_keypair', securityGroupIds: [] }));
  engine.advance(5_000);
  const path = join(dir, 'lab-state.json');
  writeFileSync(path, JSON.stringify(engine.state.export(project.id)));
  engine.close();
  return path;
}

describe('SANDCLOUD_SEED', () => {
  it('creates the users and projects of a YAML seed (with a state file beside it) once, on an empty data directory', () => {
    const dir = tempDir();
    stateFile(dir);
    const seedPath = join(dir, 'class.yaml');
    writeFileSync(
      seedPath,
      ['users:', '  - { username: kim, password: kim-password }', 'projects:', '  - name: kim-lab', '    owner: kim', '    members: [{ username: admin, role: viewer }]', '    state: lab-state.json', '  - name: empty', '    activate: true', ''].join('\n'),
    );
    const databasePath = join(dir, 'data', 'sandcloud.db');
    const engine = createEngine({ databasePath, clock: new ManualClock() });
    engine.ensureAdmin('admin', 'admin-password');
    const report = applySeedFile(engine, seedPath, 'admin');
    expect(report).toEqual({
      users: 1,
      projects: [
        { name: 'kim-lab', imported: { created: { keyPairs: 1, securityGroups: 0, rules: 0, instances: 1, volumes: 0, floatingIps: 0, images: 0, loadBalancers: 0, volumeSnapshots: 0 }, pendingLinks: 0, skipped: [] } },
        { name: 'empty', imported: null },
      ],
    });
    const kim = engine.identity.findUser('kim')!;
    const projects = engine.projects.listFor(kim);
    expect(projects.map((p) => [p.name, p.role, p.computeActivatedAt !== null])).toEqual([['kim-lab', 'admin', true]]);
    engine.advance(5_000);
    expect(engine.modules.instances.list(projects[0]!.id).map((i) => [i.name, i.status])).toEqual([['web', 'ACTIVE']]);
    engine.close();

    // A restart on the same data directory leaves it as it is.
    const again = createEngine({ databasePath, clock: new ManualClock() });
    expect(applySeedFile(again, seedPath, 'admin')).toBeNull();
    expect(again.projects.listFor(again.identity.findUser('admin')!).map((p) => p.name)).toEqual(['kim-lab', 'empty']);
    again.close();
  });

  it('a state file alone seeds one project of its name', () => {
    const dir = tempDir();
    const path = stateFile(dir);
    const engine = createEngine({ clock: new ManualClock() });
    engine.ensureAdmin('admin', 'admin-password');
    expect(applySeedFile(engine, path, 'admin')?.projects.map((p) => p.name)).toEqual(['lab']);
    engine.close();
  });

  it('a seed the engine refuses stops the server with one line and leaves the data directory unseeded', async () => {
    const dir = tempDir();
    const seedPath = join(dir, 'bad.json');
    writeFileSync(seedPath, JSON.stringify({ users: [{ username: 'kim', password: 'kim-password' }], projects: [{ name: 'p', owner: 'ghost' }] }));
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/bff/src/server.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', SANDCLOUD_DATA_DIR: join(dir, 'data'), SANDCLOUD_ADMIN_PASSWORD: 'pw-123456', SANDCLOUD_SEED: seedPath, SANDCLOUD_LOG_REQUESTS: '0', NODE_ENV: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(1);
    expect(stderr).toBe(`Sandcloud cannot apply SANDCLOUD_SEED ${seedPath}: The seed names a user ghost it does not create\n`);
    const engine = createEngine({ databasePath: join(dir, 'data', 'sandcloud.db') });
    expect(engine.identity.findUser('kim')).toBeUndefined();
    expect(engine.seeder.canSeed()).toBe(true);
    engine.close();
  }, 30_000);
});
