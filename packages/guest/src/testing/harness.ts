import { Guest, type GuestConfig } from '../guest.ts';
import type { Session } from '../terminal/session.ts';
import { ManualClock } from '../time/clock.ts';
import { RecordingHost } from './recording-host.ts';

/** Lets pending promise chains (pipes, commands) run to completion. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export interface TestMachine {
  guest: Guest;
  host: RecordingHost;
  clock: ManualClock;
  /** Advances simulated time, fires due timers and lets the guest react. */
  advance(ms: number): Promise<void>;
}

let uuidCounter = 0;

/** Deterministic UUIDs so snapshots and blkid output are stable in tests. */
export function sequentialUuid(): string {
  uuidCounter++;
  return `00000000-0000-4000-8000-${String(uuidCounter).padStart(12, '0')}`;
}

/** A booted CentOS 7 guest like the guide's host-192-168-0-4 with a 20 GB disk. */
export function bootTestMachine(overrides: Partial<GuestConfig> = {}): TestMachine {
  const host = new RecordingHost();
  const clock = new ManualClock();
  const guest = new Guest(
    {
      instanceId: 'i-test',
      privateIp: '192.168.0.4',
      image: 'centos-7',
      rootDiskGb: 20,
      memoryMb: 1024,
      publicKey: 'ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 my_keypair',
      clock,
      randomUUID: sequentialUuid,
      ...overrides,
    },
    host,
  );
  guest.boot();
  return {
    guest,
    host,
    clock,
    async advance(ms: number) {
      const step = 100;
      for (let elapsed = 0; elapsed < ms; elapsed += step) {
        clock.advance(Math.min(step, ms - elapsed));
        guest.tick();
        await settle(2);
      }
      await settle();
    },
  };
}

/** Drives a session like a terminal and collects what it prints. */
export class TerminalDriver {
  private output = '';

  constructor(readonly session: Session) {
    session.onData((data) => {
      this.output += data;
    });
  }

  /** Everything printed so far. */
  get screen(): string {
    return this.output;
  }

  /** Output since the last `take()`, and resets it. */
  take(): string {
    const text = this.output;
    this.output = '';
    return text;
  }

  async type(data: string): Promise<void> {
    this.session.write(data);
    await settle();
  }

  /** Types a line and presses Enter. */
  async enter(line: string): Promise<string> {
    this.take();
    await this.type(`${line}\r`);
    return this.take();
  }
}

/** A login session whose `run` executes lines without the terminal (state persists between calls). */
export function shellOf(machine: TestMachine): { session: Session; run(line: string): Promise<{ stdout: string; stderr: string; exitCode: number }> } {
  const session = machine.guest.openSession();
  return { session, run: (line) => session.runCommand(line) };
}
