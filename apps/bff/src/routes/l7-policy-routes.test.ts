import { describe, expect, it } from 'vitest';
import { computeTestApi } from '../test-support/compute-project.ts';

// The console's read-only view of a load balancer's L7 policies (made through Octavia's API).

describe('GET /load-balancers/:id/l7-policies', () => {
  it('lists each listener’s policies in position order with their rules and the redirect pool’s name', async () => {
    const api = await computeTestApi();
    const { client, base, engine, projectId } = api;
    const network = (await client.get(`${base}/networks`)).body.items[0] as { subnetId: string };
    const [web] = await api.createInstances({ name: 'web', count: 1, flavorId: 't2.c1m1' });
    engine.advance(5_000);
    const lb = (await client
      .post(`${base}/load-balancers`, {
        name: 'web-lb',
        subnetId: network.subnetId,
        listener: { protocol: 'HTTP', protocolPort: 80 },
        pool: { lbAlgorithm: 'ROUND_ROBIN', memberPort: 80, members: [{ instanceId: web!.id }], healthMonitor: { type: 'TCP', monitorPort: 80 } },
      })
      .expect(201)).body as { id: string; listeners: { id: string; pool: { id: string } }[] };
    engine.advance(5_000);
    const listenerId = lb.listeners[0]!.id;
    await client.get(`${base}/load-balancers/${lb.id}/l7-policies`).expect(200, { items: [] });

    const { l7, loadBalancers } = engine.modules;
    const images = loadBalancers.addPool(projectId, lb.id, { listenerId: null, protocol: 'HTTP', lbAlgorithm: 'ROUND_ROBIN', name: 'images' });
    engine.advance(1_000);
    const toImages = l7.createPolicy(projectId, { listenerId, name: 'images', action: 'REDIRECT_TO_POOL', redirectPoolId: images.id, rules: [{ type: 'PATH', compareType: 'STARTS_WITH', value: '/images' }] });
    engine.advance(1_000);
    const reject = l7.createPolicy(projectId, { listenerId, name: 'no-admin', action: 'REJECT', position: 1, rules: [{ type: 'HEADER', key: 'X-Admin', compareType: 'EQUAL_TO', value: 'yes', invert: true }] });
    engine.advance(1_000);

    const items = (await client.get(`${base}/load-balancers/${lb.id}/l7-policies`).expect(200)).body.items as Record<string, unknown>[];
    expect(items.map((item) => [item.position, item.id])).toEqual([
      [1, reject.id],
      [2, toImages.id],
    ]);
    expect(items[0]).toMatchObject({ action: 'REJECT', provisioningStatus: 'ACTIVE', adminStateUp: true, rules: [{ type: 'HEADER', key: 'X-Admin', compareType: 'EQUAL_TO', value: 'yes', invert: true }] });
    expect(items[1]).toMatchObject({ action: 'REDIRECT_TO_POOL', redirectPoolId: images.id, redirectPoolName: 'images', rules: [{ type: 'PATH', value: '/images', invert: false }] });
    await client.get(`${base}/load-balancers/nope/l7-policies`).expect(404);
  });
});
