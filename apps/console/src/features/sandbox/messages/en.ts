import type { Translation } from '../../../lib/i18n/define-messages.ts';
import type { messages as ko } from './ko.ts';

/** In English: exactly the Korean table's keys (the type checker holds it to them). */
export const messages = {
  'sandbox.title': 'Sandbox',
  'sandbox.adminOnly': 'Only project admins can do this',
  'sandbox.reset.button': 'Reset project',
  'sandbox.reset.title': 'Reset project',
  'sandbox.reset.explain':
    'Deletes every load balancer, floating IP, volume and snapshot, instance, private image, key pair and security group of this project. The Default Network and the default security group stay. This cannot be undone.',
  'sandbox.reset.typeName': 'Type the project name {name} to confirm',
  'sandbox.reset.confirm': 'Reset',
  'sandbox.reset.started': 'Project reset started',
  'sandbox.reset.running': 'A reset is running',
  'sandbox.reset.progress': 'Deleting: {removed} / {total}',
  'sandbox.reset.done': 'Reset complete: {removed} resources deleted',
  'sandbox.state.export': 'Export state',
  'sandbox.state.import': 'Import state',
  'sandbox.state.importing': 'Importing',
  'sandbox.state.imported': 'State imported',
  'sandbox.state.created': 'Created {instances} instances, {volumes} volumes, {floatingIps} floating IPs, {keyPairs} key pairs, {securityGroups} security groups and {rules} rules.',
  'sandbox.state.skipped': '{kind} {name}: skipped ({reason})',
  'sandbox.all.title': 'Reset the whole sandbox',
  'sandbox.all.explain': 'Deletes the resources of every project and starts every learner\'s guide over. Users and projects stay. This cannot be undone.',
  'sandbox.all.typeReset': 'Type RESET to confirm',
  'sandbox.all.button': 'Reset everything',
  'sandbox.all.progress': '{done} of {projects} projects done, {removed} of {total} resources removed',
  'sandbox.all.done': 'Reset done: {projects} projects, {removed} resources removed, {tutorials} guide progress records cleared',
} satisfies Translation<typeof ko>;
