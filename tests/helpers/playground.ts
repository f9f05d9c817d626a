// The local web playground as `npm start` serves it without platform tokens, for browser tests: a fresh data
// directory, the embedded database, a movable clock, on a free port; closed and its directory removed after.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRegistry } from '../../commands/index.js';
import { startPlayground, type WebPort } from '../../adapters/web/index.js';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { OffsetClock } from '../../src/schedule/clock.js';

export interface RunningPlayground {
  app: App;
  web: WebPort;
  clock: OffsetClock;
  /** http://127.0.0.1:<port> */
  base: string;
  close(): Promise<void>;
}

export async function startPlaygroundApp(o: { name: string; runner?: boolean }): Promise<RunningPlayground> {
  const dataDir = mkdtempSync(join(tmpdir(), `sojusz-${o.name}-`));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent' });
  const clock = new OffsetClock();
  const app = await createApp(config, createLogger('silent'), buildRegistry(), clock);
  const running = await startPlayground(app, config, clock);
  app.adapters.push(running);
  await app.http.listen(0, '127.0.0.1');
  if (o.runner) app.runner.start();
  return {
    app,
    web: running.port,
    clock,
    base: `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`,
    async close() {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
