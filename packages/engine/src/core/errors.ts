import type { ErrorMessageCode, ErrorMessageParams } from '@sandcloud/domain';

/**
 * Domain errors carry a code that every adapter maps to its own protocol (the BFF maps them to
 * HTTP statuses); the engine itself knows nothing of HTTP.
 */
export type EngineErrorCode =
  | 'INVALID_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'PRODUCT_NOT_ACTIVE'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'QUOTA_EXCEEDED'
  /** Too many attempts (sign-in guessing): wait `retryAfterSeconds`. */
  | 'RATE_LIMITED'
  /** The work is refused for now (a full queue); trying again later may work. */
  | 'BUSY'
  /** The account was disabled by an administrator. */
  | 'ACCOUNT_DISABLED';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly field?: string,
    /** For RATE_LIMITED: how long until a new attempt is accepted. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'EngineError';
  }

  /**
   * Which message this is (`ERROR_MESSAGES` in the domain) and the values it is formatted with, so
   * an adapter with a catalogue (the console) shows it in the user's language; `message` stays the
   * English text. One call at the throw site: `throw conflict(`…`).coded('volume.inUse', {…})`.
   */
  messageCode?: ErrorMessageCode;
  params?: Readonly<Record<string, string | number>>;

  coded<C extends ErrorMessageCode>(messageCode: C, ...params: keyof ErrorMessageParams<C> extends never ? [] : [ErrorMessageParams<C>]): this {
    this.messageCode = messageCode;
    this.params = params[0];
    return this;
  }
}

export const invalidInput = (message: string, field?: string) => new EngineError('INVALID_INPUT', message, field);
export const notFound = (kind: string, id: string) => new EngineError('NOT_FOUND', `No ${kind} with id ${id}`).coded('resource.notFound', { kind, id });
export const conflict = (message: string, field?: string) => new EngineError('CONFLICT', message, field);
export const forbidden = (message: string) => new EngineError('FORBIDDEN', message);
export const quotaExceeded = (message: string, field?: string) => new EngineError('QUOTA_EXCEEDED', message, field);
