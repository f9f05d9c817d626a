// The one drizzle schema: every table of every area, re-exported for the client and drizzle-kit.
export * from './core.js';
export * from './schedule.js';
export * from './anonymity.js';
export * from './autocheck.js';
export * from './supervision.js';
export * from './discord.js';
export * from './prompts.js';
export * from './slack.js';
export * from './web.js';
export * from './cases.js';
