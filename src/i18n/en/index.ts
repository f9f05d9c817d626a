// The English catalogue: the union of every area's keys. English defines the keys; Polish must match.
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

export const en = {
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
} as const;
