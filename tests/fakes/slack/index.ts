// One import for protocol tests: the fake Slack server and the signed-request helpers.
export * from './server.js';
export * from './sign.js';
