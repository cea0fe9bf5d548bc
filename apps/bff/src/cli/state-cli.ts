import { readFileSync, writeFileSync } from 'node:fs';
import { engineErrorExit, openCliEngine, type CliOutput } from './cli-engine.ts';

const USAGE = 'usage: sandcloud state export FILE --project NAME | sandcloud state import FILE --project NAME | sandcloud reset --project NAME';

export type { CliOutput } from './cli-engine.ts';

/**
 * `sandcloud state export|import FILE --project NAME` on the data directory's engine. Opening the
 * engine takes the data directory's lock, so it refuses (with the store's one line) while a server
 * runs there. Answers the exit code.
 */
export function runStateCli(args: string[], dataDir: string, io: CliOutput): number {
  const [group, command, file, ...rest] = args;
  const projectFlag = rest.indexOf('--project');
  const projectName = projectFlag >= 0 ? rest[projectFlag + 1] : undefined;
  if (group !== 'state' || (command !== 'export' && command !== 'import') || !file || !projectName) {
    io.err(USAGE);
    return 2;
  }
  const engine = openCliEngine(dataDir, io);
  if (!engine) return 1;
  try {
    const project = engine.state.projectNamed(projectName);
    if (command === 'export') {
      const doc = engine.state.export(project.id);
      writeFileSync(file, JSON.stringify(doc));
      io.out(`Exported ${doc.resources.length} resources of ${project.name} to ${file}`);
    } else {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        io.err(`sandcloud: cannot read ${file}: ${(error as Error).message}`);
        return 1;
      }
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch {
        io.err('sandcloud: The file is not a Sandcloud state: it is not valid JSON (damaged or truncated?)');
        return 1;
      }
      const report = engine.state.import(project.id, doc);
      const created = Object.entries(report.created).map(([kind, n]) => `${n} ${kind}`).join(', ');
      io.out(`Imported into ${project.name}: ${created}; ${report.pendingLinks} attachment(s)/association(s) complete when the server runs`);
      for (const skip of report.skipped) io.out(`skipped ${skip.kind} ${skip.name}: ${skip.reason}`);
    }
    return 0;
  } catch (error) {
    return engineErrorExit(error, io);
  } finally {
    engine.close();
  }
}
