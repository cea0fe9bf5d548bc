// The auth feature's public surface: the signed-in session (who the user is, whether they are an
// admin), and for the shell: sign-out, the saved language and the change-password dialog.
export { sessionQuery, useLogout, useSaveLanguage, useSession } from './api/session.ts';
export { ChangePasswordDialog } from './components/change-password-dialog.tsx';
