import { describe, expect, it } from 'vitest';
import { openstackTestApi } from '../test-support.ts';

describe('Neutron security group rules: validation as Neutron', () => {
  it("refuses bad port ranges and both remotes with Neutron's 400 messages, before looking anything up, and answers a numbered protocol as given", async () => {
    const { os } = await openstackTestApi();
    const group = (await os.post('/network/v2.0/security-groups', { security_group: { name: 'g' } }).expect(201)).body.security_group.id as string;
    const rule = (body: object) => os.post('/network/v2.0/security-group-rules', { security_group_rule: { security_group_id: group, direction: 'ingress', ...body } });
    const cases: [object, string][] = [
      [{ protocol: 'tcp', port_range_min: -16, port_range_max: 80 }, 'Invalid value for port -16'],
      [{ protocol: 'tcp', port_range_min: 80, port_range_max: 79 }, 'port_range_min must be <= port_range_max'],
      [{ protocol: 'tcp', port_range_min: 80, port_range_max: 65536 }, 'Invalid value for port 65536'],
      [{ protocol: 'tcp', port_range_max: 6 }, 'port_range_min must be <= port_range_max'],
      [{ protocol: 'icmp', port_range_min: 1, port_range_max: 256 }, 'Invalid value for ICMP code'],
      [{ protocol: 'icmp', port_range_max: 6 }, 'ICMP type (port-range-min) is missing'],
      [{ protocol: 'icmp', port_range_min: 300, port_range_max: 1 }, 'Invalid value for ICMP type'],
      // Both remotes: 400 even though the remote group does not exist.
      [{ protocol: 'tcp', remote_ip_prefix: '10.0.0.0/24', remote_group_id: '00000000-0000-4000-8000-000000000000' }, 'Only remote_ip_prefix or remote_group_id may be provided.'],
    ];
    for (const [body, message] of cases) {
      const refused = await rule(body);
      expect(refused.status).toBe(400);
      expect(refused.body.NeutronError.message).toContain(message);
    }
    const udp = await rule({ protocol: 17 }).expect(201);
    expect(udp.body.security_group_rule.protocol).toBe('17');
    // The rule is UDP: a second one spelled by name is the same rule.
    expect((await rule({ protocol: 'udp' })).status).toBe(409);
  });
});
