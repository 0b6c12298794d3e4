/** Every test layer. scripts/test.mjs builds what they drive (functions, weapp, h5, host) before jest runs. */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.node.json' }]
const base = {
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: { '^@contract/(.*)$': '<rootDir>/cloudfunctions/contract/$1' },
}
module.exports = {
  projects: [
    {
      ...base,
      displayName: 'domain',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/domain/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'server',
      globalSetup: '<rootDir>/tests/support/global-build.js',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/server/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'functions',
      globalSetup: '<rootDir>/tests/support/global-build.js',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/functions/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/weapp/**/*.test.ts'],
    },
    {
      // Every query of the function suites against the declared indexes: run after them by scripts/test.mjs, or
      // alone (it then runs the function suites itself).
      ...base,
      displayName: 'indexes',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/indexes/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
    },
  ],
}
