import { USERNAME_PATTERN } from '@sandcloud/domain';
import { z } from 'zod';
import { languageSchema } from './common.ts';

export const loginRequestSchema = z.strictObject({
  username: z.string().trim().min(1, 'Enter your user name').max(64),
  password: z.string().min(1, 'Enter your password').max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  isAdmin: z.boolean(),
  language: languageSchema,
});
export type UserDto = z.infer<typeof userSchema>;

export interface SessionDto {
  user: UserDto;
  /** Sent back in the X-CSRF-Token header of every state-changing request. */
  csrfToken: string;
}

export const updateMeRequestSchema = z.strictObject({ language: languageSchema });

export const createUserRequestSchema = z.strictObject({
  username: z
    .string()
    .trim()
    .regex(USERNAME_PATTERN, 'User names are 2–64 letters, digits, ".", "_" or "-"'),
  password: z.string().min(8, 'Passwords have at least 8 characters').max(256),
  isAdmin: z.boolean().default(false),
});
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

/** A user as an administrator sees them in the user list (`GET /api/users`). */
export interface UserSummaryDto extends UserDto {
  createdAt: string;
  /** Disabled by an administrator: cannot sign in. */
  disabled: boolean;
}

/** `PUT /api/me/password`: the user's own change; the engine checks the strength rule. */
export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1, 'Enter your current password').max(256),
  newPassword: z.string().min(8, 'Passwords have at least 8 characters').max(256, 'Passwords have at most 256 characters'),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

/** `PUT /api/users/:userId/password`: an administrator's reset. */
export const resetPasswordRequestSchema = z.strictObject({
  password: z.string().min(8, 'Passwords have at least 8 characters').max(256, 'Passwords have at most 256 characters'),
});
export type ResetPasswordRequest = z.infer<typeof resetPasswordRequestSchema>;

/** `PATCH /api/users/:userId`: an administrator disables or enables a user. */
export const updateUserRequestSchema = z.strictObject({ disabled: z.boolean({ error: 'disabled is true or false' }) });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;
