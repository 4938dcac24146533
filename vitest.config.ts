import { defineConfig } from 'vitest/config';

// Six suites, one rule each (test/README.md): unit (no sockets), mock (twin-only behaviour),
// property, docs (built reference docs in headless Chromium), ui (the dashboard in headless
// Chromium), contract (black box over HTTP; BASE_URL picks the server).
export default defineConfig({
  test: {
    // Loading and validating a whole spec takes seconds on a busy 2-core CI machine.
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'mock', include: ['test/mock/**/*.mock.test.ts'] } },
      { extends: true, test: { name: 'property', include: ['test/property/**/*.property.test.ts'] } },
      { extends: true, test: { name: 'ui', include: ['test/ui/**/*.ui.test.ts'], testTimeout: 60_000, hookTimeout: 300_000 } },
      { extends: true, test: { name: 'docs', include: ['test/docs/**/*.docs.test.ts'], testTimeout: 60_000, hookTimeout: 300_000 } },
      {
        extends: true,
        test: {
          name: 'contract',
          include: ['test/contract/**/*.contract.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
