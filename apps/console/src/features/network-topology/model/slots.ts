import type { SlotMap } from './types.ts';

/**
 * Gives each instance of a network a grid cell. An instance keeps the cell it had before; a new
 * one takes the lowest free cell, so adding an instance moves nobody, and a deleted one leaves a
 * gap the next instance fills. When gaps outnumber instances the grid is packed again, in the
 * previous order.
 */
export function assignSlots(previous: SlotMap | undefined, members: ReadonlyMap<string, readonly string[]>): Map<string, Map<string, number>> {
  const result = new Map<string, Map<string, number>>();
  for (const [groupId, ids] of members) {
    const before = previous?.get(groupId);
    const kept = new Map<string, number>();
    for (const id of ids) {
      const slot = before?.get(id);
      if (slot !== undefined) kept.set(id, slot);
    }
    const highest = Math.max(-1, ...kept.values());
    if (highest + 1 > ids.length * 1.5 + 4) {
      // Too sparse: pack, keeping the order the cells had.
      const order = [...ids].sort((a, b) => (kept.get(a) ?? Infinity) - (kept.get(b) ?? Infinity));
      result.set(groupId, new Map(order.map((id, index) => [id, index])));
      continue;
    }
    const taken = new Set(kept.values());
    let next = 0;
    const slots = new Map<string, number>();
    for (const id of ids) {
      let slot = kept.get(id);
      if (slot === undefined) {
        while (taken.has(next)) next++;
        slot = next;
        taken.add(slot);
      }
      slots.set(id, slot);
    }
    result.set(groupId, slots);
  }
  return result;
}
