// The Polish catalogue: every key of the English one, written in Polish.
import type { Entry } from '../types.js';
import type { en } from '../en/index.js';
import { core } from './core.js';
import { privacy } from './privacy.js';
import { onboarding } from './onboarding.js';
import { web } from './web.js';
import { autocheck } from './autocheck.js';
import { prompts } from './prompts.js';
import { slack } from './slack.js';
import { discord } from './discord.js';
import { supervision } from './supervision.js';
import { cases } from './cases.js';

export const pl: { readonly [K in keyof typeof en]: Entry } = {
  ...core,
  ...privacy,
  ...onboarding,
  ...web,
  ...autocheck,
  ...prompts,
  ...slack,
  ...discord,
  ...supervision,
  ...cases,
};
