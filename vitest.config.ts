import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['tests/setup/neo4j.ts'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
