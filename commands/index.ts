// The registry: every command, form, button and schedule kind the bot has, assembled in one place.
import type { Registry } from '../src/core/registry.js';
import { sojusz } from './sojusz/index.js';

export function buildRegistry(): Registry {
  return {
    commands: [sojusz],
    forms: [],
    actions: [],
    scheduleKinds: [],
    hooks: [],
  };
}
