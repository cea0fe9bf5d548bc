import { lazy } from 'react';
// The auth feature's public surface: the signed-in session (who the user is, whether they are an
// admin), and for the shell: sign-out, the saved language and the change-password dialog.
export { sessionQuery, useLogout, useSaveLanguage, useSession } from './api/session.ts';
// Opened rarely: the dialog (and its form) loads when first shown, not with the shell.
export const ChangePasswordDialog = lazy(() => import('./components/change-password-dialog.tsx').then((module) => ({ default: module.ChangePasswordDialog })));
