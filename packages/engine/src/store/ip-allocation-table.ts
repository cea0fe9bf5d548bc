import type { Statements } from './statements.ts';

interface Pool {
  /** address → owner id */
  owners: Map<string, string>;
  /** the same addresses as 32-bit integers (IPv4 only) */
  taken: Set<number>;
  /** Every address in [hint.first, hint.floor) was taken or reserved when last asked. */
  hint: { first: number; floor: number } | null;
}

function toInt(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    const octet = Number(part);
    if (!Number.isInteger(octet) || octet < 0 || octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

const toText = (value: number) => `${value >>> 24}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;

/**
 * Addresses handed out, one row per (pool, address). The primary key is the last word on
 * uniqueness: two creates can never share an address. A pool is a subnet id or the public network.
 * Each pool's addresses are also held in memory (loaded on first use, kept in step by every write
 * and by a rollback), with a floor below which everything is taken, so finding the lowest free
 * address costs about the same with 10 or 10,000 addresses out.
 */
export class IpAllocationTable {
  private readonly pools = new Map<string, Pool>();

  constructor(
    private readonly sql: Statements,
    /** Registers how to undo a change to memory if the enclosing transaction rolls back. */
    private readonly onRollback: (undo: () => void) => void,
  ) {}

  /**
   * The lowest IPv4 address of [first, last] (as integers) neither taken in `pool` nor in
   * `reserved`, or null when there is none. Released addresses are reused first.
   */
  lowestFree(pool: string, first: number, last: number, reserved: readonly string[]): string | null {
    const state = this.pool(pool);
    const skip = new Set(reserved.map(toInt));
    let candidate = state.hint?.first === first ? Math.max(first, state.hint.floor) : first;
    while (candidate <= last && (state.taken.has(candidate) || skip.has(candidate))) candidate++;
    state.hint = { first, floor: candidate };
    return candidate <= last ? toText(candidate) : null;
  }

  /** Throws (a constraint error) if the address is taken. Call inside `store.transaction`. */
  take(pool: string, address: string, ownerId: string): void {
    const state = this.pool(pool);
    this.sql.get('INSERT INTO ip_allocations (pool, address, owner_id) VALUES (?, ?, ?)').run(pool, address, ownerId);
    this.remember(state, address, ownerId);
    this.onRollback(() => this.forget(state, address));
  }

  /** Frees what `ownerId` holds (in one pool, or in all). */
  releaseOwner(ownerId: string, pool?: string): void {
    const rows = (
      pool === undefined
        ? this.sql.get('SELECT pool, address FROM ip_allocations WHERE owner_id = ?').all(ownerId)
        : this.sql.get('SELECT pool, address FROM ip_allocations WHERE pool = ? AND owner_id = ?').all(pool, ownerId)
    ) as { pool: string; address: string }[];
    if (rows.length === 0) return;
    if (pool === undefined) this.sql.get('DELETE FROM ip_allocations WHERE owner_id = ?').run(ownerId);
    else this.sql.get('DELETE FROM ip_allocations WHERE pool = ? AND owner_id = ?').run(pool, ownerId);
    for (const row of rows) {
      const state = this.pools.get(row.pool);
      if (!state) continue;
      this.forget(state, row.address);
      this.onRollback(() => this.remember(state, row.address, ownerId));
    }
  }

  isTaken(pool: string, address: string): boolean {
    return this.pool(pool).owners.has(address);
  }

  addresses(pool: string): string[] {
    return [...this.pool(pool).owners.keys()];
  }

  private remember(state: Pool, address: string, ownerId: string): void {
    state.owners.set(address, ownerId);
    const value = toInt(address);
    if (value !== undefined) state.taken.add(value);
  }

  private forget(state: Pool, address: string): void {
    state.owners.delete(address);
    const value = toInt(address);
    if (value === undefined) return;
    state.taken.delete(value);
    if (state.hint && value < state.hint.floor) state.hint = { first: state.hint.first, floor: Math.max(state.hint.first, value) };
  }

  private pool(pool: string): Pool {
    let state = this.pools.get(pool);
    if (!state) {
      state = { owners: new Map(), taken: new Set(), hint: null };
      const rows = this.sql.get('SELECT address, owner_id AS ownerId FROM ip_allocations WHERE pool = ?').all(pool) as { address: string; ownerId: string }[];
      for (const row of rows) this.remember(state, row.address, row.ownerId);
      this.pools.set(pool, state);
    }
    return state;
  }
}
