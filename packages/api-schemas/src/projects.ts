import { DESCRIPTION_MAX_LENGTH, PROJECT_NAME_MAX_LENGTH, PROJECT_NAME_PATTERN, PROJECT_ROLES } from '@sandcloud/domain';
import { z } from 'zod';

export const projectRoleSchema = z.enum(PROJECT_ROLES);
export type ProjectRole = z.infer<typeof projectRoleSchema>;

export const createProjectRequestSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'Enter a project name')
    .max(PROJECT_NAME_MAX_LENGTH, `Project names have at most ${PROJECT_NAME_MAX_LENGTH} characters`)
    .regex(PROJECT_NAME_PATTERN, 'Use letters, digits, spaces, ".", "_" or "-"'),
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
