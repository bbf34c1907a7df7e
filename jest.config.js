// One Jest configuration, two projects: fast unit specs next to the code, and
// integration specs that run against a real nats-server and a real
// MongoDB-wire server (started by test/global-setup.js unless NATS_URL and
// MONGO_URL are set).
const fs = require('node:fs');
const path = require('node:path');

const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcrc.$schema;

const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swcrc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^@icb/([a-z-]+)$': '<rootDir>/libs/$1/src',
    '^@icb/([a-z-]+)/(.*)$': '<rootDir>/libs/$1/src/$2',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.local/'],
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  // Integration specs wait for real servers; each wait has its own deadline.
  testTimeout: 90_000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,scripts}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'int',
      testMatch: [
        '<rootDir>/{apps,libs}/*/test/**/*.int-spec.ts',
        '<rootDir>/test/**/*.int-spec.ts',
      ],
      // The cluster fault tests run alone: `npm run test:cluster` (jest.cluster.config.js).
      testPathIgnorePatterns: [...common.testPathIgnorePatterns, '/test/cluster/'],
      globalSetup: '<rootDir>/test/global-setup.js',
      globalTeardown: '<rootDir>/test/global-teardown.js',
      slowTestThreshold: 30,
    },
  ],
};
