import { createEngine, DatabaseStartupError, EngineError, type Engine } from '@sandcloud/engine';
import { join } from 'node:path';

/** Where a command writes its lines. */
export interface CliOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * Opens the data directory's engine for a command. Opening takes the data directory's lock, so
 * while a server runs there it refuses with the store's one line: answers undefined (exit code 1).
 */
export function openCliEngine(dataDir: string, io: CliOutput, options: { speed?: number } = {}): Engine | undefined {
  try {
    return createEngine({ databasePath: join(dataDir, 'sandcloud.db'), ...options });
  } catch (error) {
    if (!(error instanceof DatabaseStartupError)) throw error;
    io.err(`sandcloud: ${error.message}`);
    return undefined;
  }
}

/** An engine's refusal as the command's one line and exit code 1; anything else is rethrown. */
export function engineErrorExit(error: unknown, io: CliOutput): number {
  if (!(error instanceof EngineError)) throw error;
  io.err(`sandcloud: ${error.message}`);
  return 1;
}
