// The English catalogue: the union of every area's keys. English defines the keys; Polish must match.
import { core } from './core.js';
import { slack } from './slack.js';
import { autocheck } from './autocheck.js';

export const en = {
  ...core,
  ...slack,
  ...autocheck,
} as const;
