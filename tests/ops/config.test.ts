// Configuration details an operator trips over: a blank DATA_DIR, and compose publishing another port than PORT.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { ROOT } from './run.js';

describe('operator configuration', () => {
  it('names a DATA_DIR of only spaces in our own words', () => {
    expect(() => loadConfig({ DATA_DIR: '   ' })).toThrow(new ConfigError('DATA_DIR', 'expected a directory path, e.g. ./data (or leave it unset for ./data)'));
  });

  it('has docker compose publish and health-check the PORT the bot listens on', () => {
    const compose = readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8');
    expect(compose).toContain('"${PORT:-3000}:${PORT:-3000}"');
    expect(compose).toContain("fetch('http://127.0.0.1:${PORT:-3000}/healthz')");
    const settings = compose.split('\n').filter((l) => !l.trim().startsWith('#')).join('\n');
    expect(settings.replaceAll('${PORT:-3000}', '')).not.toMatch(/\b3000\b/);
  });
});
