import { describe, expect, it } from 'vitest';
import { broadcastAddress, hostnameFromIp, linkLocalFromMac, macFromIp } from './identity.ts';
import { detectOsImage, OS_PROFILES } from './os-profiles.ts';

describe('machine identity', () => {
  it('derives the hostname from the private IP', () => {
    expect(hostnameFromIp('192.168.0.4')).toBe('host-192-168-0-4');
  });

  it('derives an OpenStack-style MAC and link-local address', () => {
    const mac = macFromIp('192.168.0.4');
    expect(mac).toBe('fa:16:3e:a8:00:04');
    expect(linkLocalFromMac(mac)).toBe('fe80::f816:3eff:fea8:4');
  });

  it('computes the broadcast address', () => {
    expect(broadcastAddress('192.168.0.4', 24)).toBe('192.168.0.255');
  });
});

describe('detectOsImage', () => {
  it('recognises every profile from its own os-release', () => {
    for (const profile of Object.values(OS_PROFILES)) {
      expect(detectOsImage(profile.osRelease)).toBe(profile.id);
    }
  });
});
