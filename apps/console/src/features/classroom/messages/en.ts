import type { Translation } from '../../../lib/i18n/define-messages.ts';
import type { messages as ko } from './ko.ts';

/** In English: exactly the Korean table's keys (the type checker holds it to them). */
export const messages = {
  'classroom.title': 'Classroom',
  'classroom.description': 'Enrol learners from a CSV (a user and an activated project each) and follow their getting-started progress.',
  'classroom.adminOnly': 'Only system administrators can manage classrooms',
  'classroom.name': 'Classroom name',
  'classroom.csv': 'Learners (CSV)',
  'classroom.csvHint': 'One learner a line: name,email or name,login (a header row names the columns)',
  'classroom.file': 'Choose a CSV file',
  'classroom.template': 'Prepared state (optional)',
  'classroom.templateNone': 'None (empty projects)',
  'classroom.quotas': 'Quotas per learner (optional)',
  'classroom.quotasHint': 'Quotas left empty keep the defaults',
  'classroom.create': 'Enrol learners',
  'classroom.creating': 'Enrolling…',
  'classroom.passwords': 'Initial passwords',
  'classroom.passwordsOnce': 'These passwords are shown this once. Hand them to the learners.',
  'classroom.username': 'User name',
  'classroom.password': 'Password',
  'classroom.pick': 'Classroom',
  'classroom.none': 'No classroom yet',
  'classroom.notStarted': 'Not started',
  'classroom.completed': 'Completed',
} satisfies Translation<typeof ko>;
