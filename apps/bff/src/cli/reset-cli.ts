import { createEngine, DatabaseStartupError, EngineError } from '@sandcloud/engine';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { CliOutput } from './state-cli.ts';

/** Simulated time runs this much faster while the command line waits for the deletes. */
const CLI_SPEED = 1000;
const WAIT_LIMIT_MS = 60_000;

/**
 * `sandcloud reset --project NAME`: the console's reset, on the data directory's engine (refused
 * while a server holds it). Deletes take simulated time, so it runs the scheduler fast until done.
 */
export async function runResetCli(args: string[], dataDir: string, io: CliOutput): Promise<number> {
  const [command, flag, projectName] = args;
  if (command !== 'reset' || flag !== '--project' || !projectName) {
    io.err('usage: sandcloud reset --project NAME');
    return 2;
  }
  let engine;
  try {
    engine = createEngine({ databasePath: join(dataDir, 'sandcloud.db'), speed: CLI_SPEED });
  } catch (error) {
    if (!(error instanceof DatabaseStartupError)) throw error;
    io.err(`sandcloud: ${error.message}`);
    return 1;
  }
  try {
    const project = engine.state.projectNamed(projectName);
    engine.start();
    let report = engine.reset.start(project.id);
    const deadline = Date.now() + WAIT_LIMIT_MS;
    while (report.state === 'running' && Date.now() < deadline) {
      await sleep(20);
      report = engine.reset.report(project.id) ?? report;
    }
    if (report.state !== 'done') {
      io.err(`sandcloud: the reset of ${project.name} is still running (${report.remaining} left); it goes on when the server starts`);
      return 1;
    }
    const removed = Object.entries(report.removed).filter(([, n]) => n > 0).map(([phase, n]) => `${n} ${phase}`);
    io.out(`Reset ${project.name}: removed ${removed.length ? removed.join(', ') : 'nothing'}`);
    return 0;
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    io.err(`sandcloud: ${error.message}`);
    return 1;
  } finally {
    engine.close();
  }
}
