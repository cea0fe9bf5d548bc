import { describe, expect, it } from 'vitest';
import { ManualClock } from '../core/clock.ts';
import { EventBus } from '../core/events.ts';
import { openDatabase } from '../store/database.ts';
import { ResourceStore } from '../store/resource-store.ts';
import { FlowLogService, type FlowRecord } from './flow-log-service.ts';

function service(retention = 3) {
  const clock = new ManualClock();
  const store = new ResourceStore(openDatabase(':memory:'), clock, new EventBus());
  return { clock, store, flowLogs: new FlowLogService(store, clock, retention) };
}

const flow = (instanceId: string, port: number, action: FlowRecord['action'] = 'DROP'): FlowRecord => ({
  instanceId,
  projectId: 'p',
  sourceIp: '103.243.200.42',
  sourcePort: 40_000 + port,
  destinationIp: '203.0.113.10',
  protocol: 'tcp',
  port,
  action,
  reasonCode: action === 'DROP' ? 'NO_MATCHING_RULE' : 'ALLOWED_BY_RULE',
  message: 'why',
});

describe('flow logs', () => {
  it('buffers entries and writes them in one go when read, newest first', () => {
    const { flowLogs, store, clock } = service();
    flowLogs.record(flow('i-1', 22));
    clock.advance(1_000);
    flowLogs.record(flow('i-1', 80, 'ACCEPT'));
    expect(store.flowLogs.count()).toBe(0);
    expect(flowLogs.list('i-1').map((entry) => [entry.port, entry.action, entry.at - Date.UTC(2026, 0, 1)])).toEqual([
      [80, 'ACCEPT', 1_000],
      [22, 'DROP', 0],
    ]);
  });

  it('keeps the last N entries of each instance and forgets a deleted instance', () => {
    const { flowLogs } = service(3);
    for (let port = 1; port <= 5; port++) flowLogs.record(flow('i-1', port));
    flowLogs.record(flow('i-2', 9));
    expect(flowLogs.list('i-1').map((entry) => entry.port)).toEqual([5, 4, 3]);
    expect(flowLogs.list('i-2')).toHaveLength(1);
    flowLogs.forget('i-1');
    expect(flowLogs.list('i-1')).toEqual([]);
  });
});
