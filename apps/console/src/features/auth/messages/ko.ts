import type { MessageTable } from '../../../lib/i18n/define-messages.ts';

/** Sign-in refusals the login screen explains, and "비밀번호 변경" of the signed-in user. In Korean, the reference (the guide's labels). */
export const messages = {
  'login.rateLimited': '로그인 실패가 너무 많습니다. {seconds}초 후에 다시 시도하세요.',
  'login.disabled': '비활성화된 계정입니다. 관리자에게 문의하세요.',
  'account.changePasswordTitle': '비밀번호 변경',
  'account.currentPassword': '현재 비밀번호',
  'account.newPassword': '새 비밀번호',
  'account.newPasswordHint': '8자 이상. 사용자 이름, 같은 문자의 반복, 흔한 비밀번호는 쓸 수 없습니다.',
  'account.newPasswordConfirm': '새 비밀번호 확인',
  'account.changeSubmit': '변경',
  'account.changed': '비밀번호를 변경했습니다. 다른 곳의 로그인은 모두 종료되었습니다.',
  'account.passwordMismatch': '비밀번호가 일치하지 않습니다',
} satisfies MessageTable;
