// Lint rules, including the layering rule (docs/architecture.md): the domain and the use cases import no
// SDK and do no I/O, so they stay testable and a change of platform touches only an adapter.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import regexp from 'eslint-plugin-regexp';

const SDKS_AND_IO = [
  {
    group: ['botbuilder', 'botbuilder-*', 'botframework-*'],
    message: 'Bot Framework belongs in bot/src/adapters/teams.',
  },
  { group: ['restify', 'restify-*'], message: 'HTTP belongs in bot/src/http.' },
  { group: ['@microsoft/*', '@azure/*'], message: 'Microsoft SDKs belong in adapters.' },
  { group: ['better-sqlite3', 'pino', 'zod'], message: 'Storage, logging and input parsing belong in adapters.' },
  {
    group: ['node:fs', 'node:fs/*', 'fs', 'node:http', 'node:https', 'node:net', 'node:child_process'],
    message: 'No I/O in domain or use cases: add a port.',
  },
  { group: ['**/adapters/**', '**/http/**'], message: 'Depend on ports (app/ports.ts), not on adapters.' },
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'manifest/build/**',
      'devTools/**',
      'jest.config.js',
      // Jest's CommonJS plug-ins, loaded by Jest itself.
      'test/support/summary-reporter.js',
      'test/support/browser-suites-first.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Every regular expression may meet user text (an uploaded plan is up to 1.5 MB): none may
    // backtrack super-linearly, or one upload freezes the service (issue 13).
    files: ['bot/src/**/*.ts', 'tab/src/**/*.{ts,tsx}'],
    plugins: { regexp },
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // No import circles, type-only imports included: a circle means two modules share one job.
    files: ['bot/src/**/*.ts', 'tab/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'tab/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['bot/src/domain/**/*.ts', 'bot/src/app/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: SDKS_AND_IO }] },
  },
  {
    files: ['tab/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/bot/src/(?!contract$)',
              message:
                'The tab uses the service only through its contract (bot/src/contract: API types and shared labels).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['.ci/**/*.mjs'],
    languageOptions: { globals: { URL: 'readonly', console: 'readonly', process: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.ts', 'manifest/**/*.ts', 'bot/src/cli/**/*.ts', 'bot/src/dev.ts', 'bot/src/dev/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
