import type { Translation } from '../../../lib/i18n/define-messages.ts';
import type { messages as ko } from './ko.ts';

/** In English: exactly the Korean table's keys (the type checker holds it to them). */
export const messages = {
  'flowLogs.title': 'Flow log',
  'flowLogs.description': 'Connections from this machine to the floating IP of {name}, and whether its security groups accepted (ACCEPT) or dropped (DROP) them, and why. The last 200 are kept.',
  'flowLogs.empty': 'No connections recorded yet. Try SSH or HTTP to the floating IP and they appear here.',
  'flowLogs.at': 'Time',
  'flowLogs.source': 'Source',
  'flowLogs.destination': 'Destination',
  'flowLogs.action': 'Action',
  'flowLogs.reason': 'Reason',
  'flowLogs.actionHint.ACCEPT': 'A rule allowed it: the connection was made',
  'flowLogs.actionHint.DROP': 'No rule allows it: dropped without an answer',
  'flowLogs.actionHint.REJECT': 'A rule allows it, but nothing listens on the port: refused',
} satisfies Translation<typeof ko>;
