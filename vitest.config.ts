import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Some tests start node or chromium; a loaded 2-core CI machine needs slack.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
