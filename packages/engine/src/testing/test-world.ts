import { ManualClock } from '../core/clock.ts';
import type { Instance } from '../compute/instance.ts';
import type { CreateInstancesInput } from '../compute/instance-service.ts';
import { createEngine, type Engine, type EngineOptions } from '../engine.ts';

/** Built-in images tests launch from. */
export const TEST_IMAGES = {
  UBUNTU: '6f1c0a00-0000-4000-8000-000000002204',
  CENTOS_7: '6f1c0a00-0000-4000-8000-000000000007',
} as const;

/** An Ed25519 public key, imported as key pair `key` in every test world. */
export const TEST_PUBLIC_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9aWnM0SMGRdlzrQCeSk0fSKl9xOqaz0Yi7wmiH5oHx test@example';

export interface TestWorldOptions {
  /** A database file instead of memory. */
  databasePath?: string;
  /** Default `p`. */
  projectName?: string;
  /** Quotas other than the defaults (as `createEngine` takes them). */
  quotas?: EngineOptions['quotas'];
}

export interface TestWorld {
  engine: Engine;
  clock: ManualClock;
  projectId: string;
  m: Engine['modules'];
}

/**
 * The world most engine tests start from: an engine on a ManualClock, the admin `admin`, one
 * project with compute activated (Default Network, default group) and the key pair `key`.
 */
export function createTestWorld(options: TestWorldOptions = {}): TestWorld {
  const clock = new ManualClock();
  const engine = createEngine({
    clock,
    ...(options.databasePath === undefined ? {} : { databasePath: options.databasePath }),
    ...(options.quotas === undefined ? {} : { quotas: options.quotas }),
  });
  engine.ensureAdmin('admin', 'admin-password');
  const { id: projectId } = engine.projects.create(engine.identity.findUser('admin')!, { name: options.projectName ?? 'p' });
  engine.activateCompute(projectId);
  const m = engine.modules;
  m.keyPairs.import(projectId, 'key', TEST_PUBLIC_KEY);
  return { engine, clock, projectId, m };
}

/**
 * What `instances.create` takes: one Ubuntu `web` (m2.c1m2) with key `key` in the default group on
 * the first network; `overrides` win. Any engine's project will do (`{ m: engine.modules, projectId }`).
 */
export function instanceInput(world: Pick<TestWorld, 'm' | 'projectId'>, overrides: Partial<CreateInstancesInput> = {}): CreateInstancesInput {
  const { m, projectId } = world;
  return {
    name: 'web',
    imageId: TEST_IMAGES.UBUNTU,
    flavorId: 'm2.c1m2',
    zone: 'kr-pub-a',
    rootDiskGb: 20,
    count: 1,
    keyName: 'key',
    ...overrides,
    securityGroupIds: overrides.securityGroupIds ?? [m.securityGroups.list(projectId).find((g) => g.name === 'default')!.id],
    networkId: overrides.networkId ?? m.network.networks(projectId)[0]!.id,
  };
}

/** Creates instances (see `instanceInput`) and advances the engine 5 s, so they are ACTIVE. */
export function launchInstances(world: TestWorld, overrides: Partial<CreateInstancesInput> = {}): Instance[] {
  const created = world.m.instances.create(world.projectId, instanceInput(world, overrides));
  world.engine.advance(5_000);
  return created;
}

/** Creates one instance (see `instanceInput`) and advances the engine 5 s, so it is ACTIVE. */
export function launchInstance(world: TestWorld, overrides: Partial<CreateInstancesInput> = {}): Instance {
  return launchInstances(world, { ...overrides, count: 1 })[0]!;
}

/**
 * A test world with one ACTIVE Ubuntu instance `web` (m2.c1m2: 1 vCPU, 2 GB) whose guest runs: `get`
 * reads its record again, `shell` runs a command line in its guest.
 */
export function activeInstance() {
  const world = createTestWorld();
  const { engine, projectId } = world;
  const { instances, guests } = world.m;
  const { id } = launchInstance(world);
  const get = () => instances.get(projectId, id);
  const shell = (line: string) => guests.runCommand(projectId, id, line);
  return { world, engine, projectId, id, instances, guests, get, shell };
}
