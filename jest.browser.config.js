// `npm run test:browser`: the story in the local preview, driven in Debian's Chromium by
// playwright-core (test/browser). Its own config: it starts `baton start` and a browser, so it
// runs alone and slowly, apart from `npm test`.
const base = require('./jest.config');

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.browser.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  testTimeout: 300_000,
  maxWorkers: 1,
};
