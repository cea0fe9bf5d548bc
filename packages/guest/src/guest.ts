import { createCommandRegistry } from './commands/index.ts';
import type { CommandRegistry } from './commands/registry.ts';
import { Filesystem } from './filesystem/filesystem.ts';
import type { FilesystemSnapshot } from './filesystem/snapshot.ts';
import { isWithin } from './filesystem/path.ts';
import type { MountableFs } from './filesystem/types.ts';
import { Vfs } from './filesystem/vfs.ts';
import type { GuestHost, HttpResponse, InboundHttpRequest, PowerAction } from './host.ts';
import { applyInstanceMetadata, CLOUD_INIT_OUTPUT_LOG, cloudInitFinished, prepareUserScript } from './machine/cloud-init.ts';
import { hostnameFromIp, macFromIp, type NetworkIdentity } from './machine/identity.ts';
import { memoryInfo, shmSizeBytes, type MemoryInfo } from './machine/memory.ts';
import { NetworkStack } from './machine/network-stack.ts';
import { detectOsImage, osProfile, type OsImageId, type OsProfile } from './machine/os-profiles.ts';
import { ProcessTable, type ProcessInfo } from './machine/process-table.ts';
import { provisionRootFilesystem, swapUuidFor } from './machine/provision.ts';
import { createDevFs, createProcFs } from './machine/pseudo-filesystems.ts';
import type { GuestSystem } from './machine/system.ts';
import { devicePath, type BlockDevice } from './storage/block-device.ts';
import { StorageManager, type DetachResult, type FstabMountReport, type VolumeAttachment } from './storage/storage-manager.ts';
import { Session, type CommandResult, type SessionOptions } from './terminal/session.ts';
import { systemClock, type Clock } from './time/clock.ts';
import { Scheduler } from './time/scheduler.ts';

export interface GuestConfig {
  /** For session ids and logs. */
  instanceId?: string;
  /** Private IP (default network), e.g. "192.168.0.4"; the hostname derives from it. */
  privateIp: string;
  prefixLength?: number;
  macAddress?: string;
  /** Interfaces besides the first (eth1…): more network interfaces attached to the instance. */
  extraInterfaces?: { ip: string; prefixLength: number; mac: string }[];
  /** Base OS. May be omitted when `rootDisk` is given: it is then read from its /etc/os-release. */
  image?: OsImageId;
  /** Root disk size in GB (GiB, as OpenStack counts). */
  rootDiskGb: number;
  memoryMb?: number;
  vcpus?: number;
  /** OpenSSH public key of the key pair, installed for root at boot. */
  publicKey?: string;
  /** User data (cloud-init): on the instance's first boot a `#!/bin/bash` script runs as root. */
  userData?: string;
  /** Persisted root disk (an image or the instance's own disk). Omitted: a fresh public image. */
  rootDisk?: FilesystemSnapshot;
  clock?: Clock;
  /** Age after which dirty data is written back on `tick()` (Linux dirty_expire: 30 s). */
  writebackDelayMs?: number;
  randomUUID?: () => string;
}

export type PowerState = 'stopped' | 'running';

/** See `Guest.usage()`. */
export interface GuestUsage {
  running: boolean;
  vcpus: number;
  busyProcesses: number;
  disk: { bytesRead: number; bytesWritten: number; reads: number; writes: number };
}

/** Programs that run without waiting: each keeps one vCPU at 100 % while it runs. */
const CPU_BOUND_PROGRAMS = new Set(['yes']);
const programOf = (command: string): string => {
  const first = command.trim().split(/\s+/)[0] ?? '';
  return first.slice(first.lastIndexOf('/') + 1);
};

/**
 * The guest's directory tree as root sees it (every mount included), for file transfer from
 * outside the machine (SFTP, scp). Calls behave like a root process's system calls: writes go
 * through the write cache, respect each filesystem's space and read-only mounts, and fail with an
 * errno `FsError`. Paths are absolute. Content is UTF-8 text, like every file of the guest.
 */
export type GuestFiles = Omit<MountableFs, 'fsType' | 'statfs'>;

export interface BootReport {
  mounted: { device: string; target: string }[];
  /** fstab entries that could not be mounted (the engine may show them in the console log). */
  failed: FstabMountReport['failed'];
  consoleLog: string[];
}

export interface DeviceInfo {
  device: string;
  volumeId?: string;
  sizeBytes: number;
  mountPoint?: string;
  hasUnflushedWrites: boolean;
}

/**
 * A simulated Linux machine: one instance of the cloud. The engine creates
 * it from the instance's configuration, powers it with `boot()`/`halt()`,
 * attaches volumes, opens terminal sessions, drives its clock with `tick()`
 * and persists what the `GuestHost` callbacks hand over. It never touches
 * the real filesystem, network or processes of the host.
 */
export class Guest {
  readonly profile: OsProfile;
  readonly hostname: string;
  readonly network: NetworkIdentity;
  private readonly clock: Clock;
  private readonly scheduler: Scheduler;
  private readonly vfs = new Vfs();
  private readonly storage: StorageManager;
  private readonly processes: ProcessTable;
  private readonly ports: NetworkStack;
  private readonly commands: CommandRegistry;
  private readonly memory: MemoryInfo;
  private readonly system: GuestSystem;
  private readonly openSessions = new Map<string, Session>();
  private readonly randomUUID: () => string;
  private power: PowerState = 'stopped';
  private bootedAt = 0;
  private sessionCounter = 0;
  private lastLogin: { atMs: number; from: string } | null = null;
  /** What the last boot printed on the serial console before cloud-init's final stage. */
  private bootLog: string[] = [];
  private userScriptRunning = false;

  constructor(
    private readonly config: GuestConfig,
    private readonly host: GuestHost,
  ) {
    this.clock = config.clock ?? systemClock;
    this.randomUUID = config.randomUUID ?? (() => globalThis.crypto.randomUUID());
    const imageId = config.image ?? detectImage(config.rootDisk);
    this.profile = osProfile(imageId);
    this.hostname = hostnameFromIp(config.privateIp);
    this.network = {
      ip: config.privateIp,
      prefixLength: config.prefixLength ?? 24,
      mac: config.macAddress ?? macFromIp(config.privateIp),
      extra: [...(config.extraInterfaces ?? [])],
    };
    this.scheduler = new Scheduler(this.clock);
    this.processes = new ProcessTable(() => this.clock.now());
    this.ports = new NetworkStack(host, config.privateIp);
    this.commands = createCommandRegistry();
    this.storage = new StorageManager({
      vfs: this.vfs,
      host,
      now: () => this.clock.now(),
      generation: this.profile.generation,
      virtioMajor: this.profile.virtioMajor,
      randomUUID: this.randomUUID,
      writebackDelayMs: config.writebackDelayMs ?? 30_000,
      isPathInUse: (target) => this.isPathInUse(target),
    });
    const rootDisk =
      config.rootDisk ??
      provisionRootFilesystem(this.profile, { rootUuid: this.randomUUID(), now: () => this.clock.now() }).toSnapshot();
    this.storage.installRootDisk(config.rootDiskGb, rootDisk, swapUuidFor(rootDisk.uuid));
    const swap = this.storage.get('vda1');
    this.memory = memoryInfo(config.memoryMb ?? 1024, swap?.sizeBytes ?? 0);
    this.system = this.createSystem();
  }

  // --- power ------------------------------------------------------------------

  get state(): PowerState {
    return this.power;
  }

  /** Starts the OS: mounts the root disk, /dev, /dev/shm, /proc and the fstab entries; runs cloud-init. */
  /** The interfaces besides the first changed (one attached or detached while it runs). */
  setExtraInterfaces(interfaces: { ip: string; prefixLength: number; mac: string }[]): void {
    this.network.extra = [...interfaces];
  }

  boot(): BootReport {
    if (this.power === 'running') throw new Error('guest is already running');
    this.processes.reset();
    this.vfs.clear();
    this.storage.mountRoot();
    const now = () => this.clock.now();
    this.vfs.mount({ source: 'devtmpfs', target: '/dev', fs: createDevFs(this.storage, now), fsType: 'devtmpfs', options: 'rw,nosuid', pseudo: true });
    const shm = Filesystem.blank({ fsType: 'tmpfs', uuid: 'tmpfs', now });
    shm.setSpaceModel({ sizeBytes: shmSizeBytes(this.memory), metadataUsedBytes: 0, reservedBytes: 0 });
    this.vfs.mount({ source: 'tmpfs', target: '/dev/shm', fs: shm, fsType: 'tmpfs', options: 'rw,nosuid,nodev' });
    this.vfs.mount({
      source: 'proc',
      target: '/proc',
      fs: createProcFs({
        profile: this.profile,
        memory: this.memory,
        vcpus: this.config.vcpus ?? 1,
        vfs: this.vfs,
        bootedAtMs: () => this.bootedAt,
        now,
        hostname: () => this.hostname,
      }),
      fsType: 'proc',
      options: 'rw,nosuid,nodev,noexec,relatime',
      pseudo: true,
    });
    this.bootedAt = this.clock.now();
    this.power = 'running';
    applyInstanceMetadata(this.vfs, {
      hostname: this.hostname,
      ...(this.config.publicKey ? { publicKey: this.config.publicKey } : {}),
    });
    const fstab = this.storage.mountFstab();
    const userScript = this.config.userData ? prepareUserScript(this.vfs, this.config.instanceId ?? this.hostname, this.config.userData, new Date(this.clock.now()), this.profile) : null;
    if (userScript) this.runUserScript(userScript);
    const consoleLog = [
      ...fstab.mounted.map((m) => `[  OK  ] Mounted ${m.target}.`),
      ...fstab.failed.map((f) => `[FAILED] Failed to mount ${f.entry.target}.`),
      `${this.profile.prettyName}`,
      `Kernel ${this.profile.kernelRelease} on an x86_64`,
      '',
      `${this.hostname} login: `,
    ];
    this.bootLog = [...kernelMessages(this.profile, this.config, this.network.ip), ...consoleLog];
    return { mounted: fstab.mounted, failed: fstab.failed, consoleLog };
  }

  /** cloud-init's final stage: the user script runs as root; what it prints goes to the output log. */
  private runUserScript(script: string): void {
    const bootedAt = this.bootedAt;
    this.userScriptRunning = true;
    this.runCommand(`bash ${script} >> ${CLOUD_INIT_OUTPUT_LOG} 2>&1`).then(
      (result) => {
        if (this.bootedAt === bootedAt) this.userScriptRunning = false;
        if (this.power === 'running' && this.bootedAt === bootedAt) this.vfs.appendFile(CLOUD_INIT_OUTPUT_LOG, cloudInitFinished(new Date(this.clock.now()), result.exitCode));
      },
      () => {
        // The machine halted while the script ran: like a real one, it does not run it again.
        if (this.bootedAt === bootedAt) this.userScriptRunning = false;
      },
    );
  }

  /**
   * The serial console as `nova console-log` shows it: the kernel's and systemd's boot messages,
   * the login prompt, then what cloud-init's final stage printed (`/var/log/cloud-init-output.log`,
   * read live, so a running user script's output appears as it is written). Null when powered off.
   */
  consoleOutput(): string | null {
    if (this.power !== 'running') return null;
    let cloudInit = '';
    try {
      cloudInit = this.vfs.readFile(CLOUD_INIT_OUTPUT_LOG);
    } catch {
      // No user data ran: nothing from the final stage.
    }
    return `${this.bootLog.join('\n')}\n${cloudInit}`;
  }

  /** True while cloud-init's final stage runs the user data (the console log is still growing). */
  get runningUserData(): boolean {
    return this.power === 'running' && this.userScriptRunning;
  }

  /** Clean shutdown: processes end, sessions close, every filesystem is flushed and unmounted. */
  halt(): void {
    this.powerDown(true);
  }

  /** Power cut (force stop): like halt, but whatever sat in the write cache is lost. */
  powerCut(): void {
    this.powerDown(false);
  }

  /** Drives simulated time: timers (sleep, ping, shutdown +m) and write-back of dirty data. */
  tick(): void {
    this.scheduler.tick();
    if (this.power === 'running') this.storage.writeBack();
  }

  /** `sync` from the outside: flush every mounted filesystem now. */
  flush(): void {
    if (this.power === 'running') this.storage.syncAll();
  }

  // --- block devices ------------------------------------------------------------

  /** Hot-plugs a volume; returns its device path ("/dev/vdb"). `device` is a naming hint. */
  attachDevice(volume: VolumeAttachment, options: { device?: string } = {}): string {
    return devicePath(this.storage.attachVolume(volume, options.device).name);
  }

  /** Unplugs a volume by device path or volume id. Detaching while mounted loses unflushed writes. */
  detachDevice(deviceOrVolumeId: string): DetachResult {
    return this.storage.detach(deviceOrVolumeId);
  }

  /** For the console's "unmount first" warning. */
  isMounted(device: string): boolean {
    return this.storage.isMounted(device);
  }

  devices(): DeviceInfo[] {
    return this.storage.list().filter((d) => d.kind === 'disk').map((d) => this.describeDevice(d));
  }

  /** What the root disk holds (flushed content only): the source of images. */
  rootDiskSnapshot(): FilesystemSnapshot {
    const device = this.storage.get('vda2');
    if (device?.content.type !== 'ext4') throw new Error('root disk has no filesystem');
    return device.content.snapshot;
  }

  // --- sessions -------------------------------------------------------------------

  /** A login shell on a new pseudo-terminal (SSH or web console). */
  openSession(options: SessionOptions = {}): Session {
    this.assertRunning();
    const session = new Session({
      ...options,
      id: `${this.config.instanceId ?? this.hostname}-${++this.sessionCounter}`,
      tty: this.freeTty(),
      system: this.system,
      interactive: true,
      lastLogin: options.lastLogin === undefined ? this.lastLogin : options.lastLogin,
      onClosed: (closed) => this.openSessions.delete(closed.id),
    });
    this.lastLogin = { atMs: this.clock.now(), from: options.remoteIp ?? this.network.ip };
    this.openSessions.set(session.id, session);
    return session;
  }

  /** What runs now (`ps`'s table: command lines and working directories), daemons included. */
  processList(): ProcessInfo[] {
    return this.processes.list();
  }

  sessions(): Session[] {
    return [...this.openSessions.values()];
  }

  /**
   * Runs a command line non-interactively (like `ssh host 'cmd'`) in a fresh
   * shell in /root. Background jobs it starts keep running.
   */
  async runCommand(line: string): Promise<CommandResult> {
    this.assertRunning();
    const session = new Session({ id: `${this.hostname}-exec-${++this.sessionCounter}`, tty: '?', system: this.system, interactive: false });
    return session.runCommand(line);
  }

  /**
   * The filesystem as root sees it, for file transfer. Every call checks that the machine still
   * runs (after a halt the tree is gone), so a caller may keep the object for a whole transfer.
   */
  files(): GuestFiles {
    const vfs = (): Vfs => {
      this.assertRunning();
      return this.vfs;
    };
    return {
      stat: (path) => vfs().stat(path),
      readdir: (path) => vfs().readdir(path),
      readFile: (path) => vfs().readFile(path),
      writeFile: (path, data, options) => vfs().writeFile(path, data, options),
      mkdir: (path, mode) => vfs().mkdir(path, mode),
      rmdir: (path) => vfs().rmdir(path),
      unlink: (path) => vfs().unlink(path),
      rename: (from, to) => vfs().rename(from, to),
      chmod: (path, mode) => vfs().chmod(path, mode),
      setMtime: (path, mtimeMs) => vfs().setMtime(path, mtimeMs),
    };
  }

  // --- network -------------------------------------------------------------------

  /** Delivers an inbound HTTP request to whatever listens on `port`; null = connection refused. */
  deliverHttpRequest(port: number, request: InboundHttpRequest): Promise<HttpResponse | null> {
    return this.ports.deliver(port, request);
  }

  listeningPorts(): number[] {
    return this.ports.listening().map((b) => b.port);
  }

  /**
   * What the monitoring graphs sample: how many processes keep a CPU busy (a program that never
   * waits, such as `yes`), and the file reads and writes since the guest was created.
   */
  usage(): GuestUsage {
    const running = this.power === 'running';
    const busyProcesses = running ? this.processes.list().filter((p) => CPU_BOUND_PROGRAMS.has(programOf(p.command))).length : 0;
    return { running, vcpus: this.config.vcpus ?? 1, busyProcesses, disk: { ...this.vfs.io } };
  }

  // --- internals ---------------------------------------------------------------------

  private powerDown(clean: boolean): void {
    if (this.power === 'stopped') return;
    for (const session of [...this.openSessions.values()]) session.close();
    this.openSessions.clear();
    this.processes.reset();
    this.ports.closeAll();
    this.scheduler.clear();
    this.storage.releaseAll({ flush: clean });
    this.vfs.clear();
    this.power = 'stopped';
  }

  private assertRunning(): void {
    if (this.power !== 'running') throw new Error('guest is not running');
  }

  private freeTty(): string {
    const used = new Set([...this.openSessions.values()].map((s) => s.tty));
    let n = 0;
    while (used.has(`pts/${n}`)) n++;
    return `pts/${n}`;
  }

  private isPathInUse(target: string): boolean {
    const inside = (cwd: string): boolean => isWithin(cwd, target);
    if ([...this.openSessions.values()].some((s) => !s.isClosed && inside(s.cwd))) return true;
    return this.processes.usersOf(inside).length > 0;
  }

  private describeDevice(device: BlockDevice): DeviceInfo {
    const mountPoint = this.storage.mountPointOf(device.name);
    return {
      device: devicePath(device.name),
      ...(device.volumeId !== undefined ? { volumeId: device.volumeId } : {}),
      sizeBytes: device.sizeBytes,
      ...(mountPoint !== undefined ? { mountPoint } : {}),
      hasUnflushedWrites: this.storage.hasUnflushedWrites(device.name),
    };
  }

  private createSystem(): GuestSystem {
    return {
      profile: this.profile,
      hostname: this.hostname,
      network: this.network,
      memory: this.memory,
      vcpus: this.config.vcpus ?? 1,
      clock: this.clock,
      scheduler: this.scheduler,
      vfs: this.vfs,
      storage: this.storage,
      processes: this.processes,
      ports: this.ports,
      host: this.host,
      commands: this.commands,
      bootedAtMs: () => this.bootedAt,
      loggedInUsers: () => this.openSessions.size,
      requestPower: (action: PowerAction) => this.host.requestPowerAction(action),
      randomUUID: () => this.randomUUID(),
    };
  }
}

/** The first lines a Linux kernel prints on the serial console (ttyS0), with this machine's size. */
function kernelMessages(profile: OsProfile, config: GuestConfig, ip: string): string[] {
  const stamp = (seconds: number): string => `[${seconds.toFixed(6).padStart(12)}]`;
  const vcpus = config.vcpus ?? 1;
  return [
    `${stamp(0)} Linux version ${profile.kernelRelease} (mockbuild@builder) ${profile.kernelVersion}`,
    `${stamp(0)} Command line: BOOT_IMAGE=/boot/vmlinuz-${profile.kernelRelease} root=/dev/vda2 ro console=tty0 console=ttyS0,115200n8`,
    `${stamp(0)} Memory: ${(config.memoryMb ?? 1024) * 1024}K available`,
    `${stamp(0.012)} smpboot: Allowing ${vcpus} CPUs, 0 hotplug CPUs`,
    `${stamp(0.231)} smp: Brought up 1 node, ${vcpus} CPU${vcpus === 1 ? '' : 's'}`,
    `${stamp(1.104)} virtio_blk virtio2: [vda] ${config.rootDiskGb * 2097152} 512-byte logical blocks (${(config.rootDiskGb * 1.073741824).toFixed(1)} GB/${config.rootDiskGb}.0 GiB)`,
    `${stamp(2.318)} EXT4-fs (vda2): mounted filesystem with ordered data mode. Opts: (null)`,
    `[  OK  ] Started Initial cloud-init job (pre-networking).`,
    `[  OK  ] Reached target Network.`,
    `ci-info: +++++++++++++++++++++++Net device info+++++++++++++++++++++++`,
    `ci-info: | Device |  Up  |   Address    |      Mask     | Scope  |`,
    `ci-info: |  eth0  | True | ${ip.padEnd(12)} | 255.255.255.0 | global |`,
    `[  OK  ] Started Initial cloud-init job (metadata service crawler).`,
    `[  OK  ] Started OpenSSH server daemon.`,
  ];
}

function detectImage(rootDisk: FilesystemSnapshot | undefined): OsImageId {
  const osRelease = rootDisk?.entries.find((e) => e.path === '/etc/os-release');
  const detected = osRelease?.type === 'file' ? detectOsImage(osRelease.content) : undefined;
  if (!detected) throw new Error('GuestConfig.image is required (could not detect the OS of rootDisk)');
  return detected;
}
