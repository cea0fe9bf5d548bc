import { describe, expect, it } from 'vitest';
import { activeInstance } from '../testing/test-world.ts';

describe('extra fixed IPs of a port', () => {
  it("are refused on an instance's port (a guest's interface has one address), coded", () => {
    const { world, projectId, get } = activeInstance();
    const portId = get().portId!;
    expect(() => world.m.network.setExtraFixedIps(projectId, portId, [{}])).toThrow(expect.objectContaining({ code: 'CONFLICT', messageCode: 'network.oneAddressPerInterface' }) as Error);
    expect(world.m.network.getPort(portId)!.extraFixedIps).toBeUndefined();
  });

  it('are reserved, and freed when replaced', () => {
    const { world, projectId } = activeInstance();
    const { network } = world.m;
    const net = network.networks(projectId)[0]!;
    const create = (input: Parameters<typeof network.createPort>[0]) => network.transaction(() => network.createPort(input));
    const port = create({ projectId, networkId: net.id, name: 'spare', deviceOwner: '', deviceId: '', securityGroupIds: [] });
    const withTwo = network.setExtraFixedIps(projectId, port.id, [{}]);
    const extra = withTwo.extraFixedIps![0]!.ip;
    expect(extra).not.toBe(port.fixedIp);
    expect(() => create({ projectId, networkId: net.id, fixedIp: extra, name: 'x', deviceOwner: '', deviceId: '', securityGroupIds: [] })).toThrow(/already used/);
    network.setExtraFixedIps(projectId, port.id, []);
    const reuse = create({ projectId, networkId: net.id, fixedIp: extra, name: 'y', deviceOwner: '', deviceId: '', securityGroupIds: [] });
    expect(reuse.fixedIp).toBe(extra);
    // The first address stayed the port's.
    expect(() => create({ projectId, networkId: net.id, fixedIp: port.fixedIp, name: 'z', deviceOwner: '', deviceId: '', securityGroupIds: [] })).toThrow(/already used/);
  });
});
