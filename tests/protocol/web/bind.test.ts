// `npm start` without platform variables: the login-less playground stays on this computer, whatever HOST says.
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { seededDataDir } from '../../helpers/db.js';
import { run } from '../../ops/run.js';

let dataDir = '';
const started: ChildProcess[] = [];

afterAll(() => {
  for (const p of started) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** main.ts as `npm start` runs it, with only this environment; resolves with what it printed once the start line is out. */
function start(env: Record<string, string>): Promise<{ proc: ChildProcess; out: string }> {
  return new Promise((ok, fail) => {
    let out = '';
    let timer: NodeJS.Timeout | undefined;
    const ended = run('main.ts', env, {
      spawned: (proc) => {
        started.push(proc);
        proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
        proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
        timer = setInterval(() => {
          if (/Sojusz playground: .*\n.*\n/.test(out)) {
            clearInterval(timer);
            ok({ proc, out });
          }
        }, 50);
      },
    });
    void ended.then((r) => {
      clearInterval(timer);
      fail(new Error(`main.ts exited with ${r.status} before it was running:\n${out.slice(-2000)}`));
    });
  });
}

/** Whether anything accepts a TCP connection at host:port. */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((ok) => {
    const s = connect({ host, port });
    s.once('connect', () => {
      s.destroy();
      ok(true);
    });
    s.once('error', () => ok(false));
    s.setTimeout(2000, () => {
      s.destroy();
      ok(false);
    });
  });
}

/** GET with a Host header of our choosing (fetch will not send one). */
function statusWithHost(port: number, path: string, host: string): Promise<number> {
  return new Promise((ok, fail) => {
    const s = connect({ host: '127.0.0.1', port }, () => s.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let got = '';
    s.on('data', (b: Buffer) => (got += b.toString()));
    s.once('end', () => ok(Number(/^HTTP\/1\.1 (\d+)/.exec(got)?.[1] ?? 0)));
    s.once('error', fail);
  });
}

describe('the playground’s address', () => {
  it('stays on 127.0.0.1 with HOST=0.0.0.0, says so, and prints the port it really got', async () => {
    dataDir = await seededDataDir('sojusz-bind-');
    const { proc, out } = await start({ DATA_DIR: dataDir, PORT: '0', HOST: '0.0.0.0', LOG_LEVEL: 'silent' });
    const line = /Sojusz playground: http:\/\/127\.0\.0\.1:(\d+) {2}\(local only: bound to 127\.0\.0\.1\)/.exec(out);
    expect(line, out).not.toBeNull();
    const port = Number(line![1]);
    expect(port).toBeGreaterThan(0);
    expect(out).toMatch(/HOST=0\.0\.0\.0 is not used: the playground has no login/);

    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(200);
    // A page on another site whose name points here (DNS rebinding) reads nothing, not even the counters.
    for (const path of ['/metrics', '/healthz', '/calendar/x.ics', '/']) expect(await statusWithHost(port, path, `evil.example:${port}`), path).toBe(403);
    // Every other address of this machine: nothing listens there.
    const elsewhere = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a!.address);
    for (const address of elsewhere) expect(await answers(address, port), address).toBe(false);

    const exited = new Promise((ok) => proc.once('exit', ok));
    proc.kill('SIGTERM');
    await exited;
  }, 90_000);
});
