// A PostgreSQL server of the test's own, which it may stop and start (an outage): never the shared TEST_DATABASE_URL,
// whose server other test files are using. initdb in a temporary directory, on a free port, fsync off. As root (CI),
// the server runs as the postgres user: initdb refuses root.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

const ROOT = '/usr/lib/postgresql';

/** The newest installed PostgreSQL's bin directory (Debian's layout, as .ci/run installs it), if any. */
export function postgresBin(): string | undefined {
  if (!existsSync(ROOT)) return undefined;
  const version = readdirSync(ROOT)
    .filter((v) => existsSync(join(ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(a) - Number(b))
    .pop();
  return version ? join(ROOT, version, 'bin') : undefined;
}

/** A TCP port nobody listens on now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface OwnPostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres */
  url: string;
  /** The server stops as in a restart or failover (`fast`: sessions are ended, connections closed). */
  stop(): void;
  start(): void;
  /** Stops it for good and removes its directory. */
  remove(): void;
}

export async function ownPostgres(): Promise<OwnPostgres> {
  const bin = postgresBin();
  if (!bin) throw new Error('no PostgreSQL under /usr/lib/postgresql');
  const root = userInfo().uid === 0;
  const as = (args: string[]) =>
    root ? execFileSync('su', ['postgres', '-c', args.map((a) => `'${a}'`).join(' ')], { stdio: 'pipe' }) : execFileSync(args[0]!, args.slice(1), { stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'sojusz-own-pg-'));
  if (root) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), Number(execFileSync('id', ['-g', 'postgres']).toString()));
  const port = await freePort();
  as([join(bin, 'initdb'), '-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
  const start = () =>
    as([join(bin, 'pg_ctl'), '-D', join(dir, 'data'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`, '-l', join(dir, 'log'), '-w', 'start']);
  const stop = (mode: 'fast' | 'immediate') => as([join(bin, 'pg_ctl'), '-D', join(dir, 'data'), '-m', mode, '-w', 'stop']);
  start();
  let removed = false;
  const remove = () => {
    if (removed) return;
    removed = true;
    try {
      stop('immediate');
    } catch {
      // Already stopped.
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', remove);
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop: () => stop('fast'), start, remove };
}
