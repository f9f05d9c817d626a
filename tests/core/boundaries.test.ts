// Rooms and doors: the core never imports an adapter, a platform SDK or a feature; adapters never import each other
// nor a feature.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) out.push(...files(p));
    else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}
const importsOf = (f: string) => [...readFileSync(join(root, f), 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('module boundaries', () => {
  it('src/ imports no adapter and no platform SDK', () => {
    const bad = files('src').flatMap((f) =>
      importsOf(f)
        .filter((i) => i.includes('adapters/') || i.startsWith('@slack/') || i === 'discord.js' || i.startsWith('@discordjs/') || i.startsWith('playwright'))
        .map((i) => `${f} → ${i}`),
    );
    expect(bad).toEqual([]);
  });
  it('features plug into the core and adapters speak only to the core: neither the core nor an adapter imports a feature', () => {
    const bad = [...files('src/core'), ...files('adapters')].flatMap((f) =>
      importsOf(f)
        .filter((i) => i.includes('/features/'))
        .map((i) => `${f} → ${i}`),
    );
    expect(bad).toEqual([]);
  });
  it('no adapter imports another adapter', () => {
    const names = readdirSync(join(root, 'adapters'));
    const bad = files('adapters').flatMap((f) => {
      const own = relative('adapters', f).split('/')[0]!;
      return importsOf(f)
        .filter((i) => names.some((n) => n !== own && (i.includes(`adapters/${n}/`) || i.startsWith(`../${n}/`))))
        .map((i) => `${f} → ${i}`);
    });
    expect(bad).toEqual([]);
  });
  it('features never branch on the platform', () => {
    const bad = files('src/features').filter((f) => /platform\s*===?\s*['"](slack|discord|web|memory)['"]/.test(readFileSync(join(root, f), 'utf8')));
    expect(bad).toEqual([]);
  });
});
