// `baton serve` as its own process, from the sources, for tests that kill it: the same entry
// as bin/baton.js, run by tsx so no build is needed.
import { main } from '../../../src/cli/main';

void main(process.argv.slice(2)).then((code) => {
  // A server that started keeps the process alive; a refusal at start ends it with its code.
  if (code !== 0) process.exit(code);
});
