// The registry: every command, form, button and schedule kind the bot has, assembled in one place.
import type { Registry } from '../src/core/registry.js';
import { sojusz } from './sojusz/index.js';
import { autocheck, autocheckForm } from './autocheck.js';
import { guide, guideButton } from './guide.js';
import { autocheckHooks } from '../src/features/autocheck/home.js';

export function buildRegistry(): Registry {
  return {
    commands: [sojusz, autocheck, guide],
    forms: [autocheckForm],
    actions: [guideButton],
    scheduleKinds: [],
    hooks: [autocheckHooks],
  };
}
