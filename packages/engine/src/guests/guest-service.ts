import { Guest, type FilesystemSnapshot, type GuestFiles, type GuestHost, type HttpResponse, type InboundHttpRequest, type ProcessInfo, type Session } from '@sandcloud/guest';
import type { Clock } from '../core/clock.ts';
import { conflict } from '../core/errors.ts';
import type { Instance } from '../compute/instance.ts';
import type { InstanceService } from '../compute/instance-service.ts';
import type { Image } from '../images/image.ts';
import type { KeyPairService } from '../key-pairs/key-pair-service.ts';
import type { ResourceStore } from '../store/resource-store.ts';
import type { DiskContents } from './disk-contents.ts';
import { guestOsFor } from './guest-images.ts';
import type { GuestNetwork } from './guest-network.ts';

/** What the guest layer needs of block storage (kept narrow so the two modules stay apart). */
export interface AttachedDisks {
  attachmentsOf(instanceId: string): { volumeId: string; device: string; sizeGb: number; status: string; content: unknown }[];
  saveContent(volumeId: string, content: unknown): void;
  /** The root disk of an instance booted from a volume (its content lives with the volume). */
  bootDiskOf?(instanceId: string): { volumeId: string; content: unknown } | null;
}

export interface SessionOptions {
  remoteIp?: string;
  columns?: number;
  rows?: number;
}

/**
 * Runs the simulated Linux of every running instance. A guest boots when its instance becomes
 * ACTIVE (or, after a restart of Sandcloud, the first time it is needed), halts cleanly when the
 * instance stops, and is cut off when it is deleted. Disks are durable: the root disk's flushed
 * content lives in `disk_contents`, a volume's with the volume.
 */
export class GuestService {
  private readonly running = new Map<string, Guest>();
  private readonly listenWatchers = new Set<(instanceId: string) => void>();
  /** The console text of guests that stopped (kept in memory: Sandcloud's restart is a power cycle). */
  private readonly consoleLogs = new Map<string, string>();

  constructor(
    private readonly store: ResourceStore,
    private readonly clock: Clock,
    private readonly disks: DiskContents,
    private readonly deps: {
      instances: InstanceService;
      keyPairs: KeyPairService;
      volumes: AttachedDisks;
      network: GuestNetwork;
    },
  ) {}

  /** Calls back when an instance starts or stops listening on a port (the data plane binds it). */
  onListenChange(watcher: (instanceId: string) => void): () => void {
    this.listenWatchers.add(watcher);
    return () => this.listenWatchers.delete(watcher);
  }

  /** The running guest of an ACTIVE instance (or one waiting in VERIFY_RESIZE), booting it if Sandcloud restarted since. */
  guestOf(instance: Instance): Guest | undefined {
    if (instance.status !== 'ACTIVE' && !runsGuest(instance)) return undefined;
    return this.running.get(instance.id) ?? this.boot(instance);
  }

  /** The guest if it already runs (never boots one: the monitoring sampler only looks). */
  runningGuest(instanceId: string): Guest | undefined {
    return this.running.get(instanceId);
  }

  isSimulated(instance: Instance): boolean {
    return this.osOf(instance) !== null;
  }

  openSession(projectId: string, instanceId: string, options: SessionOptions = {}): Session {
    const instance = this.deps.instances.get(projectId, instanceId);
    if (!this.isSimulated(instance)) throw conflict(`Instance ${instance.name} runs ${instance.imageName}, which has no simulated console`).coded('instance.noConsole', { name: instance.name, image: instance.imageName });
    const guest = this.guestOf(instance);
    if (!guest) throw conflict(`Instance ${instance.name} is ${instance.taskState ?? instance.status}; start it to open a console`).coded('instance.notRunning', { name: instance.name, status: instance.taskState ?? instance.status });
    return guest.openSession(options);
  }

  async runCommand(projectId: string, instanceId: string, line: string) {
    const instance = this.deps.instances.get(projectId, instanceId);
    const guest = this.guestOf(instance);
    if (!guest) throw conflict(`Instance ${instance.name} is ${instance.status}; start it first`).coded('instance.notRunning', { name: instance.name, status: instance.status });
    return guest.runCommand(line);
  }

  /**
   * The running guest's filesystem as root sees it (mounted volumes included), for file transfer
   * (the data plane's SFTP and scp). Writes behave as a process's in the guest would.
   */
  filesOf(projectId: string, instanceId: string): GuestFiles {
    const instance = this.deps.instances.get(projectId, instanceId);
    const guest = this.guestOf(instance);
    if (!guest) throw conflict(`Instance ${instance.name} is ${instance.status}; start it first`).coded('instance.notRunning', { name: instance.name, status: instance.status });
    return guest.files();
  }

  /** An HTTP request arriving at the instance's port; null when nothing listens (connection refused). */
  async deliverHttp(instanceId: string, port: number, request: InboundHttpRequest): Promise<HttpResponse | null> {
    const instance = this.store.get<Instance>('instance', instanceId);
    const guest = instance ? this.guestOf(instance) : undefined;
    return guest ? guest.deliverHttpRequest(port, request) : null;
  }

  listeningPorts(instanceId: string): number[] {
    return this.running.get(instanceId)?.listeningPorts() ?? [];
  }

  /** Where a volume's device is mounted inside its instance, if it is (the console warns before detaching). */
  mountPointOf(instanceId: string, device: string): string | null {
    return this.running.get(instanceId)?.devices().find((d) => d.device === device)?.mountPoint ?? null;
  }

  /** The processes of a running guest (never boots one); empty when it does not run. */
  processesOf(instanceId: string): ProcessInfo[] {
    return this.running.get(instanceId)?.processList() ?? [];
  }

  /** The root disk as it is on disk now (flushed writes only): what an image captures. */
  rootDiskOf(instanceId: string): FilesystemSnapshot | undefined {
    return this.running.get(instanceId)?.rootDiskSnapshot() ?? this.disks.read(instanceId);
  }

  /** Drives the guests' time: timers (sleep, ping) and the write-back of dirty data. */
  tick(): void {
    for (const guest of this.running.values()) guest.tick();
  }

  // --- lifecycle, called by the instance and volume hooks ------------------------------

  /**
   * An instance's status changed: boot on ACTIVE, halt on leaving it (stop, reboot, resize,
   * rebuild). A resized instance that ran before runs again in VERIFY_RESIZE on its new flavor,
   * and keeps running while the resize is confirmed.
   */
  statusChanged(instance: Instance): void {
    if (runsGuest(instance)) {
      if (!this.running.has(instance.id)) this.boot(instance);
    } else {
      this.halt(instance.id);
    }
  }

  /** Hard reboot: the power goes at once; what sat in the write cache is lost, the disks stay. */
  /** An interface was attached or detached: the running guest's `ip addr` follows. */
  interfacesChanged(instance: Instance): void {
    this.running.get(instance.id)?.setExtraInterfaces(this.deps.network.extraInterfacesOf(instance));
  }

  powerCut(instance: Instance): void {
    const guest = this.running.get(instance.id);
    if (!guest) return;
    this.keepConsole(instance.id, guest);
    guest.powerCut();
    this.running.delete(instance.id);
    this.notifyListen(instance.id);
  }

  /** Rebuilt: the old root disk goes; the next boot writes the new image's (the guest is off meanwhile). */
  rebuilt(instance: Instance): void {
    this.halt(instance.id);
    this.disks.delete(instance.id);
    this.consoleLogs.delete(instance.id);
  }

  /**
   * The instance's serial console (`nova console-log`): boot messages and cloud-init's output while
   * the guest runs (read live); after it stopped, what it showed last. `lines` keeps the tail as Nova does.
   */
  consoleLog(projectId: string, instanceId: string, lines?: number): string {
    return this.consoleView(projectId, instanceId, lines).output;
  }

  /** The console log and whether it may still grow (the instance builds, or its user data runs). */
  consoleView(projectId: string, instanceId: string, lines?: number): { output: string; live: boolean } {
    const instance = this.deps.instances.get(projectId, instanceId);
    const guest = this.guestOf(instance);
    const text = guest?.consoleOutput() ?? this.consoleLogs.get(instance.id) ?? '';
    const live = instance.status === 'BUILD' || instance.status === 'REBUILD' || (guest?.runningUserData ?? false);
    if (lines === undefined) return { output: text, live };
    // Nova's tail (`_tail_log`): the last `lines` pieces of the text split at newlines, the empty
    // piece after a final newline included, so "a\nb\n" with 2 is "b\n" (Tempest counts this way).
    return { output: lines <= 0 ? '' : text.split('\n').slice(-lines).join('\n'), live };
  }

  /** Deleted: the guest is cut off and its root disk goes with it. */
  destroyed(instance: Instance): void {
    const guest = this.running.get(instance.id);
    if (guest) {
      for (const fact of this.deps.volumes.attachmentsOf(instance.id)) this.unplug(guest, fact.volumeId);
      guest.powerCut();
      this.running.delete(instance.id);
    }
    this.disks.delete(instance.id);
    this.consoleLogs.delete(instance.id);
  }

  volumeAttached(volume: { id: string; attachment: { instanceId: string; device: string } | null; sizeGb: number; content?: unknown }): void {
    const guest = volume.attachment ? this.running.get(volume.attachment.instanceId) : undefined;
    if (!guest || !volume.attachment) return;
    guest.attachDevice({ volumeId: volume.id, sizeGb: volume.sizeGb, content: (volume.content ?? null) as FilesystemSnapshot | null }, { device: volume.attachment.device });
  }

  /** The device disappears: what was flushed stays with the volume; the write cache is lost. */
  volumeDetaching(volume: { id: string; attachment: { instanceId: string } | null }): void {
    const guest = volume.attachment ? this.running.get(volume.attachment.instanceId) : undefined;
    if (guest) this.unplug(guest, volume.id);
  }

  private unplug(guest: Guest, volumeId: string): void {
    try {
      const result = guest.detachDevice(volumeId);
      if (result.content) this.deps.volumes.saveContent(volumeId, result.content);
    } catch {
      // The device was never plugged in (attached while the guest was off): nothing to unplug.
    }
  }

  private osOf(instance: Instance) {
    const image = this.store.get<Image>('image', instance.imageId);
    return image ? guestOsFor(image) : instance.imageName.toLowerCase().includes('windows') ? null : 'centos-7';
  }

  private boot(instance: Instance): Guest | undefined {
    const os = this.osOf(instance);
    if (!os || !instance.portId) return undefined;
    const port = this.deps.network.portOf(instance);
    if (!port) return undefined;
    const bootDisk = this.deps.volumes.bootDiskOf?.(instance.id) ?? null;
    const stored = bootDisk
      ? ((bootDisk.content ?? undefined) as FilesystemSnapshot | undefined)
      : (this.disks.read(instance.id) ?? (this.imageDisk(instance.imageId) as FilesystemSnapshot | undefined));
    const publicKey = instance.projectId ? this.deps.keyPairs.findByName(instance.projectId, instance.keyName)?.publicKey : undefined;
    const guest = new Guest(
      {
        instanceId: instance.id,
        privateIp: port.fixedIp,
        prefixLength: this.deps.network.prefixOf(port),
        extraInterfaces: this.deps.network.extraInterfacesOf(instance),
        rootDiskGb: instance.rootDiskGb,
        memoryMb: instance.ramMb,
        vcpus: instance.vcpus,
        clock: this.clock,
        ...(stored ? { rootDisk: stored } : { image: os }),
        ...(publicKey ? { publicKey } : {}),
        ...(instance.userData ? { userData: instance.userData } : {}),
      },
      this.hostFor(instance),
    );
    for (const fact of this.deps.volumes.attachmentsOf(instance.id)) {
      if (fact.status === 'in-use' || fact.status === 'detaching' || fact.status === 'extending') {
        guest.attachDevice({ volumeId: fact.volumeId, sizeGb: fact.sizeGb, content: (fact.content ?? null) as FilesystemSnapshot | null }, { device: fact.device });
      }
    }
    this.running.set(instance.id, guest);
    guest.boot();
    if (bootDisk) this.deps.volumes.saveContent(bootDisk.volumeId, guest.rootDiskSnapshot());
    else this.disks.write(instance.id, guest.rootDiskSnapshot());
    return guest;
  }

  private halt(instanceId: string): void {
    const guest = this.running.get(instanceId);
    if (!guest) return;
    this.keepConsole(instanceId, guest);
    guest.halt();
    this.running.delete(instanceId);
    this.notifyListen(instanceId);
  }

  /** A private image carries the captured root disk; a public one boots a fresh OS. */
  private imageDisk(imageId: string): unknown {
    return this.store.get<Image>('image', imageId)?.rootDiskSnapshot ?? undefined;
  }

  private hostFor(instance: Instance): GuestHost {
    const id = instance.id;
    const current = () => this.store.get<Instance>('instance', id);
    return {
      // Booted from a volume: the root disk's writes land on the volume.
      persistRootDisk: (snapshot) => {
        const bootDisk = this.deps.volumes.bootDiskOf?.(id);
        if (bootDisk) this.deps.volumes.saveContent(bootDisk.volumeId, snapshot);
        else this.disks.write(id, snapshot);
      },
      persistVolume: (volumeId, snapshot) => this.deps.volumes.saveContent(volumeId, snapshot),
      requestPowerAction: (action) => {
        // Run after the command returns: the power change halts this very guest.
        setImmediate(() => {
          const now = current();
          if (!now?.projectId) return;
          try {
            if (action === 'stop') this.deps.instances.stop(now.projectId, id);
            else this.deps.instances.reboot(now.projectId, id);
          } catch {
            // Already stopping or gone: the request is moot.
          }
        });
      },
      listen: () => {
        queueMicrotask(() => this.notifyListen(id));
        return { close: () => queueMicrotask(() => this.notifyListen(id)) };
      },
      ping: (ip) => {
        const now = current();
        return now ? this.deps.network.ping(now, ip) : Promise.resolve({ kind: 'timeout' as const });
      },
      httpRequest: (request) => {
        const now = current();
        if (!now) return Promise.reject(new Error('instance is gone'));
        return this.deps.network.http(now, request);
      },
    };
  }

  private keepConsole(instanceId: string, guest: Guest): void {
    const text = guest.consoleOutput();
    if (text !== null) this.consoleLogs.set(instanceId, text);
  }

  private notifyListen(instanceId: string): void {
    for (const watcher of this.listenWatchers) watcher(instanceId);
  }
}

/** Whether the instance's machine is powered on: ACTIVE, or waiting in VERIFY_RESIZE after a resize of a running one. */
function runsGuest(instance: Instance): boolean {
  if (instance.status === 'ACTIVE') return !instance.taskState;
  return instance.status === 'VERIFY_RESIZE' && instance.powerState === 'RUNNING' && (instance.taskState === null || instance.taskState === 'resize_confirming');
}
