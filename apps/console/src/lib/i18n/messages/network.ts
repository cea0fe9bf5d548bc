import { defineMessages } from '../define-messages.ts';

/** Network > VPC: the project's networks and subnets. */
export const networkMessages = defineMessages(
  {
    'vpc.description': '프로젝트의 사설 네트워크입니다. Instance는 여기서 Private IP를 받고, Router를 통해 외부 네트워크(Public Network)와 연결됩니다.',
    'vpc.empty': '네트워크가 없습니다.',
    'vpc.cidr': 'CIDR',
    'vpc.gateway': 'Gateway',
    'vpc.router': 'Router',
    'vpc.externalNetwork': '외부 네트워크',
    'vpc.subnetId': 'Subnet ID',
    'vpc.noRouter': '연결 안 됨',
  },
  {
    'vpc.description': 'The project’s private networks. Instances get their private IP here; a router connects the network to the external (public) network.',
    'vpc.empty': 'No networks.',
    'vpc.cidr': 'CIDR',
    'vpc.gateway': 'Gateway',
    'vpc.router': 'Router',
    'vpc.externalNetwork': 'External network',
    'vpc.subnetId': 'Subnet ID',
    'vpc.noRouter': 'Not connected',
  },
);
