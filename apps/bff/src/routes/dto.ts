import type { ProjectRole } from '@sandcloud/domain';
import type { Project, ResourceEvent, User } from '@sandcloud/engine';
import type { ProjectDto, ResourceEventDto, UserDto } from '@sandcloud/api-schemas';

/** Engine records → API shapes: timestamps as ISO strings, internal fields left out. */
export const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export const toUserDto = (user: User): UserDto => ({
  id: user.id,
  username: user.username,
  isAdmin: user.isAdmin,
  language: user.language,
});

export const toProjectDto = (project: Project, role: ProjectRole): ProjectDto => ({
  id: project.id,
  name: project.name,
  description: project.description,
  role,
  computeActivated: project.computeActivatedAt !== null,
  computeActivatedAt: iso(project.computeActivatedAt),
  createdAt: iso(project.createdAt)!,
});

export const toEventDto = (event: ResourceEvent): ResourceEventDto => ({ ...event, at: iso(event.at)! });
