import type { Translation } from '../../../lib/i18n/define-messages.ts';
import type { messages as ko } from './ko.ts';

/** In English: exactly the Korean table's keys (the type checker holds it to them). */
export const messages = {
  'members.description': 'Who can reach this project, and with which role. Only project admins add members, change roles and remove members.',
  'members.username': 'User name',
  'members.role': 'Role',
  'members.you': 'you',
  'members.empty': 'There are no members.',
  'members.changeRole': 'Change role',
  'members.remove': 'Remove',
  'members.adminOnly': 'Only project admins can manage members',
  'members.lastAdmin': 'A project keeps at least one admin. Make another member an admin first',
  'members.roleHelp.admin': 'Creates and manages every resource; adds and removes members and changes their roles.',
  'members.roleHelp.member': 'Creates and manages resources; cannot manage members.',
  'members.roleHelp.viewer': 'Only looks at resources.',
  'members.addTitle': 'Add member',
  'members.addSubmit': 'Add',
  'members.usernameHint': 'The name of a user a system administrator has added.',
  'members.error.usernameRequired': 'Enter a user name',
  'members.error.alreadyMember': '{name} is already a {role} of this project. Use Change role in the list',
  'members.changeRoleTitle': 'Change role of {name}',
  'members.roleChanged': '{name} is now {role}',
  'members.selfDemoteWarning': 'Once you give up the admin role, you can no longer manage the members of this project.',
  'members.removeTitle': 'Remove member',
  'members.removeConfirm': 'Remove {name} from this project? They will no longer reach the project or its resources. Their user account stays.',
  'members.removeSelfWarning': 'If you remove yourself, you will no longer reach this project.',
  'members.removed': 'Removed {name} from the project',
} satisfies Translation<typeof ko>;
