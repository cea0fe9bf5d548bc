import { PROJECT_NAME_PATTERN, type ErrorMessageCode, type ProjectRole } from '@sandcloud/domain';
import { conflict, EngineError, forbidden, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { User } from '../identity/identity-service.ts';
import type { Store } from '../store/kinds.ts';
import type { Project } from './project.ts';

export type { Project } from './project.ts';

/** What a request needs: reading, changing resources, or managing the project's members. */
export type Permission = 'read' | 'write' | 'manage';

export interface ProjectMember {
  userId: string;
  username: string;
  role: ProjectRole;
}

const ROLE_GRANTS: Record<ProjectRole, readonly Permission[]> = {
  admin: ['read', 'write', 'manage'],
  member: ['read', 'write'],
  viewer: ['read'],
};

const DENIAL: Record<Permission, string> = {
  read: 'You cannot read this project',
  write: 'Viewers can only look; ask a project admin for the member role to change resources',
  manage: 'Only project admins can manage members',
};
const DENIAL_CODE = { read: 'permission.readDenied', write: 'permission.viewerReadOnly', manage: 'permission.adminOnly' } as const satisfies Record<Permission, ErrorMessageCode>;


/** Work a module does when Compute & Network is activated in a project (default network, group…). */
export type ActivationHook = (projectId: string) => void;

export class ProjectService {
  private readonly activationHooks: ActivationHook[] = [];

  constructor(private readonly store: Store) {}

  onActivation(hook: ActivationHook): void {
    this.activationHooks.push(hook);
  }

  create(owner: User, input: { name: string; description?: string }): Project {
    const name = input.name.trim();
    if (!PROJECT_NAME_PATTERN.test(name)) {
      throw invalidInput('Project names are 1–63 letters, digits, spaces, ".", "_" or "-"', 'name').coded('name.invalid');
    }
    return this.store.transaction(() => {
      if (this.listFor(owner).some((project) => project.name === name)) {
        throw conflict(`You already have a project named ${name}`, 'name').coded('name.taken', { kind: 'project', name });
      }
      const id = newId();
      const project = this.store.insert('project', {
        id,
        projectId: id,
        name,
        status: 'ACTIVE',
        description: input.description ?? '',
        computeActivatedAt: null,
      });
      this.store.projectMembers.put(id, owner.id, 'admin');
      return project;
    });
  }

  /** Only the projects the user belongs to, whatever their global role. */
  listFor(user: User): (Project & { role: ProjectRole })[] {
    return this.store.projectMembers
      .ofUser(user.id)
      .map(({ projectId, role }) => {
        const project = this.store.get('project', projectId);
        return project ? { ...project, role: role as ProjectRole } : undefined;
      })
      .filter((project) => project !== undefined)
      .sort((a, b) => a.createdAt - b.createdAt);
  }

  roleOf(userId: string, projectId: string): ProjectRole | undefined {
    return this.store.projectMembers.roleOf(projectId, userId) as ProjectRole | undefined;
  }

  /**
   * The gate of every project-scoped operation. A project the user is not in answers "not found",
   * never "forbidden", so ids of other tenants leak nothing.
   */
  authorize(user: User, projectId: string, permission: Permission): { project: Project; role: ProjectRole } {
    const role = this.roleOf(user.id, projectId);
    const project = role ? this.store.get('project', projectId) : undefined;
    if (!role || !project) throw notFound('project', projectId);
    if (!ROLE_GRANTS[role].includes(permission)) throw forbidden(DENIAL[permission]).coded(DENIAL_CODE[permission]);
    return { project, role };
  }

  get(projectId: string): Project {
    const project = this.store.get('project', projectId);
    if (!project) throw notFound('project', projectId);
    return project;
  }

  members(projectId: string): ProjectMember[] {
    return this.store.projectMembers.ofProject(projectId) as ProjectMember[];
  }

  setMember(projectId: string, user: User, role: ProjectRole): ProjectMember {
    return this.store.transaction(() => {
      const previous = this.roleOf(user.id, projectId);
      if (previous === 'admin' && role !== 'admin') this.assertAnotherAdmin(projectId, user.id);
      this.store.projectMembers.put(projectId, user.id, role);
      this.store.emit('project-member', { id: user.id, projectId, status: role }, previous ? 'updated' : 'created');
      return { userId: user.id, username: user.username, role };
    });
  }

  removeMember(projectId: string, userId: string): void {
    this.store.transaction(() => {
      const role = this.roleOf(userId, projectId);
      if (!role) throw notFound('project member', userId);
      if (role === 'admin') this.assertAnotherAdmin(projectId, userId);
      this.store.projectMembers.remove(projectId, userId);
      this.store.emit('project-member', { id: userId, projectId, status: null }, 'deleted');
    });
  }

  /** `[상품이용]`: turns Compute & Network on and lets each module create its defaults, atomically. */
  activateCompute(projectId: string, activatedAt: number): Project {
    return this.store.transaction(() => {
      const project = this.get(projectId);
      if (project.computeActivatedAt !== null) {
        throw conflict(`Compute & Network is already activated in project ${project.name}`).coded('project.alreadyActivated', { name: project.name });
      }
      for (const hook of this.activationHooks) hook(projectId);
      return this.store.update('project', project, { computeActivatedAt: activatedAt }, 'Compute & Network activated');
    });
  }

  requireComputeActive(projectId: string): Project {
    const project = this.get(projectId);
    if (project.computeActivatedAt === null) {
      throw new EngineError(
        'PRODUCT_NOT_ACTIVE',
        `Compute & Network is not activated in project ${project.name}; use [상품이용] to activate it first`,
      ).coded('project.notActivated', { name: project.name });
    }
    return project;
  }

  private assertAnotherAdmin(projectId: string, leavingUserId: string): void {
    const admins = this.members(projectId).filter((m) => m.role === 'admin' && m.userId !== leavingUserId);
    if (admins.length === 0) throw conflict('A project keeps at least one admin').coded('project.lastAdmin');
  }
}
