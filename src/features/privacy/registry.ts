// Which areas contribute to export, erasure and retention. The core's own share runs last, just before the member row goes.
import { autocheckPrivacy } from '../autocheck/privacy.js';
import { casesPrivacy } from '../cases/privacy.js';
import { promptsPrivacy } from '../prompts/privacy.js';
import { supervisionPrivacy } from '../supervision/privacy.js';
import type { PrivacyContributor } from '../../core/privacy.js';
import { coreContributor } from './core-contributor.js';

export function privacyContributors(): PrivacyContributor[] {
  // Areas first: they may need the pseudonyms the core contributor erases.
  return [autocheckPrivacy, promptsPrivacy, supervisionPrivacy, casesPrivacy, coreContributor];
}
