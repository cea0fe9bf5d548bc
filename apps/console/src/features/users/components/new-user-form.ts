import { createUserRequestSchema, type CreateUserRequest } from '@sandcloud/api-schemas';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';

export interface NewUserForm {
  username: string;
  password: string;
  passwordConfirm: string;
  isAdmin: boolean;
}

export type NewUserField = 'username' | 'password' | 'passwordConfirm';
export type NewUserProblems = Partial<Record<NewUserField, MessageKey>>;

/**
 * Checks the "사용자 추가" form with the API's own schema before sending it, and says what is wrong
 * beside each field; the confirmation must repeat the password.
 */
export function validateNewUser(form: NewUserForm): { problems: NewUserProblems; request?: CreateUserRequest } {
  const problems: NewUserProblems = {};
  const parsed = createUserRequestSchema.safeParse({ username: form.username, password: form.password, isAdmin: form.isAdmin });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      if (issue.path[0] === 'username') {
        problems.username = form.username.trim() === '' ? 'users.error.usernameRequired' : 'users.error.usernameInvalid';
      }
      if (issue.path[0] === 'password') {
        problems.password = form.password.length < 8 ? 'users.error.passwordTooShort' : 'users.error.passwordTooLong';
      }
    }
  }
  if (form.passwordConfirm !== form.password) problems.passwordConfirm = 'users.error.passwordMismatch';
  if (!parsed.success || problems.passwordConfirm) return { problems };
  return { problems, request: parsed.data };
}
