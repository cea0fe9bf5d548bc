import type { MessageTable } from '../../../lib/i18n/define-messages.ts';

/** The project page's sandbox tools: reset, state export and import. In Korean, the reference (the guide's labels). */
export const messages = {
  'sandbox.title': '샌드박스',
  'sandbox.adminOnly': '프로젝트 관리자만 사용할 수 있습니다',
  'sandbox.reset.button': '프로젝트 초기화',
  'sandbox.reset.title': '프로젝트 초기화',
  'sandbox.reset.explain':
    '이 프로젝트의 로드 밸런서, 공인 IP, Block Storage와 스냅샷, 인스턴스, 개인 이미지, 키페어, 보안 그룹을 모두 삭제합니다. Default Network와 default 보안 그룹은 남습니다. 되돌릴 수 없습니다.',
  'sandbox.reset.typeName': '확인을 위해 프로젝트 이름 {name}을(를) 입력하세요',
  'sandbox.reset.confirm': '초기화',
  'sandbox.reset.started': '프로젝트 초기화를 시작했습니다',
  'sandbox.reset.running': '초기화가 진행 중입니다',
  'sandbox.reset.progress': '삭제 중: {removed} / {total}',
  'sandbox.reset.done': '초기화 완료: 리소스 {removed}개를 삭제했습니다',
  'sandbox.state.export': '상태 내보내기',
  'sandbox.state.import': '상태 가져오기',
  'sandbox.state.importing': '가져오는 중입니다',
  'sandbox.state.imported': '상태를 가져왔습니다',
  'sandbox.state.created': '인스턴스 {instances}개, Block Storage {volumes}개, 공인 IP {floatingIps}개, 키페어 {keyPairs}개, 보안 그룹 {securityGroups}개, 규칙 {rules}개를 만들었습니다.',
  'sandbox.state.skipped': '{kind} {name}: 건너뜀 ({reason})',
  'sandbox.all.title': '샌드박스 전체 초기화',
  'sandbox.all.explain': '모든 프로젝트의 리소스를 삭제하고 모든 학습자의 가이드 진행을 처음으로 되돌립니다. 사용자와 프로젝트는 남습니다. 되돌릴 수 없습니다.',
  'sandbox.all.typeReset': '확인을 위해 RESET을 입력하세요',
  'sandbox.all.button': '전체 초기화',
  'sandbox.all.progress': '프로젝트 {done} / {projects} 완료, 리소스 {removed} / {total} 삭제',
  'sandbox.all.done': '초기화 완료: 프로젝트 {projects}개, 리소스 {removed}개 삭제, 가이드 진행 {tutorials}건 초기화',
} satisfies MessageTable;
