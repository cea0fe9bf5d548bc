import type { MessageTable } from '../../../lib/i18n/define-messages.ts';

/** A project's page tabs and its Members screen (add, change role, remove). In Korean, the reference (the guide's labels). */
export const messages = {
  'members.description': '이 프로젝트에 접근할 수 있는 사용자와 역할입니다. 프로젝트 관리자만 멤버를 추가하고 역할을 바꾸거나 제거할 수 있습니다.',
  'members.username': '사용자 이름',
  'members.role': '역할',
  'members.you': '나',
  'members.empty': '멤버가 없습니다.',
  'members.changeRole': '역할 변경',
  'members.remove': '제거',
  'members.adminOnly': '프로젝트 관리자만 멤버를 관리할 수 있습니다',
  'members.lastAdmin': '프로젝트에는 관리자가 한 명 이상 있어야 합니다. 다른 멤버를 관리자로 지정한 뒤 바꾸세요',
  'members.roleHelp.admin': '모든 리소스를 만들고 관리하며, 멤버를 추가·제거하고 역할을 바꿉니다.',
  'members.roleHelp.member': '리소스를 만들고 관리합니다. 멤버는 관리하지 못합니다.',
  'members.roleHelp.viewer': '리소스를 조회만 합니다.',
  'members.addTitle': '멤버 추가',
  'members.addSubmit': '추가',
  'members.usernameHint': '시스템 관리자가 추가한 사용자의 이름을 입력하세요.',
  'members.error.usernameRequired': '사용자 이름을 입력하세요',
  'members.error.alreadyMember': '{name}은(는) 이미 이 프로젝트의 {role}입니다. 목록의 [역할 변경]으로 바꾸세요',
  'members.changeRoleTitle': '{name}의 역할 변경',
  'members.roleChanged': '{name}의 역할을 {role}(으)로 바꿨습니다',
  'members.selfDemoteWarning': '관리자 역할을 내려놓으면 이 프로젝트의 멤버를 더 이상 관리할 수 없습니다.',
  'members.removeTitle': '멤버 제거',
  'members.removeConfirm': '{name}을(를) 이 프로젝트에서 제거합니다. 이 프로젝트와 리소스에 더 이상 접근할 수 없습니다. 사용자 계정은 그대로 남습니다.',
  'members.removeSelfWarning': '자신을 제거하면 이 프로젝트에 더 이상 접근할 수 없습니다.',
  'members.removed': '{name}을(를) 프로젝트에서 제거했습니다',
} satisfies MessageTable;
