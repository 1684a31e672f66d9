// Three projects in one run, so `npx vitest run` (and `npm test`) runs everything: unit and
// property tests in plain Node, the workshop server's tests (which start a private PostgreSQL),
// and browser tests that build the game and drive Debian's Chromium. Separate projects because
// only the server one pays for PostgreSQL and only the browser one for the build and the browser:
// its global setup runs only when one of its files is selected (`npx vitest run tests/sim`
// stays fast).
//
// A third project, `fast`, is the inner loop (`npm run test:fast`): the unit tests less the
// fuzzers, the bots' many-seed idea checks and the command-line tools run as child processes.
// It is named only by --project, so a plain run never runs its files twice.
import { configDefaults, defineConfig } from 'vitest/config';

/** The slow unit tests the fast loop leaves to `npm test` (each takes seconds, not milliseconds). */
const SLOW_UNIT_TESTS = [
  'tests/scenario/fuzz.test.ts',
  'tests/scenario/fuzz-text.test.ts',
  'tests/scenario/ajv.test.ts',
  'tests/scenario/cli.test.ts',
  'tests/scoreboard/cli.test.ts',
  'tests/balance/fidelity-cli.test.ts',
  'tests/debrief/claims.test.ts',
  'tests/debrief/lessons.test.ts',
  'tests/ideas/**',
];

const fastSelected = process.argv.some((arg, i, all) => (arg === '--project' && all[i + 1] === 'fast') || arg === '--project=fast');

export default defineConfig({
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/browser/**', 'tests/server/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          include: ['tests/server/**/*.test.ts'],
          // A private PostgreSQL for the files that test on it (./tests/server/postgres.ts).
          globalSetup: ['tests/server/global-setup.ts'],
          hookTimeout: 60_000,
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
      ...(fastSelected
        ? [
            {
              extends: true as const,
              test: {
                name: 'fast',
                include: ['tests/**/*.test.ts'],
                exclude: [...configDefaults.exclude, 'tests/browser/**', 'tests/server/**', ...SLOW_UNIT_TESTS],
              },
            },
          ]
        : []),
    ],
  },
});
