import { defineConfig } from 'vitest/config';

// Workspace packages resolve to their TypeScript sources in tests.
const conditions = [
  '@kuaiban/source',
  'module',
  'node',
  'development|production',
];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'tests/**/*.test.ts',
      'examples/*/test/**/*.test.ts',
    ],
    env: { TZ: 'Asia/Shanghai' },
    setupFiles: ['tests/setup.ts'],
    // CI also keeps a JSON record, from which .ci/run prints its summary.
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: '.tmp/vitest-results.json' }]]
      : ['default'],
    typecheck: {
      enabled: true,
      include: ['packages/*/test/**/*.types.test.ts'],
    },
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.ts'],
      exclude: ['packages/cli/src/bin.ts'],
      reporter: ['text-summary', 'text', 'json-summary'],
      thresholds: {
        'packages/calendar/src/**': { lines: 95, branches: 90 },
        'packages/machines/src/**': { lines: 95, branches: 90 },
        'packages/core/src/**': { lines: 95, branches: 90 },
        'packages/sim/src/**': { lines: 90, branches: 80 },
        'packages/lint/src/**': { lines: 90, branches: 88 },
        'packages/store/src/**': { lines: 90, branches: 80 },
      },
    },
  },
});
