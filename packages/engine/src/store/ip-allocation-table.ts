import type { SqliteDatabase } from './database.ts';

/**
 * Addresses handed out, one row per (pool, address). The primary key is the last word on
 * uniqueness: two creates can never share an address. A pool is a subnet id or the public network.
 */
export class IpAllocationTable {
  constructor(private readonly db: SqliteDatabase) {}

  /** Throws (a constraint error) if the address is taken. Call inside `store.transaction`. */
  take(pool: string, address: string, ownerId: string): void {
    this.db.prepare('INSERT INTO ip_allocations (pool, address, owner_id) VALUES (?, ?, ?)').run(pool, address, ownerId);
  }

  releaseOwner(ownerId: string, pool?: string): void {
    if (pool === undefined) this.db.prepare('DELETE FROM ip_allocations WHERE owner_id = ?').run(ownerId);
    else this.db.prepare('DELETE FROM ip_allocations WHERE pool = ? AND owner_id = ?').run(pool, ownerId);
  }

  addresses(pool: string): string[] {
    return (this.db.prepare('SELECT address FROM ip_allocations WHERE pool = ?').pluck().all(pool) as string[]);
  }
}
