/**
 * The unit project alone, for mutation testing (stryker.config.mjs): Stryker re-runs the tests that
 * cover a mutant thousands of times, so the site project (one Astro build + Chromium) stays out.
 * The site tests also catch some mutants of these modules, but too slowly to run per mutant; every
 * mutant of the named modules must be killed by a unit test.
 */
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    name: 'unit',
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
