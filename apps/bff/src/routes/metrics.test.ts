import { describe, expect, it } from 'vitest';
import { computeTestApi } from '../test-support/compute-project.ts';

describe('GET /instances/:id/metrics', () => {
  it('answers the sampled series, only newer ones with since, and refuses a bad since', async () => {
    const { engine, client, base, createInstances } = await computeTestApi();
    const [web] = await createInstances();
    engine.advance(5_000);
    engine.modules.metrics.sample();
    engine.advance(5_000);
    engine.modules.metrics.sample();
    const all = (await client.get(`${base}/instances/${web.id}/metrics`).expect(200)).body;
    expect(all.intervalSeconds).toBe(5);
    expect(all.times).toHaveLength(2);
    expect(Object.keys(all.values)).toEqual(['cpuPercent', 'netInBytes', 'netOutBytes', 'netInPackets', 'netOutPackets', 'diskReadBytes', 'diskWriteBytes']);
    const newer = (await client.get(`${base}/instances/${web.id}/metrics?since=${all.times[1]}`).expect(200)).body;
    expect(newer.times).toEqual([all.times[1]]);
    expect((await client.get(`${base}/instances/${web.id}/metrics?since=soon`).expect(400)).body.error).toMatchObject({ field: 'since' });
    await client.get(`${base}/instances/nope/metrics`).expect(404);
    await client.get(`${base}/load-balancers/nope/metrics`).expect(404);
  });
});
