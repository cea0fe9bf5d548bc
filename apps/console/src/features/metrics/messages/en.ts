import type { Translation } from '../../../lib/i18n/define-messages.ts';
import type { messages as ko } from './ko.ts';

/** In English: exactly the Korean table's keys (the type checker holds it to them). */
export const messages = {
  'metrics.title': 'Monitoring',
  'metrics.instanceDescription': 'The last hour, every {seconds} s. CPU comes from the guest\'s processes, network from connections to the floating IP (packets estimated from bytes), disk from the guest file system\'s reads and writes.',
  'metrics.waiting': 'Waiting for the first sample…',
  'metrics.cpu': 'CPU usage',
  'metrics.cpuUsage': 'CPU',
  'metrics.networkBytes': 'Network (bytes)',
  'metrics.networkPackets': 'Network (packets)',
  'metrics.packetsPerSecond': 'packets/s',
  'metrics.disk': 'Disk reads/writes',
  'metrics.in': 'In',
  'metrics.out': 'Out',
  'metrics.read': 'Read',
  'metrics.write': 'Write',
  'metrics.memberRequests': 'Requests per second by member',
  'metrics.requestsPerSecond': 'requests/s',
  'metrics.memberHealth': 'Member health',
  'metrics.healthUnit': '1 = ONLINE',
  'metrics.noMembers': 'No members.',
} satisfies Translation<typeof ko>;
