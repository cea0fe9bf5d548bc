import type { Clock } from './core/clock.ts';
import { SystemClock } from './core/clock.ts';
import { EventBus } from './core/events.ts';
import { Scheduler } from './core/scheduler.ts';
import { IdentityService, type LoginLimitOptions } from './identity/identity-service.ts';
import { generatePassword } from './identity/passwords.ts';
import { ProjectService } from './projects/project-service.ts';
import { lockDatabase, openDatabase } from './store/database.ts';
import type { Store } from './store/kinds.ts';
import { ResourceStore } from './store/resource-store.ts';
import { SqliteScheduledTasks } from './store/scheduled-tasks.ts';
import { EngineQueries } from './queries/engine-queries.ts';
import { SettingsService } from './settings/settings-service.ts';
import type { Quotas } from '@sandcloud/domain';
import { registerModules, type EngineModules } from './modules.ts';
import { ProjectReset } from './sandbox/project-reset.ts';
import { ProjectState } from './sandbox/project-state.ts';
import { Seeder } from './sandbox/seed.ts';
import { TutorialService } from './tutorials/tutorial-service.ts';
import { ClassroomService } from './classroom/classroom-service.ts';
import { SandboxReset } from './sandbox/sandbox-reset.ts';
import { GuestProcessKeeper } from './sandbox/guest-processes.ts';

export interface EngineOptions {
  /** A SQLite file path, or ':memory:' (the default) for a throw-away engine in tests. */
  databasePath?: string;
  clock?: Clock;
  /** How many times faster than real time simulated operations run (1 = as a real cloud). */
  speed?: number;
  /** The public range floating IPs come from (documentation range 203.0.113.0/24 by default). */
  floatingPool?: { start: string; end: string };
  /** Per-project limits instead of the defaults (benchmarks seed a thousand instances). */
  quotas?: Partial<Quotas>;
  /** Failed sign-ins allowed before waits start (tests and benchmarks change them). */
  loginLimits?: LoginLimitOptions;
}

/**
 * The cloud: every service over one store, one clock, one event bus and one scheduler. Adapters
 * (the BFF, tests, a future OpenStack API) talk to it; it knows nothing of them.
 */
export class Engine {
  readonly clock: Clock;
  readonly events = new EventBus();
  /** The engine's own persistence: adapters ask `queries` and the services, never the store. */
  readonly store: Store;
  /** Named, indexed questions adapters ask (what a floating IP leads to, instance views…). */
  readonly queries: EngineQueries;
  readonly scheduler: Scheduler;
  readonly identity: IdentityService;
  readonly projects: ProjectService;
  readonly settings: SettingsService;
  readonly modules: EngineModules;
  /** Sandbox lifecycle: emptying a project (reset). */
  readonly reset: ProjectReset;
  /** Sandbox lifecycle: a project's state as a versioned document (export, import). */
  readonly state: ProjectState;
  /** Sandbox lifecycle: `SANDCLOUD_SEED` applied once to an empty sandbox. */
  readonly seeder: Seeder;
  /** Guided tutorials: definitions, each learner's progress, steps checked against the real state. */
  readonly tutorials: TutorialService;
  /** Classrooms: learners enrolled in bulk, each with a user and a project; the teacher's view. */
  readonly classroom: ClassroomService;
  /** Sandbox lifecycle: every project emptied and every tutorial forgotten (administrators). */
  readonly sandboxReset: SandboxReset;
  /** Sandbox lifecycle: guests' long-running processes recorded, and resumed after a restart. */
  readonly guestProcesses: GuestProcessKeeper;
  private guestTimer: NodeJS.Timeout | null = null;
  private readonly releaseLock: () => void;

  constructor(options: EngineOptions = {}) {
    this.clock = options.clock ?? new SystemClock();
    const databasePath = options.databasePath ?? ':memory:';
    // One process per data directory: the store keeps its records in memory as the only writer.
    this.releaseLock = lockDatabase(databasePath);
    try {
      this.store = new ResourceStore(openDatabase(databasePath), this.clock, this.events);
    } catch (error) {
      this.releaseLock();
      throw error;
    }
    this.scheduler = new Scheduler(this.store, new SqliteScheduledTasks(this.store.db), this.clock, options.speed ?? 1);
    this.identity = new IdentityService(this.store, this.clock, options.loginLimits);
    this.projects = new ProjectService(this.store);
    this.settings = new SettingsService(this.store);
    this.modules = registerModules(this, {
      floatingPool: options.floatingPool ?? { start: '203.0.113.10', end: '203.0.113.250' },
      quotas: options.quotas,
    });
    this.queries = new EngineQueries(this.store);
    this.reset = new ProjectReset(this.store, this.scheduler, this.clock, this.modules);
    this.state = new ProjectState(this.store, this.scheduler, this.clock, this.projects, this.modules, (id) => this.reset.resourceCount(id) === 0);
    this.seeder = new Seeder(this.store, this.identity, this.projects, this.state);
    this.tutorials = new TutorialService(this.store, this.events, this.clock, this.modules);
    this.guestProcesses = new GuestProcessKeeper(this.store, this.events, this.modules.guests);
    this.sandboxReset = new SandboxReset(this.store, this.clock, this.reset, this.tutorials);
    this.classroom = new ClassroomService(this.store, this.identity, this.projects, this.state, this.tutorials, this.clock, this.modules.quotas);
  }

  /** Starts running scheduled steps on the wall clock, resuming what was pending at the last stop. */
  start(): void {
    this.scheduler.start();
    // Guests keep their own time (sleep, write-back): give it to them a few times a second.
    this.guestTimer = setInterval(() => this.modules.guests.tick(), 250);
    this.guestTimer.unref();
    this.tutorials.startPolling();
    this.modules.metrics.start();
    this.modules.activity.start();
    // A restart keeps the world: what the guests ran at the last stop runs again.
    this.guestProcesses.start().catch(() => undefined);
  }

  /** Tests: moves a ManualClock forward and runs every step due on the way. */
  advance(ms: number): void {
    this.scheduler.advance(ms);
    this.modules.guests.tick();
  }

  activateCompute(projectId: string) {
    return this.projects.activateCompute(projectId, this.clock.now());
  }

  /**
   * Creates the first admin when there are no users. Returns the generated password, if one was
   * generated, so the entry point can print it once.
   */
  ensureAdmin(username = 'admin', password?: string): { created: boolean; generatedPassword?: string } {
    if (this.identity.userCount() > 0) return { created: false };
    const chosen = password ?? generatePassword();
    this.identity.createUser({ username, password: chosen, isAdmin: true });
    return password ? { created: true } : { created: true, generatedPassword: chosen };
  }

  /**
   * `ensureAdmin` with the password hashed on the thread pool: the server answers while the first
   * administrator's hash runs (see apps/bff/src/server.ts).
   */
  async ensureAdminAsync(username = 'admin', password?: string): Promise<{ created: boolean; generatedPassword?: string }> {
    if (this.identity.userCount() > 0) return { created: false };
    const chosen = password ?? generatePassword();
    await this.identity.addUser({ username, password: chosen, isAdmin: true });
    return password ? { created: true } : { created: true, generatedPassword: chosen };
  }

  close(): void {
    this.scheduler.stop();
    this.tutorials.stop();
    this.guestProcesses.stop();
    if (this.guestTimer) clearInterval(this.guestTimer);
    this.modules.metrics.stop();
    this.modules.activity.stop();
    this.store.close();
    this.releaseLock();
  }
}

export const createEngine = (options?: EngineOptions) => new Engine(options);
