import type { MessageTable } from '../../../lib/i18n/define-messages.ts';

/** The instance page's "Flow log" tab. In Korean, the reference (the guide's labels). */
export const messages = {
  'flowLogs.title': 'Flow log',
  'flowLogs.description': '이 컴퓨터에서 {name}의 Floating IP로 들어온 연결과, Security Group이 이를 허용(ACCEPT)했는지 차단(DROP)했는지와 그 이유입니다. 최근 200개까지 보관합니다.',
  'flowLogs.empty': '기록된 연결이 없습니다. Floating IP로 SSH나 HTTP 접속을 시도하면 여기에 나타납니다.',
  'flowLogs.at': '시각',
  'flowLogs.source': '출발지',
  'flowLogs.destination': '목적지',
  'flowLogs.action': '처리',
  'flowLogs.reason': '이유',
  'flowLogs.actionHint.ACCEPT': '규칙이 허용해 연결되었습니다',
  'flowLogs.actionHint.DROP': '허용하는 규칙이 없어 응답 없이 버려졌습니다',
  'flowLogs.actionHint.REJECT': '규칙은 허용하지만 이 포트에서 응답하는 프로그램이 없어 거부되었습니다',
} satisfies MessageTable;
