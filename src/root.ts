// The repository (package) root, found from this module whether it runs from sources or from the dist/ bundle.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

/** Absolute path of the folder holding package.json, migrations/ and adapters/. */
export const ROOT = findRoot(import.meta.dirname);
