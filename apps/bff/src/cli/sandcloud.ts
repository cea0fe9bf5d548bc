import { readConfig } from '../config.ts';
import { runResetCli } from './reset-cli.ts';
import { runStateCli } from './state-cli.ts';

// `npm run sandcloud -- state export FILE --project NAME`, `state import …`, `reset --project NAME`:
// work on SANDCLOUD_DATA_DIR while no server runs there.
const config = readConfig();
const io = { out: (line: string) => console.log(line), err: (line: string) => console.error(line) };
const args = process.argv.slice(2);
process.exitCode = args[0] === 'reset' ? await runResetCli(args, config.SANDCLOUD_DATA_DIR, io) : runStateCli(args, config.SANDCLOUD_DATA_DIR, io);
