import { defineConfig } from 'vitest/config';

// Three suites, one rule each (test/README.md): unit (no sockets), mock (twin-only behaviour,
// in-process), contract (black box over HTTP; BASE_URL picks the server).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      { test: { name: 'mock', include: ['test/mock/**/*.mock.test.ts'] } },
      {
        test: {
          name: 'contract',
          include: ['test/contract/**/*.contract.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
    ],
  },
});
