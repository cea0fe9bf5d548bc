import type { Engine, SeedReport } from '@sandcloud/engine';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** A seed file's content: JSON (a state file, or users and projects) or the same as YAML. */
function readDocument(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  if (/\.ya?ml$/i.test(path)) return parseYaml(text) as unknown;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${path} is neither valid JSON nor a .yaml file`);
  }
}

/** Reads `SANDCLOUD_SEED`; a project's `state: FILE` names a state file beside the seed. */
export function readSeedFile(path: string): unknown {
  const seed = readDocument(path);
  if (typeof seed !== 'object' || seed === null || !Array.isArray((seed as { projects?: unknown }).projects)) return seed;
  const projects = (seed as { projects: unknown[] }).projects.map((project) => {
    const state = (project as { state?: unknown } | null)?.state;
    return typeof state === 'string' ? { ...(project as object), state: readDocument(resolve(dirname(path), state)) } : project;
  });
  return { ...seed, projects };
}

/** Applies the seed on a sandbox without projects (once); null when the sandbox was not empty. */
export function applySeedFile(engine: Engine, path: string, defaultOwner: string): SeedReport | null {
  if (!engine.seeder.canSeed()) return null;
  return engine.seeder.apply(readSeedFile(path), defaultOwner, engine.clock.now());
}

export function describeSeed(report: SeedReport): string {
  const projects = report.projects.map((p) => (p.imported ? `${p.name} (${p.imported.created.instances} instances, ${p.imported.created.volumes} volumes)` : p.name));
  return `Seeded ${report.users} user(s) and ${report.projects.length} project(s)${projects.length ? `: ${projects.join(', ')}` : ''}`;
}
