// PGlite (and the Emscripten code inside it) loads its parts with dynamic `import()`, which
// jest's module sandbox refuses without --experimental-vm-modules. jest.config.js maps the
// package here, and Node's own loader, outside the sandbox, loads the real thing. Jest hands
// out its own `module` and `process.getBuiltinModule`, whose require is the sandbox's again, so
// the real `process` is fetched from Node's main context through `vm`.
const { runInThisContext } = require('node:vm');

const realProcess = runInThisContext('process');
const { createRequire } = realProcess.getBuiltinModule('node:module');

// A directory path with a trailing slash resolves from that directory.
module.exports = createRequire(`${__dirname}/`)('@electric-sql/pglite');
