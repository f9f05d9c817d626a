// Tests: every file on embedded PGlite; with TEST_DATABASE_URL set (CI), the database-backed ones again on PostgreSQL,
// and Discord sharding, which needs it (its shards are separate processes).
import { defineConfig } from 'vitest/config';

const pg = process.env.TEST_DATABASE_URL;
const common = { testTimeout: 60_000, hookTimeout: 180_000, pool: "forks" as const };

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      { test: { ...common, name: 'pglite', include: ['tests/**/*.test.ts'], exclude: ['tests/browser/**'], env: { TEST_DATABASE_URL: '' } } },
      { test: { ...common, name: 'browser', include: ['tests/browser/**/*.test.ts'], env: { TEST_DATABASE_URL: '' } } },
      ...(pg
        ? [{ test: { ...common, name: 'postgres', include: ['tests/flows/**/*.test.ts', 'tests/db/**/*.test.ts', 'tests/protocol/discord/sharded.test.ts'], env: { TEST_DATABASE_URL: pg } } }]
        : []),
    ],
  },
});
