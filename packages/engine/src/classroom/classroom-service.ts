import { quotaLimitProblem, USERNAME_PATTERN, type Quotas } from '@sandcloud/domain';
import type { QuotaGuard } from '../catalog/quota-guard.ts';
import type { Clock } from '../core/clock.ts';
import { conflict, invalidInput, notFound } from '../core/errors.ts';
import { newId } from '../core/ids.ts';
import type { IdentityService, User } from '../identity/identity-service.ts';
import { generatePassword } from '../identity/passwords.ts';
import type { ProjectService } from '../projects/project-service.ts';
import { parseState, type ProjectState } from '../sandbox/project-state.ts';
import type { Store } from '../store/kinds.ts';
import type { ResourceBase } from '../store/resource.ts';
import type { TutorialProgressView, TutorialService } from '../tutorials/tutorial-service.ts';

// A classroom: an administrator enrolls a list of learners and each gets a user (with a generated
// password, told once), a project of their own with Compute & Network activated and, optionally,
// a prepared state imported into it. The teacher becomes an admin member of every learner's
// project, so the teacher's view hears the learners' tutorial progress live through the ordinary
// event stream, and can step in to help.
//
// Everything is checked before anything is created (names, duplicates, existing users, the state
// file). Passwords are hashed concurrently on the thread pool (the slow part), a few at a time so
// sign-ins of others are not refused as BUSY meanwhile.

export const CLASSROOM_KIND = 'classroom';

export interface LearnerInput {
  name: string;
  email?: string | undefined;
  login?: string | undefined;
}

export interface ClassroomLearner {
  name: string;
  email: string | null;
  username: string;
  userId: string;
  projectId: string;
  projectName: string;
}

export interface Classroom extends ResourceBase {
  teacherId: string;
  learners: ClassroomLearner[];
}

export interface EnrollInput {
  name: string;
  learners: LearnerInput[];
  /** A `sandcloud-state` document imported into every learner's project. */
  state?: unknown;
  /** Limits every learner's project gets (the others stay the defaults), set after the prepared state is in. */
  quotas?: Partial<Quotas>;
}

export interface EnrollResult {
  classroom: Classroom;
  /** The initial passwords, in the learners' order: given once, never stored. */
  passwords: { username: string; password: string }[];
}

export interface LearnerProgress {
  learner: ClassroomLearner;
  /** The learner's progress in their own project, per tutorial they started. */
  tutorials: TutorialProgressView[];
}

/** At most this many learners in one enrolment (a class, not a university). */
export const MAX_LEARNERS = 500;
/** Hashes in flight at once: the hashing queue runs two and lets a few wait (see `passwords.ts`). */
const HASHES_IN_FLIGHT = 6;

/** The user name a learner gets: the login if given, else the e-mail's local part, else the name. */
export function usernameFor(learner: LearnerInput): string {
  if (learner.login?.trim()) return learner.login.trim();
  const source = learner.email?.trim() ? learner.email.trim().split('@')[0]! : learner.name;
  const slug = source
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '.')
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '')
    .toLowerCase();
  return slug.length >= 2 ? slug.slice(0, 64) : `learner-${slug}`.replace(/-$/, '');
}

export class ClassroomService {
  constructor(
    private readonly store: Store,
    private readonly identity: IdentityService,
    private readonly projects: ProjectService,
    private readonly state: ProjectState,
    private readonly tutorials: TutorialService,
    private readonly clock: Clock,
    private readonly quotas: QuotaGuard,
  ) {}

  async enroll(teacher: User, input: EnrollInput): Promise<EnrollResult> {
    const name = input.name.trim();
    if (name === '') throw invalidInput('Name the classroom', 'name').coded('name.required');
    if (this.store.findByName<Classroom>(CLASSROOM_KIND, null, name)) throw conflict(`A classroom named ${name} exists already`, 'name').coded('name.taken', { kind: 'classroom', name });
    if (input.learners.length === 0) throw invalidInput('The list has no learners', 'learners').coded('classroom.csvEmpty');
    if (input.learners.length > MAX_LEARNERS) throw invalidInput(`At most ${MAX_LEARNERS} learners at once`, 'learners').coded('classroom.learnersTooMany', { max: MAX_LEARNERS });
    const state = input.state === undefined ? undefined : parseState(input.state);
    for (const [quota, value] of Object.entries(input.quotas ?? {})) {
      const problem = quotaLimitProblem(quota, value);
      if (problem) throw invalidInput(problem, `quotas.${quota}`).coded('input.invalid', { field: `quotas.${quota}`, detail: problem });
    }

    const seen = new Set<string>();
    const planned = input.learners.map((learner, index) => {
      // Which learner a message is about: its place in the list (from 1) and how it is named there.
      const which = { number: index + 1, learner: learner.name || learner.email || learner.login || '?' };
      const row = `Learner ${which.number} (${which.learner})`;
      if (!learner.name.trim() && !learner.email?.trim() && !learner.login?.trim()) {
        throw invalidInput(`Learner ${index + 1}: give a name, an e-mail or a login`, 'learners').coded('classroom.learnerEmpty', { number: which.number });
      }
      if (learner.email?.trim() && !/^[^@\s]+@[^@\s]+$/.test(learner.email.trim())) {
        throw invalidInput(`${row}: "${learner.email}" is not an e-mail address`, 'learners').coded('classroom.learnerEmailInvalid', { ...which, email: learner.email });
      }
      const username = usernameFor(learner);
      if (!USERNAME_PATTERN.test(username)) {
        throw invalidInput(`${row}: "${username}" cannot be a user name (2–64 letters, digits, ".", "_" or "-")`, 'learners').coded('classroom.learnerUsernameInvalid', { ...which, username });
      }
      const key = username.toLowerCase();
      if (seen.has(key)) throw invalidInput(`${row}: the user name ${username} appears twice in the list`, 'learners').coded('classroom.learnerUsernameTwice', { ...which, username });
      seen.add(key);
      if (this.identity.findUser(username)) throw conflict(`${row}: a user named ${username} exists already`, 'learners').coded('classroom.learnerUserExists', { ...which, username });
      return { name: learner.name.trim() || username, email: learner.email?.trim() || null, username, password: generatePassword() };
    });

    // The slow part: one scrypt hash per learner, a few at a time on the thread pool.
    const users: User[] = new Array<User>(planned.length);
    let next = 0;
    const worker = async () => {
      while (next < planned.length) {
        const index = next++;
        const learner = planned[index]!;
        users[index] = await this.identity.addUser({ username: learner.username, password: learner.password });
      }
    };
    await Promise.all(Array.from({ length: Math.min(HASHES_IN_FLIGHT, planned.length) }, worker));

    const learners: ClassroomLearner[] = planned.map((learner, index) => {
      const user = users[index]!;
      const project = this.projects.create(user, { name: `${learner.username}-lab`, description: `${name}: ${learner.name}` });
      this.projects.activateCompute(project.id, this.clock.now());
      this.projects.setMember(project.id, teacher, 'admin');
      if (state) this.state.import(project.id, state);
      if (input.quotas && Object.keys(input.quotas).length > 0) this.quotas.setLimits(project.id, input.quotas);
      return { name: learner.name, email: learner.email, username: learner.username, userId: user.id, projectId: project.id, projectName: project.name };
    });
    const classroom = this.store.transaction(() =>
      this.store.insert<Classroom>(CLASSROOM_KIND, { id: newId(), projectId: null, name, status: 'ACTIVE', teacherId: teacher.id, learners }),
    );
    return { classroom, passwords: planned.map(({ username, password }) => ({ username, password })) };
  }

  list(): Classroom[] {
    return this.store.list<Classroom>(CLASSROOM_KIND, null);
  }

  get(id: string): Classroom {
    const classroom = this.store.get<Classroom>(CLASSROOM_KIND, id);
    if (!classroom) throw notFound('classroom', id);
    return classroom;
  }

  /** The teacher's view: each learner's tutorial progress in their project (which step, since when, why stuck). */
  progress(id: string): LearnerProgress[] {
    return this.get(id).learners.map((learner) => ({
      learner,
      tutorials: this.tutorials.progressIn(learner.projectId).filter((view) => view.userId === learner.userId),
    }));
  }
}
