// Entry point of the fake Discord used by protocol tests: server, payload builders, fixtures and signing.
export { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions, type FakeCall, type FailureSpec, type FakeDiscordStats } from './server.js';
export { chatInputInteraction, buttonInteraction, componentInteraction, modalSubmitInteraction, botMessage, InteractionType, ComponentType, type InteractionScene } from './interactions.js';
export { makeDiscordKeys, postInteraction, type DiscordKeys } from './sign.js';
export {
  FAKE_APPLICATION_ID, FAKE_BOT_ID, FAKE_BOT_USER, FAKE_CHANNEL_ID, FAKE_GUILD_ID, FAKE_OWNER_ID, MEMBER_PERMISSIONS, PERMISSIONS,
  defaultGuild, type ApiObject, type FakeGuildConfig,
} from './fixtures.js';
export { snowflake } from './ids.js';
