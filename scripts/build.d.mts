/** Bundle `entries` (paths from the repository root) into `outdir` (default: main.ts into dist/). */
export function buildBundle(entries?: string[], outdir?: string): Promise<void>;
