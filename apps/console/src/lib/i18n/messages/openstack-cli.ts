import { defineMessages } from '../define-messages.ts';

export const openstackCliMessages = defineMessages(
  {
    'openstackCli.equivalent': 'OpenStack CLI로 같은 작업',
    'openstackCli.cloudsYaml': 'clouds.yaml 내려받기',
    'openstackCli.cloudsYamlHint': '이 프로젝트를 openstack CLI로 다루는 설정입니다. 비밀번호를 추가하거나 OS_PASSWORD로 입력하세요.',
  },
  {
    'openstackCli.equivalent': 'The same with the OpenStack CLI',
    'openstackCli.cloudsYaml': 'Download clouds.yaml',
    'openstackCli.cloudsYamlHint': 'Settings for driving this project with the openstack CLI; add your password or set OS_PASSWORD.',
  },
);
