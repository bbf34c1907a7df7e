// `npm run test:cluster`: the fault tests of the NATS JetStream cluster
// (test/cluster/), against three real nats-servers each spec starts for
// itself and the database of the integration global set-up. Kept out of
// `npm test`: they run on real time, a few minutes together.
const base = require('./jest.config.js');

const int = base.projects.find((p) => p.displayName === 'int');

module.exports = {
  testTimeout: 300_000,
  reporters: base.reporters,
  projects: [
    {
      ...int,
      displayName: 'cluster',
      testMatch: ['<rootDir>/test/cluster/**/*.int-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.local/'],
      slowTestThreshold: 120,
    },
  ],
};
