import { INSTANCE_METRICS, type InstanceMetric } from '@sandcloud/domain';
import type { Guest } from '@sandcloud/guest';
import type { Instance } from '../compute/instance.ts';
import type { Clock } from '../core/clock.ts';
import { notFound } from '../core/errors.ts';
import type { Member } from '../load-balancers/load-balancer.ts';
import type { Store } from '../store/kinds.ts';
import { RingSeries } from './ring-series.ts';

/** A connection the data plane carries to an instance: Node's `net.Socket` fits. */
export interface CountedSocket {
  readonly bytesRead: number;
  readonly bytesWritten: number;
  once(event: 'close', listener: () => void): unknown;
}

/** Seconds between samples, and how many make the hour the graphs show. */
export const METRICS_INTERVAL_MS = 5_000;
const HOUR_MS = 60 * 60 * 1000;
/** Packets are estimated from bytes with a full Ethernet TCP segment (MSS 1448) as the unit. */
const SEGMENT_BYTES = 1448;


interface NetCounter {
  bytesIn: number;
  bytesOut: number;
  packetsIn: number;
  packetsOut: number;
  live: Map<CountedSocket, { read: number; written: number }>;
}

interface Totals {
  netIn: number;
  netOut: number;
  pktIn: number;
  pktOut: number;
  diskRead: number;
  diskWrite: number;
}

export interface MetricsDeps {
  guestOf(instance: Instance): Guest | undefined;
}

/**
 * The monitoring graphs: every few seconds, a sample per instance (CPU from the guest's busy
 * processes, network bytes and packets per second from the data plane's connections, disk bytes
 * per second from the guest's file system) and per load balancer (requests per second and health
 * of each member), kept in memory for the last hour in ring buffers. Nothing is written to the
 * store: after a restart the graphs start again.
 */
export class MetricsService {
  private readonly net = new Map<string, NetCounter>();
  private readonly lastTotals = new Map<string, Totals>();
  private readonly instanceSeries = new Map<string, RingSeries>();
  private readonly lbSeries = new Map<string, RingSeries>();
  private readonly memberRequests = new Map<string, number>();
  private lastSampleAt: number | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly capacity: number;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly deps: MetricsDeps,
    readonly intervalMs = METRICS_INTERVAL_MS,
  ) {
    this.capacity = Math.ceil(HOUR_MS / intervalMs);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The data plane's hook: a connection it carries to the instance (counted until it closes). */
  trackConnection(instanceId: string, socket: CountedSocket): void {
    const counter = this.counterOf(instanceId);
    counter.live.set(socket, { read: socket.bytesRead, written: socket.bytesWritten });
    socket.once('close', () => {
      this.collect(counter, socket);
      counter.live.delete(socket);
    });
  }

  /** The data plane's hook: requests a load balancer sent to a member since its last report. */
  countMemberRequests(memberId: string, count: number): void {
    this.memberRequests.set(memberId, (this.memberRequests.get(memberId) ?? 0) + count);
  }

  /** Takes one sample of every instance and load balancer (the timer's work; tests call it). */
  sample(): void {
    const now = this.clock.now();
    const seconds = this.lastSampleAt === null ? this.intervalMs / 1000 : Math.max(0.001, (now - this.lastSampleAt) / 1000);
    this.lastSampleAt = now;
    const seen = new Set<string>();
    for (const instance of this.store.view('instance')) {
      seen.add(instance.id);
      this.sampleInstance(instance, now, seconds);
    }
    for (const id of [...this.instanceSeries.keys()]) {
      if (!seen.has(id)) {
        this.instanceSeries.delete(id);
        this.lastTotals.delete(id);
        this.net.delete(id);
      }
    }
    const lbs = new Set<string>();
    for (const lb of this.store.view('load-balancer')) {
      lbs.add(lb.id);
      this.sampleLoadBalancer(lb.id, now, seconds);
    }
    for (const id of [...this.lbSeries.keys()]) if (!lbs.has(id)) this.lbSeries.delete(id);
    this.memberRequests.clear();
  }

  /** An instance's series of the last hour (or since `since`). */
  instance(projectId: string, instanceId: string, since?: number): { intervalSeconds: number; times: number[]; values: Record<InstanceMetric, (number | null)[]> } {
    const instance = this.store.get('instance', instanceId);
    if (!instance || instance.projectId !== projectId) throw notFound('instance', instanceId);
    const series = this.instanceSeries.get(instanceId) ?? new RingSeries(1);
    return { intervalSeconds: this.intervalMs / 1000, ...series.columns(INSTANCE_METRICS, since) };
  }

  /** A load balancer's series: `requests:<member id>` per second and `health:<member id>` (1 ONLINE, 0 not). */
  loadBalancer(projectId: string, loadBalancerId: string, since?: number) {
    const lb = this.store.get('load-balancer', loadBalancerId);
    if (!lb || lb.projectId !== projectId) throw notFound('load balancer', loadBalancerId);
    const members = this.membersOf(loadBalancerId);
    const fields = members.flatMap((m) => [`requests:${m.id}`, `health:${m.id}`]);
    const series = this.lbSeries.get(loadBalancerId) ?? new RingSeries(1);
    return {
      intervalSeconds: this.intervalMs / 1000,
      members: members.map((m) => ({ id: m.id, name: m.name, address: m.address, port: m.protocolPort })),
      ...series.columns(fields, since),
    };
  }

  private sampleInstance(instance: Instance, now: number, seconds: number): void {
    const guest = instance.status === 'ACTIVE' ? this.deps.guestOf(instance) : undefined;
    const usage = guest?.usage();
    const counter = this.net.get(instance.id);
    if (counter) for (const socket of counter.live.keys()) this.collect(counter, socket);
    const totals: Totals = {
      netIn: counter?.bytesIn ?? 0,
      netOut: counter?.bytesOut ?? 0,
      pktIn: counter?.packetsIn ?? 0,
      pktOut: counter?.packetsOut ?? 0,
      diskRead: usage?.disk.bytesRead ?? 0,
      diskWrite: usage?.disk.bytesWritten ?? 0,
    };
    // Network counters start at zero when the first connection is tracked; the disk's count from the guest's boot.
    const last = this.lastTotals.get(instance.id) ?? { ...totals, netIn: 0, netOut: 0, pktIn: 0, pktOut: 0 };
    this.lastTotals.set(instance.id, totals);
    // A guest that was re-created (a restart of Sandcloud) counts its disk from zero again.
    const rate = (now: number, before: number) => Math.max(0, now - before) / seconds;
    const cpu = usage?.running ? Math.min(100, 1 + (100 * usage.busyProcesses) / Math.max(1, usage.vcpus)) : 0;
    let series = this.instanceSeries.get(instance.id);
    if (!series) this.instanceSeries.set(instance.id, (series = new RingSeries(this.capacity)));
    series.push({
      at: now,
      values: {
        cpuPercent: round(cpu),
        netInBytes: round(rate(totals.netIn, last.netIn)),
        netOutBytes: round(rate(totals.netOut, last.netOut)),
        netInPackets: round(rate(totals.pktIn, last.pktIn)),
        netOutPackets: round(rate(totals.pktOut, last.pktOut)),
        diskReadBytes: round(rate(totals.diskRead, last.diskRead)),
        diskWriteBytes: round(rate(totals.diskWrite, last.diskWrite)),
      },
    });
  }

  private sampleLoadBalancer(loadBalancerId: string, now: number, seconds: number): void {
    const values: Record<string, number> = {};
    for (const member of this.membersOf(loadBalancerId)) {
      values[`requests:${member.id}`] = round((this.memberRequests.get(member.id) ?? 0) / seconds);
      values[`health:${member.id}`] = member.operatingStatus === 'ONLINE' ? 1 : 0;
    }
    let series = this.lbSeries.get(loadBalancerId);
    if (!series) this.lbSeries.set(loadBalancerId, (series = new RingSeries(this.capacity)));
    series.push({ at: now, values });
  }

  private membersOf(loadBalancerId: string): Member[] {
    return this.store.findBy('lb-member', 'loadBalancerId', loadBalancerId);
  }

  private counterOf(instanceId: string): NetCounter {
    let counter = this.net.get(instanceId);
    if (!counter) this.net.set(instanceId, (counter = { bytesIn: 0, bytesOut: 0, packetsIn: 0, packetsOut: 0, live: new Map() }));
    return counter;
  }

  private collect(counter: NetCounter, socket: CountedSocket): void {
    const seen = counter.live.get(socket);
    if (!seen) return;
    const read = socket.bytesRead - seen.read;
    const written = socket.bytesWritten - seen.written;
    counter.bytesIn += read;
    counter.bytesOut += written;
    counter.packetsIn += Math.ceil(read / SEGMENT_BYTES);
    counter.packetsOut += Math.ceil(written / SEGMENT_BYTES);
    seen.read = socket.bytesRead;
    seen.written = socket.bytesWritten;
  }
}

const round = (value: number) => Math.round(value * 100) / 100;
