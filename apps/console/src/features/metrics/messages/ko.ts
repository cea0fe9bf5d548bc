import type { MessageTable } from '../../../lib/i18n/define-messages.ts';

/** The "모니터링" tabs of instances and load balancers. In Korean, the reference (the guide's labels). */
export const messages = {
  'metrics.title': '모니터링',
  'metrics.instanceDescription': '최근 1시간, {seconds}초 간격. CPU는 게스트의 프로세스, 네트워크는 Floating IP로 들어온 연결(패킷은 바이트로 추정), 디스크는 게스트 파일 시스템의 읽기/쓰기입니다.',
  'metrics.waiting': '첫 측정값을 기다리는 중입니다…',
  'metrics.cpu': 'CPU 사용률',
  'metrics.cpuUsage': 'CPU',
  'metrics.networkBytes': '네트워크 (바이트)',
  'metrics.networkPackets': '네트워크 (패킷)',
  'metrics.packetsPerSecond': '패킷/초',
  'metrics.disk': '디스크 읽기/쓰기',
  'metrics.in': '수신',
  'metrics.out': '송신',
  'metrics.read': '읽기',
  'metrics.write': '쓰기',
  'metrics.memberRequests': '멤버별 초당 요청 수',
  'metrics.requestsPerSecond': '요청/초',
  'metrics.memberHealth': '멤버 상태',
  'metrics.healthUnit': '1 = ONLINE',
  'metrics.noMembers': '멤버가 없습니다.',
} satisfies MessageTable;
