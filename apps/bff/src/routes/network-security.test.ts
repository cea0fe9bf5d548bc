import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMAGES, prepareComputeProject } from '../test-support/compute-project.ts';
import { activatedProject, createTestApi, login } from '../test-support/test-api.ts';

async function setup() {
  const api = createTestApi();
  const client = await login(api.app);
  const projectId = await activatedProject(client);
  const base = `/projects/${projectId}`;
  const defaultGroup = (await client.get(`${base}/security-groups`)).body.items[0];
  return { ...api, client, projectId, base, defaultGroupId: defaultGroup.id as string };
}

describe('key pairs', () => {
  it('downloads the private key once, as NAME.pem, and ssh-keygen agrees with the console', async () => {
    const { client, base } = await setup();
    for (const algorithm of ['rsa', 'ed25519']) {
      const response = await client.post(`${base}/key-pairs`, { name: `key_${algorithm}`, algorithm }).buffer(true).parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => done(null, text));
      });
      expect(response.status).toBe(201);
      expect(response.headers['content-disposition']).toBe(`attachment; filename="key_${algorithm}.pem"`);
      expect(response.headers['cache-control']).toBe('no-store');
      const dir = mkdtempSync(join(tmpdir(), 'sandcloud-key-'));
      const pem = join(dir, `key_${algorithm}.pem`);
      writeFileSync(pem, response.body as string, { mode: 0o400 });
      const listed = (await client.get(`${base}/key-pairs`)).body.items.find((k: { name: string }) => k.name === `key_${algorithm}`);
      const derived = execFileSync('ssh-keygen', ['-y', '-f', pem]).toString().trim().split(' ').slice(0, 2).join(' ');
      expect(listed.publicKey.split(' ').slice(0, 2).join(' ')).toBe(derived);
      expect(execFileSync('ssh-keygen', ['-l', '-f', pem]).toString()).toContain(listed.fingerprint);
      expect(JSON.stringify(listed)).not.toContain('PRIVATE KEY');
    }
  });

  it('refuses bad names, duplicates and bad public keys', async () => {
    const { client, base } = await setup();
    const badName = await client.post(`${base}/key-pairs`, { name: 'my key!' }).expect(400);
    expect(badName.body.error.field).toBe('name');
    await client.post(`${base}/key-pairs`, { name: 'k'.repeat(256) }).expect(400);
    await client.post(`${base}/key-pairs`, { name: 'dup', algorithm: 'ed25519' }).expect(201);
    const dup = await client.post(`${base}/key-pairs`, { name: 'dup', algorithm: 'ed25519' }).expect(409);
    expect(dup.body.error.message).toMatch(/already exists/);
    const garbage = await client.post(`${base}/key-pairs/import`, { name: 'imp', publicKey: 'hello' }).expect(400);
    expect(garbage.body.error.field).toBe('publicKey');
    const priv = await client.post(`${base}/key-pairs/import`, { name: 'imp', publicKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----' }).expect(400);
    expect(priv.body.error.message).toMatch(/private key/);
  });
});

describe('security groups and rules', () => {
  const rule = (overrides: object = {}) => ({ direction: 'ingress', etherType: 'IPv4', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '0.0.0.0/0', ...overrides });

  it('the default group allows egress and ingress only from its own members', async () => {
    const { client, base } = await setup();
    const group = (await client.get(`${base}/security-groups`)).body.items[0];
    expect(group.name).toBe('default');
    expect(group.rules.map((r: { summary: string }) => r.summary).sort()).toEqual([
      'Egress IPv4 any protocol to 0.0.0.0/0',
      'Egress IPv6 any protocol to ::/0',
      'Ingress IPv4 any protocol from members of default',
      'Ingress IPv6 any protocol from members of default',
    ]);
  });

  it('validates rules: ports, ranges, CIDRs with host bits, family, duplicates', async () => {
    const { client, base, defaultGroupId } = await setup();
    const url = `${base}/security-groups/${defaultGroupId}/rules`;
    const cases: [object, string, RegExp][] = [
      [{ portRangeMin: 0, portRangeMax: 0 }, 'portRangeMin', /1.*65535/],
      [{ portRangeMin: 70000, portRangeMax: 70000 }, 'portRangeMin', /65535/],
      [{ portRangeMin: 90, portRangeMax: 80 }, 'portRangeMax', /./],
      [{ remoteIpPrefix: '10.0.0.5/24' }, 'remoteIpPrefix', /did you mean 10\.0\.0\.0\/24/],
      [{ remoteIpPrefix: 'not-a-cidr' }, 'remoteIpPrefix', /./],
      [{ etherType: 'IPv6' }, 'remoteIpPrefix', /IPv4 CIDR/],
    ];
    for (const [overrides, field, message] of cases) {
      const response = await client.post(url, rule(overrides)).expect(400);
      expect(response.body.error.field, JSON.stringify(overrides)).toBe(field);
      expect(response.body.error.message).toMatch(message);
    }
    await client.post(url, rule()).expect(201);
    const duplicate = await client.post(url, rule()).expect(409);
    expect(duplicate.body.error.message).toMatch(/already has this rule/);
  });

  it('creates, renames and deletes groups; refuses deleting default or one in use', async () => {
    const { client, base, defaultGroupId } = await setup();
    const web = (await client.post(`${base}/security-groups`, { name: 'web', description: 'HTTP' }).expect(201)).body;
    await client.post(`${base}/security-groups`, { name: 'web' }).expect(409);
    await client.patch(`${base}/security-groups/${web.id}`, { name: 'web-servers' }).expect(200);
    await client.delete(`${base}/security-groups/${defaultGroupId}`).expect(409);
    await client.delete(`${base}/security-groups/${web.id}`).expect(204);
  });
});

describe('floating IPs and reachability', () => {
  it('walks the guide: ping times out, ALL ICMP makes it answer, SSH and HTTP open with their rules', async () => {
    const { client, base, engine, projectId, defaultGroupId } = await setup();
    const [instance] = await (await prepareComputeProject(client, projectId)).createInstances({ imageId: IMAGES.centos7 });
    engine.advance(5_000);
    const test = async (kind: string) => (await client.post(`${base}/instances/${instance.id}/connectivity-test`, { test: kind }).expect(200)).body;

    expect((await test('ping')).reason.code).toBe('NO_FLOATING_IP');

    const attachable = (await client.get(`${base}/ports/attachable`)).body.items;
    expect(attachable).toEqual([expect.objectContaining({ deviceName: 'web', fixedIp: '192.168.0.4', hasFloatingIp: false })]);
    const fip = (await client.post(`${base}/floating-ips`).expect(201)).body;
    await client.post(`${base}/floating-ips/${fip.id}/associate`, { portId: instance.portId }).expect(200);

    const blocked = await test('ping');
    expect(blocked).toMatchObject({ allowed: false, reason: { code: 'NO_MATCHING_RULE' } });
    expect(blocked.transcript.join('\n')).toMatch(/100% packet loss/);

    const rules = `${base}/security-groups/${defaultGroupId}/rules`;
    await client.post(rules, { direction: 'ingress', protocol: 'icmp', remoteIpPrefix: '0.0.0.0/0' }).expect(201);
    const answered = await test('ping');
    expect(answered.allowed).toBe(true);
    expect(answered.transcript.join('\n')).toMatch(/0% packet loss/);
    expect(answered.transcript[1]).toMatch(new RegExp(`64 bytes from ${fip.address.replace(/\./g, '\\.')}`));
    expect(answered.reason.rule.summary).toBe('Ingress IPv4 ICMP from 0.0.0.0/0');

    expect((await test('ssh')).allowed).toBe(false);
    await client.post(rules, { direction: 'ingress', protocol: 'tcp', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '0.0.0.0/0' }).expect(201);
    expect((await test('ssh')).allowed).toBe(true);
    expect((await test('http')).allowed).toBe(false);
    const http = (await client.post(rules, { direction: 'ingress', protocol: 'tcp', portRangeMin: 80, portRangeMax: 80, remoteIpPrefix: '0.0.0.0/0' }).expect(201)).body;
    expect((await test('http')).allowed).toBe(true);

    // The verdict follows the rules the moment they change.
    const httpRule = http.rules.find((r: { portRangeMin: number }) => r.portRangeMin === 80);
    await client.delete(`${rules}/${httpRule.id}`).expect(204);
    expect((await test('http')).allowed).toBe(false);

    await client.post(`${base}/instances/${instance.id}/actions`, { action: 'stop' }).expect(202);
    engine.advance(3_000);
    expect((await test('ssh')).reason.code).toBe('INSTANCE_NOT_RUNNING');
  });

  it('one floating IP per port; quota; release', async () => {
    const { client, base } = await setup();
    const ips = [];
    for (let n = 0; n < 10; n++) ips.push((await client.post(`${base}/floating-ips`).expect(201)).body);
    expect(new Set(ips.map((ip) => ip.address)).size).toBe(10);
    const over = await client.post(`${base}/floating-ips`).expect(409);
    expect(over.body.error.code).toBe('QUOTA_EXCEEDED');
    await client.post(`${base}/floating-ips/${ips[0].id}/associate`, { portId: 'nope' }).expect(400);
    await client.post(`${base}/floating-ips/${ips[0].id}/disassociate`).expect(409);
    await client.delete(`${base}/floating-ips/${ips[0].id}`).expect(204);
    const again = (await client.post(`${base}/floating-ips`).expect(201)).body;
    expect(again.address).toBe(ips[0].address);
  });
});
