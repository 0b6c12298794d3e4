/** Jest runs every layer except the browser end-to-end tests (tests/e2e, run by scripts/test.mjs). */
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
  ],
}
