import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` runs in parallel; `db` holds the test files that share the Neo4j of the run
 * (started by tests/setup/neo4j.ts unless NEO4J_URI is set) and runs them one at a time.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 240_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/**/*.db.test.ts'] } },
      { extends: true, test: { name: 'db', include: ['tests/**/*.db.test.ts'], fileParallelism: false, globalSetup: ['tests/setup/neo4j.ts'] } },
    ],
  },
});
