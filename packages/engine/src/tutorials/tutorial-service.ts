import type { TutorialDefinition, TutorialProgressStatus } from '@sandcloud/domain';
import type { Clock } from '../core/clock.ts';
import { notFound } from '../core/errors.ts';
import type { EventBus, ResourceEvent } from '../core/events.ts';
import { newId } from '../core/ids.ts';
import type { FlowLogService } from '../flow-logs/flow-log-service.ts';
import type { GuestService } from '../guests/guest-service.ts';
import type { TrafficService } from '../traffic/traffic-service.ts';
import type { Store } from '../store/kinds.ts';
import type { ResourceBase } from '../store/resource.ts';
import { POLLED_CHECKS, TUTORIAL_CHECK_FUNCTIONS, type CheckContext, type StepHint } from './tutorial-checks.ts';
import { TutorialObservations } from './tutorial-observations.ts';

// The guided tutorials' engine. Tutorials are definitions handed in at start (the BFF reads and
// validates `tutorials/*.json`); a learner's progress is a `tutorial-progress` row per user,
// project and tutorial, so it survives reloads and restarts and its changes reach the console
// through the ordinary event stream. Steps are checked against the real state whenever the
// engine says something changed in the project (a resource event, an ssh login, an HTTP answer),
// plus a slow timer for facts without events (a guest's mount table, the flow log). A step done
// stays done; steps are independent, so a skipped step stays open (with its hint) while the
// learner goes on.

export const TUTORIAL_PROGRESS_KIND = 'tutorial-progress';

export interface TutorialProgress extends ResourceBase {
  status: TutorialProgressStatus;
  tutorialId: string;
  userId: string;
  username: string;
  startedAt: number;
  completedAt: number | null;
  /** Step id → when its check first passed. */
  steps: Record<string, number>;
  /** Every open step's hint, code and parameters: a change is an event, so viewers follow every hint live. */
  hintKey: string | null;
}

export interface TutorialStepView {
  id: string;
  done: boolean;
  completedAt: number | null;
  /** From the previous completion (or the start) to this step's. */
  durationMs: number | null;
  hint: StepHint | null;
}

export interface TutorialProgressView {
  id: string;
  projectId: string;
  tutorialId: string;
  userId: string;
  username: string;
  status: TutorialProgressStatus;
  startedAt: number;
  completedAt: number | null;
  /** The first step not done, or null once all are. */
  currentStepId: string | null;
  /** Since when the current step has been open (the last completion, or the start). */
  openSince: number;
  steps: TutorialStepView[];
}

const POLL_MS = 1_500;
const HTTP_SETTLE_MS = 150;

export interface TutorialDeps {
  guests: GuestService;
  flowLogs: FlowLogService;
  traffic: TrafficService;
}

export class TutorialService {
  private readonly tutorials = new Map<string, TutorialDefinition>();
  readonly observations = new TutorialObservations();
  private readonly pending = new Set<string>();
  private readonly delayed = new Map<string, NodeJS.Timeout>();
  private pollTimer: NodeJS.Timeout | null = null;
  private stopHttpWatch: (() => void) | null = null;

  constructor(
    private readonly store: Store,
    events: EventBus,
    private readonly clock: Clock,
    private readonly deps: TutorialDeps,
  ) {
    events.subscribe((event) => this.onEvent(event));
    this.watchHttp();
  }

  /**
   * Listens to the guests' HTTP answers only while some tutorial is in progress: the traffic
   * module's hot path stays as it was for everyone else.
   */
  private watchHttp(): void {
    const wanted = this.store.list<TutorialProgress>(TUTORIAL_PROGRESS_KIND).some((progress) => progress.status === 'IN_PROGRESS');
    if (wanted && !this.stopHttpWatch) {
      this.stopHttpWatch = this.deps.traffic.onHttpAnswered((instanceId, port, request, status) => {
        // Health checks (HAProxy's `httpchk`) send no Host header; browsers and curl always do.
        if (!request.headers?.['host'] && !request.headers?.['Host']) return;
        const projectId = this.store.get('instance', instanceId)?.projectId;
        if (!projectId || !this.hasOpenProgress(projectId)) return;
        this.observations.addHttpAnswer(projectId, { instanceId, port, clientIp: request.clientIp, status, at: this.clock.now() });
        this.scheduleLater(projectId, HTTP_SETTLE_MS);
      });
    } else if (!wanted && this.stopHttpWatch) {
      this.stopHttpWatch();
      this.stopHttpWatch = null;
    }
  }

  /** Replaces the known tutorials (validated by the caller: ids unique, checks known). */
  register(definitions: readonly TutorialDefinition[]): void {
    this.tutorials.clear();
    for (const definition of definitions) this.tutorials.set(definition.id, definition);
  }

  list(): TutorialDefinition[] {
    return [...this.tutorials.values()];
  }

  definition(tutorialId: string): TutorialDefinition {
    const definition = this.tutorials.get(tutorialId);
    if (!definition) throw notFound('tutorial', tutorialId);
    return definition;
  }

  /** The data plane's hook: a user logged in over ssh to an instance. */
  sshLogin(projectId: string, instanceId: string): void {
    if (!this.hasOpenProgress(projectId)) return;
    this.observations.addSshLogin(projectId, { instanceId, at: this.clock.now() });
    this.schedule(projectId);
  }

  /** Starts (or starts over) a tutorial for a user in a project; what is already true turns green at once. */
  start(projectId: string, user: { id: string; username: string }, tutorialId: string): TutorialProgressView {
    this.definition(tutorialId);
    const now = this.clock.now();
    const progress = this.store.transaction(() => {
      const existing = this.progressOf(projectId, user.id, tutorialId);
      const fresh = { status: 'IN_PROGRESS' as const, startedAt: now, completedAt: null, steps: {}, hintKey: null };
      if (existing) return this.store.update<TutorialProgress>(TUTORIAL_PROGRESS_KIND, existing, fresh, 'Tutorial started over');
      return this.store.insert<TutorialProgress>(TUTORIAL_PROGRESS_KIND, {
        id: newId(),
        projectId,
        name: `${tutorialId}/${user.username}`,
        tutorialId,
        userId: user.id,
        username: user.username,
        ...fresh,
      });
    });
    this.watchHttp();
    this.evaluate(projectId);
    return this.view(this.store.get<TutorialProgress>(TUTORIAL_PROGRESS_KIND, progress.id)!);
  }

  progressOf(projectId: string, userId: string, tutorialId: string): TutorialProgress | undefined {
    return this.store.view<TutorialProgress>(TUTORIAL_PROGRESS_KIND, projectId).find((p) => p.userId === userId && p.tutorialId === tutorialId);
  }

  /** Every learner's progress in a project (the teacher's view), or in every project when null. */
  progressIn(projectId: string | null): TutorialProgressView[] {
    const rows = projectId === null ? this.store.list<TutorialProgress>(TUTORIAL_PROGRESS_KIND) : this.store.list<TutorialProgress>(TUTORIAL_PROGRESS_KIND, projectId);
    return rows.filter((row) => this.tutorials.has(row.tutorialId)).map((row) => this.view(row));
  }

  /** A user's progress with each step's state, time and, when open, why it probably is not done. */
  view(progress: TutorialProgress): TutorialProgressView {
    const definition = this.definition(progress.tutorialId);
    const ctx = this.context(progress);
    const completions = Object.values(progress.steps).sort((a, b) => a - b);
    const before = (at: number) => completions.filter((c) => c < at).at(-1) ?? progress.startedAt;
    const steps = definition.steps.map((step): TutorialStepView => {
      const completedAt = progress.steps[step.id] ?? null;
      if (completedAt !== null) return { id: step.id, done: true, completedAt, durationMs: completedAt - before(completedAt), hint: null };
      return { id: step.id, done: false, completedAt: null, durationMs: null, hint: TUTORIAL_CHECK_FUNCTIONS[step.check.kind](ctx, step).hint };
    });
    return {
      id: progress.id,
      projectId: progress.projectId!,
      tutorialId: progress.tutorialId,
      userId: progress.userId,
      username: progress.username,
      status: progress.status,
      startedAt: progress.startedAt,
      completedAt: progress.completedAt,
      currentStepId: steps.find((step) => !step.done)?.id ?? null,
      openSince: completions.at(-1) ?? progress.startedAt,
      steps,
    };
  }

  /** Runs the open steps' checks of every tutorial in progress in the project; records what passed. */
  evaluate(projectId: string): void {
    this.pending.delete(projectId);
    for (const progress of this.store.list<TutorialProgress>(TUTORIAL_PROGRESS_KIND, projectId)) {
      if (progress.status !== 'IN_PROGRESS') continue;
      const definition = this.tutorials.get(progress.tutorialId);
      if (!definition) continue;
      const ctx = this.context(progress);
      const now = this.clock.now();
      const steps = { ...progress.steps };
      const hints: string[] = [];
      for (const step of definition.steps) {
        if (steps[step.id] !== undefined) continue;
        const result = TUTORIAL_CHECK_FUNCTIONS[step.check.kind](ctx, step);
        if (result.done) steps[step.id] = now;
        else if (result.hint) hints.push(`${step.id}:${result.hint.code}:${JSON.stringify(result.hint.params)}`);
      }
      const hintKey = hints.length > 0 ? hints.join('\n') : null;
      const newlyDone = Object.keys(steps).length !== Object.keys(progress.steps).length;
      const complete = definition.steps.every((step) => steps[step.id] !== undefined);
      if (!newlyDone && hintKey === progress.hintKey) continue;
      this.store.transaction(() =>
        this.store.update<TutorialProgress>(
          TUTORIAL_PROGRESS_KIND,
          progress,
          { steps, hintKey, ...(complete ? { status: 'COMPLETED' as const, completedAt: now } : {}) },
          complete ? 'Tutorial completed' : newlyDone ? 'Tutorial step done' : undefined,
        ),
      );
      if (complete) this.watchHttp();
    }
  }

  /** Re-checks the steps whose facts change without events, while any is open. */
  startPolling(): void {
    if (this.pollTimer) return;
    this.pollTimer = setInterval(() => this.poll(), POLL_MS);
    this.pollTimer.unref();
  }

  stop(): void {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    for (const timer of this.delayed.values()) clearTimeout(timer);
    this.delayed.clear();
  }

  /** Forgets every learner's progress and what was observed (the whole sandbox's reset). Returns how many progress rows went. */
  forgetAll(): number {
    const removed = this.store.transaction(() => {
      const rows = this.store.list<TutorialProgress>(TUTORIAL_PROGRESS_KIND);
      for (const row of rows) this.store.delete(TUTORIAL_PROGRESS_KIND, row);
      return rows.length;
    });
    this.observations.clear();
    this.watchHttp();
    return removed;
  }

  private poll(): void {
    const projects = new Set<string>();
    for (const progress of this.store.list<TutorialProgress>(TUTORIAL_PROGRESS_KIND)) {
      if (progress.status !== 'IN_PROGRESS' || !progress.projectId) continue;
      const definition = this.tutorials.get(progress.tutorialId);
      if (definition?.steps.some((step) => progress.steps[step.id] === undefined && POLLED_CHECKS.has(step.check.kind))) projects.add(progress.projectId);
    }
    for (const projectId of projects) this.safely(projectId);
  }

  private onEvent(event: ResourceEvent): void {
    if (event.kind === TUTORIAL_PROGRESS_KIND || !event.projectId) return;
    if (this.hasOpenProgress(event.projectId)) this.schedule(event.projectId);
  }

  private hasOpenProgress(projectId: string): boolean {
    return this.store.view<TutorialProgress>(TUTORIAL_PROGRESS_KIND, projectId).some((progress) => progress.status === 'IN_PROGRESS');
  }

  /** Once per burst of events: after the current turn (events arrive in batches at commit). */
  private schedule(projectId: string): void {
    if (this.pending.has(projectId)) return;
    this.pending.add(projectId);
    queueMicrotask(() => {
      if (this.pending.has(projectId)) this.safely(projectId);
    });
  }

  /** HTTP answers come by the hundred under load: at most one evaluation per short interval. */
  private scheduleLater(projectId: string, ms: number): void {
    if (this.delayed.has(projectId)) return;
    const timer = setTimeout(() => {
      this.delayed.delete(projectId);
      this.safely(projectId);
    }, ms);
    timer.unref();
    this.delayed.set(projectId, timer);
  }

  private safely(projectId: string): void {
    try {
      this.evaluate(projectId);
    } catch {
      // A check that throws (a record deleted mid-way) is retried at the next event or poll.
      this.pending.delete(projectId);
    }
  }

  private context(progress: TutorialProgress): CheckContext {
    return {
      store: this.store,
      guests: this.deps.guests,
      flowLogs: this.deps.flowLogs,
      observations: this.observations,
      projectId: progress.projectId!,
      since: progress.startedAt,
    };
  }
}

/**
 * Checks what the engine cannot take on trust from a definition file (the schema checks the shape).
 * A mistake stops the server's start (the operator's files, read once): a plain `Error` for the
 * log, not a user's input error, so it has no message code.
 */
export function assertTutorialsConsistent(definitions: readonly TutorialDefinition[]): void {
  const ids = new Set<string>();
  for (const definition of definitions) {
    if (ids.has(definition.id)) throw new Error(`Two tutorials have the id "${definition.id}"`);
    ids.add(definition.id);
    const stepIds = new Set<string>();
    for (const step of definition.steps) {
      if (stepIds.has(step.id)) throw new Error(`Tutorial "${definition.id}" has two steps with the id "${step.id}"`);
      stepIds.add(step.id);
    }
  }
}
