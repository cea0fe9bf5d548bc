import type { SqliteDatabase } from './database.ts';

/** Cloud-wide settings as key → text. */
export class SettingTable {
  constructor(private readonly db: SqliteDatabase) {}

  read(key: string): string | undefined {
    return this.db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  }

  write(key: string, value: string): void {
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
