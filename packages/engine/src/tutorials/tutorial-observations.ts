// What the data plane saw happen in guests, kept in memory per project for the tutorial checks:
// ssh logins (the ssh server reports each one) and HTTP requests a guest answered (the traffic
// module reports each one, with the source the guest saw: a client, or a load balancer's VIP).
// Only the newest few per project are kept; a completed step is what is persisted.

export interface SshLoginObservation {
  instanceId: string;
  at: number;
}

export interface HttpAnswerObservation {
  instanceId: string;
  port: number;
  clientIp: string;
  status: number;
  at: number;
}

const KEEP = 32;

function push<T>(map: Map<string, T[]>, projectId: string, item: T): void {
  let list = map.get(projectId);
  if (!list) map.set(projectId, (list = []));
  list.push(item);
  if (list.length > KEEP) list.splice(0, list.length - KEEP);
}

export class TutorialObservations {
  private readonly logins = new Map<string, SshLoginObservation[]>();
  private readonly answers = new Map<string, HttpAnswerObservation[]>();

  addSshLogin(projectId: string, observation: SshLoginObservation): void {
    push(this.logins, projectId, observation);
  }

  addHttpAnswer(projectId: string, observation: HttpAnswerObservation): void {
    push(this.answers, projectId, observation);
  }

  sshLogins(projectId: string): readonly SshLoginObservation[] {
    return this.logins.get(projectId) ?? [];
  }

  /** Oldest first. */
  httpAnswers(projectId: string): readonly HttpAnswerObservation[] {
    return this.answers.get(projectId) ?? [];
  }

  clear(): void {
    this.logins.clear();
    this.answers.clear();
  }
}
