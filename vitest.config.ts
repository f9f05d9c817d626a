// Tests: every file on embedded PGlite; with TEST_DATABASE_URL set (CI), the database-backed ones again on PostgreSQL,
// and Discord sharding, which needs it (its shards are separate processes).
// Files that drive the core in-process (units, flows, storage) share their worker's imported modules (isolate: false):
// each builds its own bot and database, and re-importing the core for every file cost more than the tests themselves.
// Files that run the real Bolt and discord.js stay isolated: undici's multipart classes do not survive a shared graph.
import { defineConfig } from 'vitest/config';

const pg = process.env.TEST_DATABASE_URL;
const common = { testTimeout: 60_000, hookTimeout: 180_000, pool: 'forks' as const };
const shared = { ...common, isolate: false };
const inProcess = ['core', 'autocheck', 'cases', 'content', 'supervision', 'flows', 'db'].map((d) => `tests/${d}/**/*.test.ts`);

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      { test: { ...shared, name: 'pglite', include: inProcess, env: { TEST_DATABASE_URL: '' } } },
      { test: { ...common, name: 'protocol', include: ['tests/protocol/**/*.test.ts', 'tests/ops/**/*.test.ts', 'tests/fakes/**/*.test.ts', 'tests/_scratch*/**/*.test.ts'], env: { TEST_DATABASE_URL: '' } } },
      { test: { ...common, name: 'browser', include: ['tests/browser/**/*.test.ts'], env: { TEST_DATABASE_URL: '' } } },
      ...(pg
        ? [
            { test: { ...shared, name: 'postgres', include: ['tests/flows/**/*.test.ts', 'tests/db/**/*.test.ts'], env: { TEST_DATABASE_URL: pg } } },
            { test: { ...common, name: 'postgres-protocol', include: ['tests/protocol/discord/sharded.test.ts'], env: { TEST_DATABASE_URL: pg } } },
          ]
        : []),
    ],
  },
});
