import type { Vfs } from '../filesystem/vfs.ts';
import type { GuestHost, PowerAction } from '../host.ts';
import type { StorageManager } from '../storage/storage-manager.ts';
import type { Clock } from '../time/clock.ts';
import type { Scheduler } from '../time/scheduler.ts';
import type { NetworkIdentity } from './identity.ts';
import type { MemoryInfo } from './memory.ts';
import type { NetworkStack } from './network-stack.ts';
import type { OsProfile } from './os-profiles.ts';
import type { ProcessTable } from './process-table.ts';

/**
 * The programs installed on the machine. `commands/registry.ts` completes this interface (declaration
 * merging, the "register" pattern) with its `CommandRegistry`: the machine names its programs without
 * importing them, so the programs' types can depend on the machine and no import cycle forms.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- completed by commands/registry.ts
export interface InstalledCommands {}

/**
 * The running machine as programs see it: the kernel's view of files,
 * devices, processes, network and time. Commands depend on this interface,
 * not on the `Guest` class, so they can be tested against a small machine.
 */
export interface GuestSystem {
  readonly profile: OsProfile;
  readonly hostname: string;
  readonly network: NetworkIdentity;
  readonly memory: MemoryInfo;
  readonly vcpus: number;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly vfs: Vfs;
  readonly storage: StorageManager;
  readonly processes: ProcessTable;
  readonly ports: NetworkStack;
  readonly host: GuestHost;
  readonly commands: InstalledCommands;
  bootedAtMs(): number;
  /** Number of login sessions (for `uptime`). */
  loggedInUsers(): number;
  requestPower(action: PowerAction): void;
  randomUUID(): string;
}
