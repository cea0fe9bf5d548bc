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
  if (command === 'reset' && flag === '--all' && args.length === 2) return resetAll(dataDir, io);
  if (command !== 'reset' || flag !== '--project' || !projectName) {
    io.err('usage: sandcloud reset --project NAME | sandcloud reset --all');
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

/** `sandcloud reset --all`: every project emptied and every tutorial forgotten (the administrator's reset), with progress. */
async function resetAll(dataDir: string, io: CliOutput): Promise<number> {
  const engine = openCliEngine(dataDir, io, { speed: CLI_SPEED });
  if (!engine) return 1;
  try {
    engine.start();
    let report = engine.sandboxReset.start();
    const deadline = Date.now() + WAIT_LIMIT_MS;
    let shown = -1;
    while (report.state === 'running' && Date.now() < deadline) {
      if (report.projectsDone !== shown) io.out(`Resetting: ${report.projectsDone} of ${report.projects} projects done, ${report.remaining} resources left`);
      shown = report.projectsDone;
      await sleep(20);
      report = engine.sandboxReset.report() ?? report;
    }
    if (report.state !== 'done') {
      io.err(`sandcloud: the reset is still running (${report.remaining} resources left); it goes on when the server starts`);
      return 1;
    }
    io.out(`Reset the sandbox: ${report.projects} projects emptied, ${report.removed} resources removed, ${report.tutorialsCleared} tutorial progress records cleared`);
    return 0;
  } catch (error) {
    return engineErrorExit(error, io);
  } finally {
    engine.close();
  }
}
