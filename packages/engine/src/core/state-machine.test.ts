import { describe, expect, it } from 'vitest';
import { INSTANCE_TRANSITIONS } from '../compute/instance.ts';
import { allowedActions, assertTransition, canTransition, InvalidTransitionError } from './state-machine.ts';

describe('guarded transitions', () => {
  it('allows an action only from its listed states', () => {
    expect(canTransition(INSTANCE_TRANSITIONS, 'stop', 'ACTIVE')).toBe(true);
    expect(canTransition(INSTANCE_TRANSITIONS, 'stop', 'SHUTOFF')).toBe(false);
    expect(canTransition(INSTANCE_TRANSITIONS, 'create_image', 'SHUTOFF')).toBe(true);
    expect(canTransition(INSTANCE_TRANSITIONS, 'create_image', 'ACTIVE')).toBe(true);
    expect(canTransition(INSTANCE_TRANSITIONS, 'create_image', 'BUILD')).toBe(false);
  });

  it('throws a typed conflict naming the resource, the action and the current state', () => {
    const attempt = () => assertTransition(INSTANCE_TRANSITIONS, 'instance', { name: 'web-1', status: 'BUILD' }, 'stop');
    expect(attempt).toThrow(InvalidTransitionError);
    expect(attempt).toThrow('Cannot stop instance web-1 while it is BUILD');
    let thrown: unknown;
    try {
      attempt();
    } catch (error) {
      thrown = error;
    }
    expect((thrown as InvalidTransitionError).code).toBe('CONFLICT');
  });

  it('lists the actions a state offers, for menus', () => {
    expect(allowedActions(INSTANCE_TRANSITIONS, 'BUILD')).toEqual(['update']);
    expect(allowedActions(INSTANCE_TRANSITIONS, 'SHUTOFF').sort()).toEqual(['change_security_groups', 'create_image', 'delete', 'hard-reboot', 'rebuild', 'resize', 'start', 'update']);
  });
});
