// Child processes for the bench: the same esbuild bundle production runs (`node dist/main.js`), built once per run.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { buildBundle } from '../scripts/build.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the bench's bundles go: main.ts and every bench entry, as scripts/build.mjs makes them for dist/. */
const BUILD = join(ROOT, 'bench', '.build');

/** Bundle the bot and the bench's own processes (bot replica, bare Bolt, bare loop) the way production is built. */
export async function buildForBench(): Promise<void> {
  await buildBundle(['main.ts', 'bench/replica.ts', 'bench/bare-bolt.ts', 'bench/bare-loop.ts', 'bench/fake-slack.ts'], BUILD);
}

/** USER_HZ: Linux reports process times in 1/100 s on every architecture we run on. */
const CLOCK_TICKS = 100;

export const SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

export interface Child {
  proc: ChildProcess;
  /** Resolves on the first IPC message `{ ready: true, … }`, with that message. */
  ready: Promise<Record<string, unknown>>;
  send(msg: unknown): void;
  exited: Promise<number | null>;
  /** Peak resident set size so far, MB (VmHWM), while the process lives. */
  peakRssMb(): number | undefined;
  /** CPU seconds (user + system) the process has used so far, while it lives: what it cost, whatever the scheduler did. */
  cpuSeconds(): number | undefined;
  kill(signal?: NodeJS.Signals): void;
}

/** Start a bundled entry (`script` is its source path, e.g. bench/replica.ts); buildForBench must have run. */
export function spawnBuilt(script: string, env: Record<string, string>, opts: { ipc?: boolean; quiet?: boolean } = {}): Child {
  // BENCH_CPU_PROF=dir writes a V8 CPU profile per child into dir (open it in Chrome DevTools).
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const proc = spawn(process.execPath, [...prof, ...(process.env.BENCH_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), '--enable-source-maps', join(BUILD, script.replace(/\.ts$/, '.js'))], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'production', ...env },
    stdio: ['ignore', opts.quiet === false ? 'inherit' : 'ignore', 'inherit', ...(opts.ipc === false ? [] : ['ipc' as const])],
  });
  const ready = new Promise<Record<string, unknown>>((resolve, reject) => {
    proc.on('message', (m) => (m as { ready?: boolean }).ready && resolve(m as Record<string, unknown>));
    proc.once('exit', (code) => reject(new Error(`${script} exited (${code}) before it was ready`)));
  });
  ready.catch(() => {});
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  return {
    proc,
    ready,
    exited,
    send: (msg) => proc.send?.(msg as never),
    peakRssMb() {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
        return m ? Number(m[1]) / 1024 : undefined;
      } catch {
        return undefined;
      }
    },
    cpuSeconds() {
      try {
        // /proc/<pid>/stat: fields 14 and 15 (utime, stime) in clock ticks, counted after the ")" of the name.
        const fields = readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
      } catch {
        return undefined;
      }
    },
    kill: (signal = 'SIGTERM') => void proc.kill(signal),
  };
}

export async function stopAll(children: Child[]): Promise<void> {
  for (const c of children) if (c.proc.exitCode === null && c.proc.signalCode === null) c.kill('SIGTERM');
  await Promise.all(
    children.map((c) =>
      Promise.race([
        c.exited,
        new Promise((r) => setTimeout(r, 12_000)).then(() => c.proc.exitCode === null && c.kill('SIGKILL')),
      ]),
    ),
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `done` every 20 ms until it is true or `timeoutMs` passed; returns whether it became true. */
export async function until(done: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) return false;
    await sleep(20);
  }
  return true;
}
