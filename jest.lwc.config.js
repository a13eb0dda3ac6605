// The Lightning card's tests (extensions/salesforce-card/**/__tests__), run by sfdx-lwc-jest with
// its own jest (29), apart from the main suite (jest.config.js): `npm run test:lwc`.
//
// sfdx-lwc-jest takes its workspace (sfdx-project.json) from the working directory: `test:lwc`
// runs it in extensions/salesforce-card, whose jest.config.js is this file. The repository root
// is no SFDX project; the deployable one is generated into build/salesforce.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  rootDir: __dirname,
  roots: ['<rootDir>/extensions/salesforce-card'],
  testMatch: ['**/__tests__/**/*.test.js'],
  collectCoverageFrom: ['<rootDir>/extensions/salesforce-card/lwc/**/*.js'],
  transform: {
    // The core is TypeScript: compiled as the main suite compiles it, not by the LWC compiler.
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
    ...jestConfig.transform,
  },
  moduleNameMapper: {
    // The card's `c/batonCore` is the bundle of baton-core.ts in the org; here, that TypeScript
    // itself, so the tests run the real core.
    '^c/batonCore$': '<rootDir>/extensions/salesforce-card/baton-core.ts',
    '^c/(.+)$': '<rootDir>/extensions/salesforce-card/lwc/$1/$1',
    // Users without Baton's custom permissions; sfdx-lwc-jest would give each its own name, a
    // truthy string.
    '^@salesforce/customPermission/(.+)$':
      '<rootDir>/extensions/salesforce-card/jest-stubs/customPermission/$1.js',
  },
  moduleFileExtensions: ['js', 'ts', 'html', 'json'],
};
