// Runs one of the bot's entry points as production does — bundled (scripts/build.mjs) and started by node — with only
// the given environment. One bundle per entry and test file: node starts it in about a second, tsx took ten.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { buildBundle } from '../../scripts/build.mjs';

export const ROOT = join(import.meta.dirname, '../..');

const bundles = new Map<string, Promise<string>>();

/** The built entry (`main.ts` → …/main.js), bundled once for this test file and removed when it ends. */
function bundled(entry: string): Promise<string> {
  let made = bundles.get(entry);
  if (!made) {
    const dir = join(ROOT, 'node_modules', '.cache', `sojusz-ops-${process.pid}-${entry.replace(/\W/g, '_')}`);
    // A single entry lands at the top of the directory (esbuild's outbase is the entry's own folder).
    made = buildBundle([entry], dir).then(() => join(dir, basename(entry).replace(/\.ts$/, '.js')));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    bundles.set(entry, made);
  }
  return made;
}

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Resolves with the exit code and output; a process still running after `timeoutMs` is killed (status null).
 * `entry`: a source entry (bundled here) or, with `node`, an already built bundle.
 */
export async function run(entry: string, env: Record<string, string>, o: { args?: string[]; timeoutMs?: number; spawned?: (p: ChildProcess) => void; node?: boolean } = {}): Promise<Ran> {
  const script = o.node ? entry : await bundled(entry);
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ['--enable-source-maps', script, ...(o.args ?? [])], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    o.spawned?.(p);
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const timer = setTimeout(() => p.kill('SIGKILL'), o.timeoutMs ?? 90_000);
    p.once('exit', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/**
 * Starts `entry` and resolves once its stdout shows `text` (a minute at most; a process that exits first fails with
 * its output). `stop` sends SIGTERM and resolves with the whole run.
 */
export async function runUntil(entry: string, env: Record<string, string>, text: string): Promise<{ stop: () => Promise<Ran> }> {
  let proc: ChildProcess | undefined;
  let output = '';
  const exited = run(entry, env, {
    spawned: (p) => {
      proc = p;
      p.stdout!.on('data', (b: Buffer) => (output += b.toString()));
    },
  });
  const deadline = Date.now() + 60_000;
  while (!output.includes(text)) {
    if (Date.now() > deadline || (proc && proc.exitCode !== null)) {
      proc?.kill('SIGKILL');
      const r = await exited;
      throw new Error(`${entry} did not say "${text}":\n${r.stdout}${r.stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    stop: () => {
      proc!.kill('SIGTERM');
      return exited;
    },
  };
}
