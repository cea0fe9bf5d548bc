import type { MessageTable } from '../../../lib/i18n/define-messages.ts';

/** The project overview's quota usage and the administrator's quota dialog. In Korean, the reference (the guide's labels). */
export const messages = {
  'quotas.title': '할당량 사용 현황',
  'quotas.edit': '할당량 변경',
  'quotas.editTitle': '프로젝트 할당량 변경',
  'quotas.editDefaults': '기본 할당량',
  'quotas.defaultsTitle': '기본 할당량 변경 (자체 한도가 없는 모든 프로젝트)',
  'quotas.adminOnly': '관리자만 할당량을 변경할 수 있습니다',
  'quotas.inUse': '사용 중 {used}',
  'quotas.saved': '할당량을 변경했습니다',
  'quotas.error.wholeNumber': '0 이상의 정수를 입력하세요',
  'quotas.error.belowUsage': '현재 사용량({used})보다 작게 설정할 수 없습니다',
  'quotas.name.instances': '인스턴스',
  'quotas.name.vcpus': 'vCPU',
  'quotas.name.ramMb': 'RAM',
  'quotas.name.floatingIps': 'Floating IP',
  'quotas.name.securityGroups': 'Security Group',
  'quotas.name.securityGroupRules': 'Security Group Rule',
  'quotas.name.keyPairs': 'Key Pair',
  'quotas.name.volumes': 'Block Storage',
  'quotas.name.volumeGb': 'Block Storage 용량',
  'quotas.name.volumeSnapshots': 'Block Storage 스냅숏',
  'quotas.name.loadBalancers': 'Load Balancer',
  'quotas.name.networks': 'VPC',
} satisfies MessageTable;
