import { PROJECT_ROLES, type ProjectRole } from '@sandcloud/domain';
import { invalidInput } from '../core/errors.ts';
import type { IdentityService } from '../identity/identity-service.ts';
import type { ProjectService } from '../projects/project-service.ts';
import type { Store } from '../store/kinds.ts';
import { STATE_FORMAT, type ImportReport, type ProjectState } from './project-state.ts';

/**
 * What `SANDCLOUD_SEED` describes: users, projects (owner, members, Compute & Network activated,
 * optionally a state imported into it). A state file alone is one project of that name.
 */
export interface Seed {
  users?: { username: string; password: string; admin?: boolean }[];
  projects?: {
    name: string;
    description?: string;
    /** Its first project admin; the sandbox's administrator when left out. */
    owner?: string;
    members?: { username: string; role: ProjectRole }[];
    /** Activates Compute & Network (true when a state is given). */
    activate?: boolean;
    state?: unknown;
  }[];
}

export interface SeedReport {
  users: number;
  projects: { name: string; imported: ImportReport | null }[];
}

const SEEDED_KEY = 'sandbox.seededAt';

/** Applies a seed once, on a sandbox without projects; the whole seed is one transaction. */
export class Seeder {
  constructor(
    private readonly store: Store,
    private readonly identity: IdentityService,
    private readonly projects: ProjectService,
    private readonly state: ProjectState,
  ) {}

  /** Whether a seed may still be applied: never seeded and no project yet (an empty data directory). */
  canSeed(): boolean {
    return this.store.settings.read(SEEDED_KEY) === undefined && this.store.list('project').length === 0;
  }

  /** Applies the seed, or answers null when the sandbox is not empty (it was seeded or used already). */
  apply(input: unknown, defaultOwner: string, now: number): SeedReport | null {
    if (!this.canSeed()) return null;
    const seed = toSeed(input);
    return this.store.transaction(() => {
      const report: SeedReport = { users: 0, projects: [] };
      for (const user of seed.users ?? []) {
        this.identity.createUser({ username: user.username, password: user.password, isAdmin: user.admin === true });
        report.users++;
      }
      const userNamed = (username: string, field: string) => {
        const user = this.identity.findUser(username);
        if (!user) throw invalidInput(`The seed names a user ${username} it does not create`, field).coded('seed.unknownUser', { username });
        return user;
      };
      for (const entry of seed.projects ?? []) {
        const project = this.projects.create(userNamed(entry.owner ?? defaultOwner, 'owner'), { name: entry.name, description: entry.description ?? '' });
        for (const member of entry.members ?? []) this.projects.setMember(project.id, userNamed(member.username, 'members'), member.role);
        let imported: ImportReport | null = null;
        if (entry.activate || entry.state !== undefined) this.projects.activateCompute(project.id, now);
        if (entry.state !== undefined) imported = this.state.import(project.id, entry.state);
        report.projects.push({ name: project.name, imported });
      }
      this.store.settings.write(SEEDED_KEY, new Date(now).toISOString());
      return report;
    });
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function toSeed(input: unknown): Seed {
  if (isObject(input) && input.format === STATE_FORMAT) {
    const project = isObject(input.project) ? input.project : {};
    return { projects: [{ name: String(project.name ?? 'seeded'), description: String(project.description ?? ''), activate: true, state: input }] };
  }
  if (!isObject(input)) throw invalidInput('The seed must be a state file or an object with users and projects', 'seed').coded('seed.notObject');
  const { users, projects, ...unknown } = input;
  const extra = Object.keys(unknown)[0];
  if (extra !== undefined) throw invalidInput(`The seed has an unknown field ${extra} (expected users, projects)`, extra).coded('seed.unknownField', { field: extra });
  if (users !== undefined && (!Array.isArray(users) || !users.every((u) => isObject(u) && typeof u.username === 'string' && typeof u.password === 'string'))) {
    throw invalidInput('Seed users are a list of username and password (admin: true for administrators)', 'users').coded('seed.usersInvalid');
  }
  if (projects !== undefined && (!Array.isArray(projects) || !projects.every((p) => isObject(p) && typeof p.name === 'string'))) {
    throw invalidInput('Seed projects are a list with at least a name', 'projects').coded('seed.projectsInvalid');
  }
  for (const project of (projects ?? []) as Record<string, unknown>[]) {
    const members = project.members;
    if (members !== undefined && (!Array.isArray(members) || !members.every((m) => isObject(m) && typeof m.username === 'string' && (PROJECT_ROLES as readonly unknown[]).includes(m.role)))) {
      throw invalidInput(`Members of seed project ${String(project.name)} are a list of username and role (${PROJECT_ROLES.join(', ')})`, 'members').coded('seed.membersInvalid', { project: String(project.name), roles: PROJECT_ROLES.join(', ') });
    }
  }
  return input as Seed;
}
