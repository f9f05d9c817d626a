// The one drizzle schema: every table of every area, re-exported for the client and drizzle-kit.
export * from './core.js';
export * from './schedule.js';
export * from './autocheck.js';
export * from './slack.js';
