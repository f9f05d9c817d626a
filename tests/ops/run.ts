// Runs one of the bot's entry points from sources (as `npm run …` does, through tsx) with only the given environment.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');
const tsx = join(ROOT, 'node_modules/.bin/tsx');

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Resolves with the exit code and output; a process still running after `timeoutMs` is killed (status null).
 * `node`: run `entry` (a built bundle) with node itself, as production does — signals reach the bot, not tsx.
 */
export function run(entry: string, env: Record<string, string>, o: { args?: string[]; timeoutMs?: number; spawned?: (p: ChildProcess) => void; node?: boolean } = {}): Promise<Ran> {
  return new Promise((resolve) => {
    const p = spawn(o.node ? process.execPath : tsx, [entry, ...(o.args ?? [])], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
