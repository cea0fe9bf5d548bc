import type { GuestSystem } from '../machine/system.ts';
import type { CommandDefinition } from './types.ts';

declare module '../machine/system.ts' {
  /** `system.commands` is this registry (see `InstalledCommands`). */
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the merge is the point
  interface InstalledCommands extends CommandRegistry {}
}

/** All programs and builtins of the guest, looked up by name or binary path. */
export class CommandRegistry {
  private byName = new Map<string, CommandDefinition>();

  constructor(definitions: CommandDefinition[]) {
    for (const definition of definitions) this.byName.set(definition.name, definition);
  }

  /** The command `name` runs on this machine (undefined when not installed). */
  lookup(name: string, system: GuestSystem): CommandDefinition | undefined {
    const definition = this.byName.get(name);
    if (!definition || !this.installed(definition, system)) return undefined;
    return definition;
  }

  /** A program addressed by path (/usr/bin/ls, /bin/ls). */
  lookupPath(path: string, system: GuestSystem): CommandDefinition | undefined {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const definition = this.lookup(name, system);
    if (!definition?.path) return undefined;
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    const binaryDir = definition.path.slice(0, definition.path.lastIndexOf('/'));
    const aliases = [binaryDir, binaryDir.replace(/^\/usr/, '')];
    return aliases.includes(dir) ? definition : undefined;
  }

  /** Names available on this machine, sorted (tab completion, help). */
  names(system: GuestSystem): string[] {
    return [...this.byName.values()]
      .filter((d) => this.installed(d, system))
      .map((d) => d.name)
      .sort();
  }

  all(): CommandDefinition[] {
    return [...this.byName.values()];
  }

  private installed(definition: CommandDefinition, system: GuestSystem): boolean {
    return definition.isInstalled ? definition.isInstalled(system) : true;
  }
}
