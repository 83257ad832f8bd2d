// @nestjs (ES modules only since v12) and cookie (used by Fastify's inject) are transformed too.
const transform = {
  '^.+\\.(t|j|mj)s$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};
const transformIgnorePatterns = ['/node_modules/(?!(@nestjs|cookie|content-disposition|@fastify|fastify)/)'];
// Dynamic imports name the emitted `.js` file (nodenext); under jest they resolve to the `.ts` source.
const moduleNameMapper = { '^(\\.{1,2}/.*)\\.js$': '$1' };
const setupFilesAfterEnv = ['<rootDir>/test/support/jest-setup.ts'];
const common = {
  setupFilesAfterEnv,
  transform,
  transformIgnorePatterns,
  moduleNameMapper,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};

module.exports = {
  // Also set per project by test/support/jest-setup.ts: Jest 30 ignores testTimeout inside projects[].
  testTimeout: 10 * 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/libs/**/*.unit.spec.ts', '<rootDir>/test/**/*.unit.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/libs/**/*.int.spec.ts', '<rootDir>/test/**/*.int.spec.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'] },
  ],
};
