/**
 * The staging smoke suite (tests/staging), apart from `npm test`'s projects: it needs a real CloudBase env and is
 * run only by scripts/test-staging.mjs (`npm run test:staging`), which says plainly when it did not run.
 */
module.exports = {
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.node.json' }] },
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/staging/**/*.staging.test.ts'],
}
