// What the platforms' adapters keep in the database themselves, beyond the core's tables: added to the registry
// by the composition root (main.ts, the secret rotation, test harnesses), so erasure, export, retention and secret
// rotation cover them too — the core never imports an adapter.
import type { PrivacyContributor } from './src/core/privacy.js';
import type { Registry } from './src/core/registry.js';
import { discordPrivacy } from './adapters/discord/forms/privacy.js';
import { slackPrivacy } from './adapters/slack/install/privacy.js';
import { webPrivacy } from './adapters/web/privacy.js';

export const platformPrivacy: readonly PrivacyContributor[] = [slackPrivacy, discordPrivacy, webPrivacy];

/** The registry with the platforms' privacy contributors in front (the core's own contributor must stay last). */
export function withPlatforms(registry: Registry): Registry {
  return { ...registry, privacy: [...platformPrivacy, ...registry.privacy] };
}
