import type { MessageTable } from '../../../lib/i18n/define-messages.ts';

/** The administrator's classroom screen: enrolment from a CSV, the passwords once, the teacher's view. In Korean, the reference (the guide's labels). */
export const messages = {
  'classroom.title': '교실',
  'classroom.description': '학습자 목록(CSV)으로 학습자마다 사용자와 상품이 활성화된 프로젝트를 만들고, 시작하기 가이드 진행 상황을 봅니다.',
  'classroom.adminOnly': '시스템 관리자만 교실을 관리할 수 있습니다',
  'classroom.name': '교실 이름',
  'classroom.csv': '학습자 CSV',
  'classroom.csvHint': '한 줄에 한 명: name,email 또는 name,login (첫 줄이 헤더면 열 이름으로 읽습니다)',
  'classroom.file': 'CSV 파일 선택',
  'classroom.template': '준비된 상태 (선택)',
  'classroom.templateNone': '없음 (빈 프로젝트)',
  'classroom.quotas': '학습자별 쿼터 (선택)',
  'classroom.quotasHint': '비워 둔 항목은 기본 쿼터를 따릅니다',
  'classroom.create': '학습자 등록',
  'classroom.creating': '등록 중입니다…',
  'classroom.passwords': '초기 비밀번호',
  'classroom.passwordsOnce': '이 비밀번호는 지금 한 번만 표시됩니다. 학습자에게 전달하세요.',
  'classroom.username': '사용자 이름',
  'classroom.password': '비밀번호',
  'classroom.pick': '교실',
  'classroom.none': '아직 교실이 없습니다',
  'classroom.notStarted': '시작 전',
  'classroom.completed': '완료',
} satisfies MessageTable;
