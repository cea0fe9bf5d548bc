import { DESCRIPTION_MAX_LENGTH, PROJECT_ROLES } from '@sandcloud/domain';
import { z } from 'zod';

export const projectRoleSchema = z.enum(PROJECT_ROLES);
export type ProjectRole = z.infer<typeof projectRoleSchema>;

export const createProjectRequestSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Enter a project name')
    .max(63, 'Project names have at most 63 characters')
    .regex(/^[\p{L}\p{N}][\p{L}\p{N} ._-]*$/u, 'Use letters, digits, spaces, ".", "_" or "-"'),
  description: z.string().max(DESCRIPTION_MAX_LENGTH).default(''),
});
export type CreateProjectRequest = z.infer<typeof createProjectRequestSchema>;

export interface ProjectDto {
  id: string;
  name: string;
  description: string;
  role: ProjectRole;
  computeActivated: boolean;
  computeActivatedAt: string | null;
  createdAt: string;
}

export const setMemberRequestSchema = z.strictObject({
  username: z.string().trim().min(1, 'Enter a user name'),
  role: projectRoleSchema,
});
export type SetMemberRequest = z.infer<typeof setMemberRequestSchema>;

export interface ProjectMemberDto {
  userId: string;
  username: string;
  role: ProjectRole;
}
