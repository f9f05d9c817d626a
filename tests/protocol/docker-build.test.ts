// The Docker image's build, without Docker (no daemon on a CI machine): the files its build stage copies are
// enough to bundle every entry it names, and the final stage's files are enough to run them. A new module at the
// repository root that the Dockerfile forgets would otherwise only fail when someone builds the image.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureTeam } from '../../src/core/teams.js';
import { openPglite } from '../../src/db/client.js';
import { seededDataDir } from '../helpers/db.js';

const ROOT = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'sojusz-image-'));
const dirs = [work];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Stage {
  name: string;
  copies: { from?: string; sources: string[]; dest: string }[];
  runs: string[];
}

/** The Dockerfile's stages with their COPY and RUN instructions (one line each, as ours are written). */
function stages(): Stage[] {
  const out: Stage[] = [];
  for (const raw of readFileSync(join(ROOT, 'Dockerfile'), 'utf8').split('\n')) {
    const line = raw.trim();
    const from = /^FROM\s+\S+(?:\s+AS\s+(\S+))?/i.exec(line);
    if (from) out.push({ name: from[1] ?? 'final', copies: [], runs: [] });
    const copy = /^COPY\s+(?:--from=(\S+)\s+)?(.+)$/i.exec(line);
    if (copy) {
      const parts = copy[2]!.split(/\s+/);
      out.at(-1)!.copies.push({ from: copy[1], sources: parts.slice(0, -1), dest: parts.at(-1)! });
    }
    const run = /^RUN\s+(.+)$/i.exec(line);
    if (run) out.at(-1)!.runs.push(run[1]!);
  }
  return out;
}

/** Carry out a stage's COPY lines into `dir` (WORKDIR /app ↦ dir); `--from` stages come from `built`. */
function copyInto(dir: string, stage: Stage, built: Record<string, string>): void {
  for (const c of stage.copies) {
    for (const src of c.sources) {
      const origin = c.from ? join(built[c.from]!, src.replace(/^\/app\/?/, '')) : join(ROOT, src);
      const target = c.dest.endsWith('/') || c.sources.length > 1 ? join(dir, c.dest, src.split('/').at(-1)!) : join(dir, c.dest);
      mkdirSync(dirname(target), { recursive: true });
      if (src.endsWith('node_modules')) symlinkSync(join(ROOT, 'node_modules'), target);
      else cpSync(origin, target, { recursive: true });
    }
  }
}

describe('the Docker image, stage by stage', () => {
  it('bundles every entry of the build stage from the files that stage copies, and runs them from the final stage', async () => {
    const all = stages();
    const build = all.find((s) => s.name === 'build')!;
    const final = all.find((s) => s.name === 'final')!;
    const buildDir = join(work, 'build');
    mkdirSync(buildDir);
    // The build stage starts from deps: package files and the installed node_modules.
    cpSync(join(ROOT, 'package.json'), join(buildDir, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(buildDir, 'node_modules'));
    copyInto(buildDir, build, {});
    const bundling = build.runs.find((r) => r.startsWith('node scripts/build.mjs'))!;
    const entries = bundling.split(/\s+/).slice(2);
    expect(entries).toEqual(expect.arrayContaining(['main.ts', 'rotate-secret.ts', 'adapters/discord/register-cli.ts']));
    const bundled = spawnSync(process.execPath, ['scripts/build.mjs', ...entries], { cwd: buildDir, encoding: 'utf8' });
    expect(bundled.stderr + bundled.stdout).toBe('');
    expect(bundled.status).toBe(0);
    for (const e of entries) expect(existsSync(join(buildDir, 'dist', e.replace(/\.ts$/, '.js'))), e).toBe(true);

    const finalDir = join(work, 'final');
    mkdirSync(finalDir);
    copyInto(finalDir, final, { deps: ROOT, build: buildDir });
    // The secret rotation runs from the image's files alone: it finds the migrations and re-seals a database with one
    // team and nothing sealed (it refuses a DATA_DIR without a database, and a database without a team).
    const dataDir = await seededDataDir('sojusz-image-data-');
    dirs.push(dataDir);
    const made = await openPglite(dataDir);
    await ensureTeam(made.db, 'memory', 'T1');
    await made.close();
    // Secrets from the environment, where `ps` and shell history do not show them.
    const rotated = spawnSync(process.execPath, ['dist/rotate-secret.js'], {
      cwd: finalDir,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, SOJUSZ_SECRET_OLD: 'a'.repeat(40), SOJUSZ_SECRET_NEW: 'b'.repeat(40) },
      encoding: 'utf8',
    });
    expect(rotated.stderr).toBe('');
    expect(rotated.stdout).toContain('re-encrypted: {"slack":0,"discord":0');
    expect(rotated.status).toBe(0);
    // `docker compose run --rm bot node dist/adapters/discord/register-cli.js`: the image has no sources for npm run.
    const register = spawnSync(process.execPath, ['dist/adapters/discord/register-cli.js', '--help'], { cwd: finalDir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    expect(register.stderr).toBe('');
    expect(register.stdout).toMatch(/^usage: npm run discord:register /);
    expect(register.stdout).toContain('node dist/adapters/discord/register-cli.js');
    expect(register.status).toBe(0);
  }, 120_000);
});
