import { setTimeout as sleep } from 'node:timers/promises';
import { engineErrorExit, openCliEngine, type CliOutput } from './cli-engine.ts';

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
  const engine = openCliEngine(dataDir, io, { speed: CLI_SPEED });
  if (!engine) return 1;
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
    return engineErrorExit(error, io);
  } finally {
    engine.close();
  }
}
