// Five projects so a developer can run the fast ones alone (`npm run test:unit`) or the
// production profile against the Azure stand-ins (`npm run test:deploy`); `npm test` runs them all.
const swcTs = [
  '@swc/jest',
  { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
];
const swcJs = [
  '@swc/jest',
  { jsc: { target: 'es2022', parser: { syntax: 'ecmascript' } }, module: { type: 'commonjs' } },
];
const common = {
  testEnvironment: 'node',
  // Two suites share CI's two cores with their stand-ins and browsers: a SharePoint provisioning that
  // takes one second alone passed Jest's default 5 s under that load. Hangs still fail, later.
  testTimeout: 20_000,
  transform: { '^.+\\.tsx?$': swcTs, '^.+\\.m?js$': swcJs },
  // strip-bom (required by @microsoft/app-manifest), jose, intl-messageformat (with its @formatjs parts) and
  // jsdom's @exodus/bytes, parse5 (with entities) and selector parts (for the tab's hook tests) ship only as ES
  // modules.
  transformIgnorePatterns: [
    '/node_modules/(?!(strip-bom|jose|intl-messageformat|@formatjs|@exodus|parse5|entities|@asamuzakjp|@bramus|@csstools)/)',
  ],
};

/** @type {import('jest').Config} */
module.exports = {
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  testSequencer: '<rootDir>/test/support/browser-suites-first.js',
  // Jest's default is one worker fewer than the cores: one on CI's two, which ran every suite in
  // turn (33 min of suites in 33 min). Most of a suite's time is spent waiting on its stand-ins,
  // browsers and timers, so two at once nearly halve it.
  maxWorkers: 2,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'contract', testMatch: ['<rootDir>/test/contract/**/*.test.ts'] },
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    { ...common, displayName: 'deploy', testMatch: ['<rootDir>/test/deploy/**/*.test.ts'] },
  ],
};
