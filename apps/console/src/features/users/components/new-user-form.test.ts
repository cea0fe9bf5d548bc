import { describe, expect, it } from 'vitest';
import { validateNewUser, type NewUserForm } from './new-user-form.ts';

const valid: NewUserForm = { username: 'kim.lee', password: 'kim-password', passwordConfirm: 'kim-password', isAdmin: false };

describe('validateNewUser', () => {
  it('accepts a valid form and trims the user name', () => {
    expect(validateNewUser({ ...valid, username: '  kim.lee ', isAdmin: true })).toEqual({
      problems: {},
      request: { username: 'kim.lee', password: 'kim-password', isAdmin: true },
    });
  });

  it('says which user name rule is broken', () => {
    expect(validateNewUser({ ...valid, username: '  ' }).problems).toEqual({ username: 'users.error.usernameRequired' });
    for (const username of ['k', '-kim', 'kim lee', '김철수', 'x'.repeat(65)]) {
      expect(validateNewUser({ ...valid, username }).problems, username).toEqual({ username: 'users.error.usernameInvalid' });
    }
  });

  it('checks the password length and that the confirmation repeats it', () => {
    expect(validateNewUser({ ...valid, password: 'short', passwordConfirm: 'short' }).problems).toEqual({ password: 'users.error.passwordTooShort' });
    const long = 'x'.repeat(257);
    expect(validateNewUser({ ...valid, password: long, passwordConfirm: long }).problems).toEqual({ password: 'users.error.passwordTooLong' });
    const mismatch = validateNewUser({ ...valid, passwordConfirm: 'kim-passwrod' });
    expect(mismatch).toEqual({ problems: { passwordConfirm: 'users.error.passwordMismatch' } });
  });

  it('reports every field at once', () => {
    expect(validateNewUser({ username: '', password: '', passwordConfirm: 'x', isAdmin: false }).problems).toEqual({
      username: 'users.error.usernameRequired',
      password: 'users.error.passwordTooShort',
      passwordConfirm: 'users.error.passwordMismatch',
    });
  });
});
