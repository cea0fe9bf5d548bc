import { SyntheticFs, type SyntheticNode } from '../filesystem/synthetic-fs.ts';
import type { Vfs } from '../filesystem/vfs.ts';
import type { StorageManager } from '../storage/storage-manager.ts';
import type { MemoryInfo } from './memory.ts';
import type { OsProfile } from './os-profiles.ts';

const dir = (children: () => Record<string, SyntheticNode>, mode = 0o755): SyntheticNode => ({ type: 'dir', mode, children });
const file = (read: () => string, mode = 0o444): SyntheticNode => ({ type: 'file', mode, read });

/** /dev: the attached block devices (live), plus the usual character devices. */
export function createDevFs(storage: StorageManager, now: () => number): SyntheticFs {
  const discard = (): void => undefined;
  return new SyntheticFs(
    'devtmpfs',
    () =>
      dir(() => {
        const nodes: Record<string, SyntheticNode> = {
          null: { type: 'chardev', mode: 0o666, rdev: { major: 1, minor: 3 }, read: () => '', write: discard },
          zero: { type: 'chardev', mode: 0o666, rdev: { major: 1, minor: 5 }, read: () => '', write: discard },
          random: { type: 'chardev', mode: 0o666, rdev: { major: 1, minor: 8 }, read: () => '' },
          urandom: { type: 'chardev', mode: 0o666, rdev: { major: 1, minor: 9 }, read: () => '' },
          tty: { type: 'chardev', mode: 0o666, gid: 5, rdev: { major: 5, minor: 0 }, read: () => '', write: discard },
          console: { type: 'chardev', mode: 0o600, rdev: { major: 5, minor: 1 }, write: discard },
          shm: dir(() => ({}), 0o1777),
          pts: dir(() => ({})),
        };
        for (const device of storage.list()) {
          nodes[device.name] = { type: 'blockdev', mode: 0o660, gid: 6, rdev: { major: device.major, minor: device.minor } };
        }
        return nodes;
      }),
    now,
  );
}

export interface ProcFsSources {
  profile: OsProfile;
  memory: MemoryInfo;
  vcpus: number;
  vfs: Vfs;
  bootedAtMs: () => number;
  now: () => number;
  hostname: () => string;
}

/** /proc: the handful of files people `cat` (meminfo, cpuinfo, mounts, uptime, version, loadavg). */
export function createProcFs(sources: ProcFsSources): SyntheticFs {
  const { memory } = sources;
  const kb = (n: number): string => `${String(n).padStart(8)} kB`;
  const cpuinfo = (): string =>
    Array.from({ length: sources.vcpus }, (_, i) =>
      [
        `processor\t: ${i}`,
        'vendor_id\t: GenuineIntel',
        'cpu family\t: 6',
        'model\t\t: 85',
        'model name\t: Intel Xeon Processor (Skylake, IBRS)',
        'cpu MHz\t\t: 2394.374',
        'cache size\t: 16384 KB',
        `cpu cores\t: ${sources.vcpus}`,
        'flags\t\t: fpu vme de pse tsc msr pae mce cx8 apic sep mtrr pge mca cmov pat pse36 clflush mmx fxsr sse sse2 ss syscall nx pdpe1gb rdtscp lm constant_tsc rep_good nopl xtopology eagerfpu pni pclmulqdq ssse3 fma cx16 pcid sse4_1 sse4_2 x2apic movbe popcnt tsc_deadline_timer aes xsave avx f16c rdrand hypervisor lahf_lm abm 3dnowprefetch',
        '',
      ].join('\n'),
    ).join('\n');
  return new SyntheticFs(
    'proc',
    () =>
      dir(
        () => ({
          meminfo: file(
            () =>
              `MemTotal:       ${kb(memory.totalKb)}\nMemFree:        ${kb(memory.freeKb)}\nMemAvailable:   ${kb(memory.availableKb)}\n` +
              `Buffers:        ${kb(2108)}\nCached:         ${kb(memory.buffCacheKb - 2108)}\nSwapTotal:      ${kb(memory.swapTotalKb)}\nSwapFree:       ${kb(memory.swapTotalKb)}\nShmem:          ${kb(memory.sharedKb)}\n`,
          ),
          cpuinfo: file(cpuinfo),
          version: file(
            () =>
              `Linux version ${sources.profile.kernelRelease} (mockbuild@builder) (gcc version 4.8.5) ${sources.profile.kernelVersion}\n`,
          ),
          uptime: file(() => {
            const up = Math.max(0, (sources.now() - sources.bootedAtMs()) / 1000);
            return `${up.toFixed(2)} ${(up * 0.97 * sources.vcpus).toFixed(2)}\n`;
          }),
          loadavg: file(() => '0.00 0.01 0.05 1/92 1234\n'),
          mounts: file(() =>
            sources.vfs
              .mounts()
              .map((m) => `${m.source === '/dev/root' ? m.source : m.source} ${m.target} ${m.fsType} ${m.options} 0 0\n`)
              .join(''),
          ),
          sys: dir(() => ({
            kernel: dir(() => ({ hostname: file(() => `${sources.hostname()}\n`, 0o644) })),
          })),
        }),
        0o555,
      ),
    sources.now,
  );
}
