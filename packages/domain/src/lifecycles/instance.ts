// Nova servers' lifecycle: every action the console and the API offer on an instance, as data.
// The engine's lifecycle runner executes it (write the transitional state, schedule the end, run
// the action's task, land on `to` or `error`); adding an action is a row here and a task function.
import type { Lifecycle } from './lifecycle.ts';

import type { InstanceAction, InstanceStatus, InstanceTaskState, PowerState } from '../compute.ts';

/** What a lifecycle step writes on an instance. */
export type InstanceState = { status?: InstanceStatus; taskState?: InstanceTaskState; powerState?: PowerState };

/** Everything a user may ask of an instance, in the order the action menu lists them. */
export type InstanceLifecycleAction = 'create' | InstanceAction;

/** A failed step leaves the instance in ERROR with no task in flight (a hard reboot or delete gets it out). */
const FAILED: InstanceState = { status: 'ERROR', taskState: null };

export const INSTANCE_LIFECYCLE = {
  noun: 'instance',
  actions: {
    create: {
      from: 'new',
      steps: [{ state: { status: 'BUILD', taskState: null, powerState: 'NOSTATE' }, ms: 5_000 }],
      to: [{ status: 'ACTIVE', taskState: null, powerState: 'RUNNING' }],
      error: FAILED,
    },
    stop: {
      from: ['ACTIVE'],
      steps: [{ state: { taskState: 'powering-off' }, ms: 3_000 }],
      to: [{ status: 'SHUTOFF', taskState: null, powerState: 'SHUTDOWN' }],
      error: FAILED,
    },
    start: {
      from: ['SHUTOFF'],
      steps: [{ state: { taskState: 'powering-on' }, ms: 3_000 }],
      to: [{ status: 'ACTIVE', taskState: null, powerState: 'RUNNING' }],
      error: FAILED,
    },
    /** The guest halts cleanly (what it had not written out is flushed first), then boots. */
    reboot: {
      from: ['ACTIVE'],
      steps: [{ state: { status: 'REBOOT' }, ms: 4_000 }],
      to: [{ status: 'ACTIVE', powerState: 'RUNNING' }],
      error: FAILED,
    },
    /**
     * The power is cut (the guest's unflushed writes are lost) and the machine boots again. Also the
     * way out of a soft reboot that hangs, of SHUTOFF and of ERROR, as in Nova.
     */
    'hard-reboot': {
      from: ['ACTIVE', 'SHUTOFF', 'REBOOT', 'ERROR'],
      steps: [{ state: { status: 'HARD_REBOOT' }, ms: 3_000 }],
      to: [{ status: 'ACTIVE', powerState: 'RUNNING' }],
      error: FAILED,
    },
    /**
     * Resize, OpenStack's way (not NHN's "stop first" rule): allowed from ACTIVE and SHUTOFF. The
     * guest halts, the instance takes the new flavor and waits in VERIFY_RESIZE (running again on
     * the new flavor if it ran before, still off if it was off) until the user confirms or reverts.
     * The task picks the to-state from the power state: RUNNING → 0, SHUTDOWN → 1.
     */
    resize: {
      from: ['ACTIVE', 'SHUTOFF'],
      steps: [{ state: { status: 'RESIZE', taskState: null }, ms: 4_000 }],
      to: [
        { status: 'VERIFY_RESIZE', taskState: null, powerState: 'RUNNING' },
        { status: 'VERIFY_RESIZE', taskState: null, powerState: 'SHUTDOWN' },
      ],
      error: FAILED,
    },
    /** Keep the new flavor: back to ACTIVE (or SHUTOFF), the guest keeps running. */
    confirm_resize: {
      from: ['VERIFY_RESIZE'],
      steps: [{ state: { status: 'VERIFY_RESIZE', taskState: 'resize_confirming' }, ms: 1_000 }],
      to: [
        { status: 'ACTIVE', taskState: null, powerState: 'RUNNING' },
        { status: 'SHUTOFF', taskState: null, powerState: 'SHUTDOWN' },
      ],
      error: FAILED,
    },
    /** Back to the old flavor: the guest halts and boots again on it. */
    revert_resize: {
      from: ['VERIFY_RESIZE'],
      steps: [{ state: { status: 'REVERT_RESIZE', taskState: null }, ms: 3_000 }],
      to: [
        { status: 'ACTIVE', taskState: null, powerState: 'RUNNING' },
        { status: 'SHUTOFF', taskState: null, powerState: 'SHUTDOWN' },
      ],
      error: FAILED,
    },
    /**
     * A new root disk from another image; the ID, name, ports (fixed and floating IP) and volumes
     * stay. A stopped instance stays stopped (Nova keeps the vm state); ACTIVE and ERROR end ACTIVE.
     */
    rebuild: {
      from: ['ACTIVE', 'SHUTOFF', 'ERROR'],
      steps: [{ state: { status: 'REBUILD', taskState: null }, ms: 4_000 }],
      to: [
        { status: 'ACTIVE', taskState: null, powerState: 'RUNNING' },
        { status: 'SHUTOFF', taskState: null, powerState: 'SHUTDOWN' },
      ],
      error: FAILED,
    },
    // Not from BUILD: deleting an instance that is still building is a conflict Sandcloud refuses
    // cleanly (Nova would delete it; Tempest's delete-while-building test is listed as a deliberate failure).
    delete: {
      from: ['ACTIVE', 'SHUTOFF', 'ERROR', 'VERIFY_RESIZE'],
      steps: [{ state: { taskState: 'deleting' }, ms: 2_000 }],
      to: 'deleted',
      error: FAILED,
    },
    /**
     * The image's lifecycle runs the capture; the instance holds task state `image_snapshot` meanwhile.
     * A running instance can be captured too, as in Nova (the image holds what its disk has written);
     * the console, following the guide, still asks to shut it down first.
     */
    create_image: { from: ['ACTIVE', 'SHUTOFF'] },
    change_security_groups: { from: ['ACTIVE', 'SHUTOFF'] },
    /**
     * Rename, description, metadata: allowed in every status as in Nova, but not while a task
     * (powering-off, deleting, image_snapshot…) is in flight. The guest's hostname does not change.
     */
    update: { from: ['ACTIVE', 'BUILD', 'SHUTOFF', 'REBOOT', 'HARD_REBOOT', 'ERROR', 'RESIZE', 'VERIFY_RESIZE', 'REVERT_RESIZE', 'REBUILD'] },
  },
} as const satisfies Lifecycle<InstanceStatus, InstanceState, InstanceLifecycleAction>;
