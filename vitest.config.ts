import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Some tests start node, worker threads or chromium; a loaded 2-core CI machine needs slack.
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
