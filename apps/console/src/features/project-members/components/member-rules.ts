import type { ProjectMemberDto, ProjectRole } from '@sandcloud/api-schemas';
import { PROJECT_ROLES } from '@sandcloud/domain';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';

export const ROLES: readonly ProjectRole[] = PROJECT_ROLES;

/** True when `member` is the project's only admin: the API refuses to demote or remove them. */
export function isSoleAdmin(members: readonly ProjectMemberDto[], member: ProjectMemberDto): boolean {
  return member.role === 'admin' && !members.some((other) => other.role === 'admin' && other.userId !== member.userId);
}

/**
 * Why a member's row actions are unavailable, or undefined when they are: only project admins
 * manage members, and the last admin stays.
 */
export function memberActionBlock(canManage: boolean, members: readonly ProjectMemberDto[], member: ProjectMemberDto): MessageKey | undefined {
  if (!canManage) return 'members.adminOnly';
  if (isSoleAdmin(members, member)) return 'members.lastAdmin';
  return undefined;
}

/** The existing membership of `username`, so "멤버 추가" can say so instead of silently changing a role. */
export const findMember = (members: readonly ProjectMemberDto[], username: string): ProjectMemberDto | undefined =>
  members.find((member) => member.username === username.trim());
