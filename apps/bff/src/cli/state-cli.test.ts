import { createEngine } from '@sandcloud/engine';
import { instanceInput, TEST_PUBLIC_KEY } from '@sandcloud/engine/testing';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runResetCli } from './reset-cli.ts';
import { runStateCli } from './state-cli.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A data directory with projects `src` (a key pair and a security group) and `empty`, both activated. */
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sandcloud-cli-'));
  dirs.push(dir);
  const engine = createEngine({ databasePath: join(dir, 'sandcloud.db') });
  engine.ensureAdmin('admin', 'admin-password');
  const admin = engine.identity.findUser('admin')!;
  for (const name of ['src', 'empty']) engine.activateCompute(engine.projects.create(admin, { name }).id);
  const src = engine.state.projectNamed('src').id;
  engine.modules.keyPairs.import(src, 'my_keypair', TEST_PUBLIC_KEY);
  engine.modules.securityGroups.create(src, { name: 'web', description: 'http' });
  engine.close();
  return dir;
}

function run(args: string[], dir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runStateCli(args, dir, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('sandcloud state export / import', () => {
  it('exports a project to a file and imports it into an empty project', () => {
    const dir = dataDir();
    const file = join(dir, 'state.json');
    const exported = run(['state', 'export', file, '--project', 'src'], dir);
    expect(exported).toMatchObject({ code: 0, err: [] });
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    expect(doc).toMatchObject({ format: 'sandcloud-state', version: 1, keyPairs: [{ name: 'my_keypair', publicKey: TEST_PUBLIC_KEY }] });

    const imported = run(['state', 'import', file, '--project', 'empty'], dir);
    expect(imported.code).toBe(0);
    expect(imported.out[0]).toBe('Imported into empty: 1 keyPairs, 1 securityGroups, 0 rules, 0 instances, 0 volumes, 0 floatingIps, 0 images, 0 loadBalancers, 0 volumeSnapshots; 0 attachment(s)/association(s) complete when the server runs');

    const engine = createEngine({ databasePath: join(dir, 'sandcloud.db') });
    const empty = engine.state.projectNamed('empty').id;
    expect(engine.modules.keyPairs.list(empty).map((k) => k.name)).toEqual(['my_keypair']);
    expect(engine.modules.securityGroups.list(empty).map((g) => g.name).sort()).toEqual(['default', 'web']);
    engine.close();
  });

  it('refuses while a server holds the data directory, with the store’s one line', () => {
    const dir = dataDir();
    const server = createEngine({ databasePath: join(dir, 'sandcloud.db') });
    try {
      const result = run(['state', 'export', join(dir, 'state.json'), '--project', 'src'], dir);
      expect(result.code).toBe(1);
      expect(result.err).toEqual([`sandcloud: Another Sandcloud (pid ${process.pid}) is already using ${dir}: stop it first, or set SANDCLOUD_DATA_DIR to another directory`]);
    } finally {
      server.close();
    }
  });

  it('refuses a damaged file and an unknown project, and explains its usage', () => {
    const dir = dataDir();
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{"format":"sandcloud-state","vers');
    expect(run(['state', 'import', file, '--project', 'empty'], dir).err).toEqual(['sandcloud: The file is not a Sandcloud state: it is not valid JSON (damaged or truncated?)']);
    expect(run(['state', 'export', file, '--project', 'nope'], dir).err).toEqual(['sandcloud: No project named nope']);
    expect(run(['state', 'export', file], dir)).toMatchObject({ code: 2, err: [expect.stringMatching(/^usage: /)] });
  });
});

describe('sandcloud reset', () => {
  it('empties the project on the data directory, waiting for an instance to finish building and to be deleted', async () => {
    const dir = dataDir();
    // An instance still building when the server stopped: the reset waits for it, then deletes it.
    const before = createEngine({ databasePath: join(dir, 'sandcloud.db'), speed: 1000 });
    const project = before.state.projectNamed('src').id;
    const m = before.modules;
    m.instances.create(project, instanceInput({ m, projectId: project }, { keyName: 'my_keypair', securityGroupIds: [] }));
    before.close();
    const out: string[] = [];
    const code = await runResetCli(['reset', '--project', 'src'], dir, { out: (l) => out.push(l), err: (l) => out.push(l) });
    expect({ code, out }).toEqual({ code: 0, out: ['Reset src: removed 1 instances, 1 key-pairs, 1 security-groups'] });
    const engine = createEngine({ databasePath: join(dir, 'sandcloud.db') });
    const src = engine.state.projectNamed('src').id;
    expect(engine.modules.instances.list(src)).toEqual([]);
    expect(engine.modules.keyPairs.list(src)).toEqual([]);
    expect(engine.modules.securityGroups.list(src).map((g) => g.name)).toEqual(['default']);
    engine.close();
  });

  it('reset --all empties every project, reporting its progress', async () => {
    const dir = dataDir();
    const before = createEngine({ databasePath: join(dir, 'sandcloud.db') });
    const m = before.modules;
    const project = before.state.projectNamed('src').id;
    m.instances.create(project, instanceInput({ m, projectId: project }, { keyName: 'my_keypair', securityGroupIds: [] }));
    before.close();
    const out: string[] = [];
    const code = await runResetCli(['reset', '--all'], dir, { out: (l) => out.push(l), err: (l) => out.push(l) });
    expect(code).toBe(0);
    // An instance takes simulated time to build and be deleted: progress lines until then.
    expect(out[0]).toBe('Resetting: 1 of 2 projects done, 3 resources left');
    expect(out.at(-1)).toBe('Reset the sandbox: 2 projects emptied, 3 resources removed, 0 tutorial progress records cleared');
    const engine = createEngine({ databasePath: join(dir, 'sandcloud.db') });
    const src = engine.state.projectNamed('src').id;
    expect(engine.modules.keyPairs.list(src)).toEqual([]);
    expect(engine.modules.securityGroups.list(src).map((g) => g.name)).toEqual(['default']);
    engine.close();
  });
});
