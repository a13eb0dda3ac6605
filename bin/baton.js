#!/usr/bin/env node
'use strict';
// The package's bin. The CLI is bundled into dist/ by `npm install` (the prepare script) and
// by `npm run build`; Node >= 22.19 comes with the project (the `node` devDependency), which
// npm scripts and npx put first on PATH.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  process.stderr.write(
    `baton needs Node >= 22.19 (this is ${process.versions.node}). ` +
      'Run it through npm or npx in the project (npx baton ...), which use the Node the project installs.\n',
  );
  process.exit(1);
}
// `baton report … | head` closes the pipe early: that is the reader being done, not a failure.
process.stdout.on('error', (error) => {
  if (error && error.code === 'EPIPE') process.exit(0);
  throw error;
});
let cli;
try {
  cli = require('../dist/cli.js');
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes('dist/cli.js')) {
    process.stderr.write('baton is not built yet: run `npm install` or `npm run build` first.\n');
    process.exit(1);
  }
  throw error;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
