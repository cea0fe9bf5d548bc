// Guided tutorials are data (`tutorials/*.json` at the repository root): steps with their texts in
// Korean and English, the control each step points at, and the check the engine runs against the
// real state. The checks are this list: a new tutorial composes them without code in the panel.

export const TUTORIAL_CHECKS = [
  /** Compute & Network is activated in the project. */
  'product-activated',
  /** An instance is ACTIVE with a key pair whose private key was generated and downloaded. */
  'instance-with-downloaded-key',
  /** An ACTIVE instance has its port on the project's Default Network. */
  'instance-on-default-network',
  /** A floating IP is associated with an instance. */
  'floating-ip-associated',
  /** A rule admits the port (`params.port`, 22) and a real ssh login into the instance happened. */
  'ssh-login',
  /** A web server in a guest answered a request that came through its floating IP (`params.port`, 80). */
  'http-through-floating-ip',
  /** A volume is attached and mounted in the guest (its mount table shows it). */
  'volume-mounted',
  /** A private image was made from a stopped instance. */
  'image-from-stopped-instance',
  /** Two instances (`params.count`) launched from a private image are ACTIVE. */
  'instances-from-image',
  /** A load balancer with those instances as members answered alternately through its floating IP. */
  'load-balancer-alternates',
] as const;
export type TutorialCheck = (typeof TUTORIAL_CHECKS)[number];

export const TUTORIAL_LANGUAGES = ['ko', 'en'] as const;
export type TutorialText = Record<(typeof TUTORIAL_LANGUAGES)[number], string>;

export interface TutorialStepDefinition {
  id: string;
  title: TutorialText;
  /** What to do, in a few sentences. */
  body: TutorialText;
  check: { kind: TutorialCheck; port?: number; count?: number };
  /**
   * The control the step points at: a `data-tour` value (or, for markup without one, a CSS
   * selector), and the console screen it lives on.
   */
  target?: { tour?: string; selector?: string; screen?: TutorialScreen };
}

export interface TutorialDefinition {
  id: string;
  version: number;
  title: TutorialText;
  summary: TutorialText;
  steps: TutorialStepDefinition[];
}

/** Console screens a step can send the learner to (the console maps each to its path). */
export const TUTORIAL_SCREENS = [
  'overview',
  'instances',
  'key-pairs',
  'topology',
  'floating-ips',
  'security-groups',
  'block-storage',
  'images',
  'load-balancers',
] as const;
export type TutorialScreen = (typeof TUTORIAL_SCREENS)[number];

/** Why an open step is not done yet, worked out from the real state (the console words it). */
export const TUTORIAL_HINTS = [
  'product-not-activated',
  'no-instance',
  'instance-not-active',
  'key-not-downloaded',
  'no-floating-ip',
  'port-closed',
  'port-closed-dropped',
  'no-login-yet',
  'nothing-listens',
  'no-request-yet',
  'no-volume-attached',
  'volume-not-mounted',
  'instance-not-stopped',
  'no-private-image',
  'too-few-instances-from-image',
  'no-load-balancer',
  'members-missing',
  'members-offline',
  'load-balancer-no-floating-ip',
  'no-alternation-yet',
] as const;
export type TutorialHint = (typeof TUTORIAL_HINTS)[number];

/** Where a hint sends the learner: an instance's flow log, a security group's rule dialog… */
export interface TutorialHintLink {
  kind: 'flow-log' | 'rule-dialog' | 'instance' | 'load-balancer' | 'screen';
  id?: string;
  screen?: TutorialScreen;
}

export const TUTORIAL_PROGRESS_STATUSES = ['IN_PROGRESS', 'COMPLETED'] as const;
export type TutorialProgressStatus = (typeof TUTORIAL_PROGRESS_STATUSES)[number];
