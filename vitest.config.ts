// Two projects in one run, so `npx vitest run` (and `npm test`) runs everything: unit and
// property tests in plain Node, and browser tests that build the game and drive Debian's
// Chromium. Separate projects because only the browser one pays for the build and the browser:
// its global setup runs only when one of its files is selected (`npx vitest run tests/sim`
// stays fast).
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/browser/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          // Launching Chromium on a loaded CI machine can take a while.
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
