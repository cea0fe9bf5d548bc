import type { Translation } from '../../../lib/i18n/define-messages.ts';
import type { messages as ko } from './ko.ts';

/** In English: exactly the Korean table's keys (the type checker holds it to them). */
export const messages = {
  'login.rateLimited': 'Too many failed sign-ins. Try again in {seconds} seconds.',
  'login.disabled': 'This account has been disabled. Ask an administrator.',
  'account.changePasswordTitle': 'Change password',
  'account.currentPassword': 'Current password',
  'account.newPassword': 'New password',
  'account.newPasswordHint': 'At least 8 characters; not the user name, one repeated character or a common password.',
  'account.newPasswordConfirm': 'Confirm new password',
  'account.changeSubmit': 'Change',
  'account.changed': 'Password changed. Every other sign-in has been ended.',
  'account.passwordMismatch': 'The passwords do not match',
} satisfies Translation<typeof ko>;
