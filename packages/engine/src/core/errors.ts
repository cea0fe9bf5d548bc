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
  | 'QUOTA_EXCEEDED';

export class EngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

export const invalidInput = (message: string, field?: string) => new EngineError('INVALID_INPUT', message, field);
export const notFound = (kind: string, id: string) => new EngineError('NOT_FOUND', `No ${kind} with id ${id}`);
export const conflict = (message: string, field?: string) => new EngineError('CONFLICT', message, field);
export const forbidden = (message: string) => new EngineError('FORBIDDEN', message);
export const quotaExceeded = (message: string, field?: string) => new EngineError('QUOTA_EXCEEDED', message, field);
