// A throwaway PostgreSQL for the bench (initdb as the postgres user, fsync off), or BENCH_DATABASE_URL if set.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { userInfo } from 'node:os';

export interface BenchPostgres {
  url: string;
  stop(): void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function asPostgres(cmd: string): void {
  // initdb refuses to run as root: run it as the postgres user when we are root.
  if (userInfo().uid === 0) execFileSync('su', ['postgres', '-c', cmd], { stdio: 'ignore' });
  else execFileSync('sh', ['-c', cmd], { stdio: 'ignore' });
}

export async function startPostgres(): Promise<BenchPostgres> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: () => {} };
  const root = '/usr/lib/postgresql';
  const version = readdirSync(root).sort((a, b) => Number(a) - Number(b)).pop();
  if (!version) throw new Error('no PostgreSQL under /usr/lib/postgresql; set BENCH_DATABASE_URL');
  const bin = join(root, version, 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'sojusz-bench-pg-'));
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U postgres`);
  asPostgres(
    `${bin}/pg_ctl -D ${dir}/data -o '-p ${port} -k /tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 ${process.env.BENCH_PG_OPTIONS ?? ''}' -l ${dir}/log -w start`,
  );
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        asPostgres(`${bin}/pg_ctl -D ${dir}/data -m immediate stop`);
      } finally {
        if (process.env.BENCH_VERBOSE) process.stderr.write(readFileSync(join(dir, 'log'), 'utf8').split('\n').slice(-30).join('\n'));
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
