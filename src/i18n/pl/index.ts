// The Polish catalogue: every key of the English one, written in Polish.
import type { Entry } from '../types.js';
import type { en } from '../en/index.js';
import { core } from './core.js';
import { slack } from './slack.js';
import { autocheck } from './autocheck.js';

export const pl: { readonly [K in keyof typeof en]: Entry } = {
  ...core,
  ...slack,
  ...autocheck,
};
