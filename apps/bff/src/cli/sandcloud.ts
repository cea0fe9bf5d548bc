import { readConfig } from '../config.ts';
import { runStateCli } from './state-cli.ts';

// `npm run sandcloud -- state export FILE --project NAME` (and `state import`): works on
// SANDCLOUD_DATA_DIR while no server runs there.
const config = readConfig();
process.exitCode = runStateCli(process.argv.slice(2), config.SANDCLOUD_DATA_DIR, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
