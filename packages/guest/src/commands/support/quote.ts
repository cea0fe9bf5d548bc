import type { GuestSystem } from '../../machine/system.ts';

/**
 * How coreutils quotes a file name in messages: coreutils 8.22 (CentOS 7)
 * uses ‘name’ in UTF-8 locales, 8.25+ uses 'name'.
 */
export function quoteName(system: GuestSystem, name: string): string {
  return system.profile.generation === 'legacy' ? `‘${name}’` : `'${name}'`;
}

/** `ls: cannot access` quotes only since coreutils 8.25. */
export function quoteIfModern(system: GuestSystem, name: string): string {
  return system.profile.generation === 'legacy' ? name : `'${name}'`;
}
