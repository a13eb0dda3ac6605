import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'build/', 'coverage/', '.baton/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        __dirname: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The Lightning card's components run in the browser: a section tells the card what the
    // user did with a CustomEvent.
    files: ['extensions/salesforce-card/lwc/**/*.js'],
    languageOptions: { globals: { CustomEvent: 'readonly' } },
  },
  {
    // The Lightning card's tests run under sfdx-lwc-jest, in jsdom.
    files: ['extensions/salesforce-card/**/__tests__/**/*.js'],
    languageOptions: {
      globals: {
        ...Object.fromEntries(
          ['jest', 'describe', 'it', 'expect', 'beforeAll', 'beforeEach', 'afterEach'].map(
            (name) => [name, 'readonly'],
          ),
        ),
        document: 'readonly',
        CustomEvent: 'readonly',
      },
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      // The core is pure: no I/O, no clocks, no CRM types.
      'no-restricted-imports': [
        'error',
        { patterns: ['node:*', 'fs', 'path', 'http', 'https', '@hubspot/*', 'jsforce'] },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'The core takes `now` as an argument.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'The core takes `now` as an argument.',
        },
      ],
    },
  },
);
