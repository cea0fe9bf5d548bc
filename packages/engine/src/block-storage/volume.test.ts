import { describe, expect, it } from 'vitest';
import { allowedActions } from '../core/state-machine.ts';
import { nextDevice, VOLUME_TRANSITIONS } from './volume.ts';

describe('volume devices', () => {
  it('takes the next free letter after the root disk vda', () => {
    expect(nextDevice([])).toBe('/dev/vdb');
    expect(nextDevice(['/dev/vdb'])).toBe('/dev/vdc');
    expect(nextDevice(['/dev/vdc', '/dev/vdd'])).toBe('/dev/vdb');
    expect(nextDevice(['/dev/vdb', '/dev/vdd'])).toBe('/dev/vdc');
  });

  it('runs out after vdz', () => {
    const all = [...'bcdefghijklmnopqrstuvwxyz'].map((letter) => `/dev/vd${letter}`);
    expect(nextDevice(all.slice(0, -1))).toBe('/dev/vdz');
    expect(nextDevice(all)).toBeNull();
  });
});

describe('volume transitions', () => {
  it('offers attach only when available, detach only when in use, and never delete while attached', () => {
    expect(allowedActions(VOLUME_TRANSITIONS, 'available')).toEqual(['attach', 'extend', 'snapshot', 'delete', 'reserve', 'upload_image']);
    expect(allowedActions(VOLUME_TRANSITIONS, 'in-use')).toEqual(['detach', 'extend', 'snapshot', 'upload_image']);
    // A reserved volume (attaching, no attachment yet) can only be unreserved.
    expect(allowedActions(VOLUME_TRANSITIONS, 'attaching')).toEqual(['unreserve']);
    for (const busy of ['creating', 'detaching', 'extending', 'deleting', 'uploading'] as const) {
      expect(allowedActions(VOLUME_TRANSITIONS, busy)).toEqual([]);
    }
  });
});
