// /sojusz: the bot's own command. Its subcommands come from several files, one per concern.
import { command } from '../../src/core/registry.js';
import { l10n } from '../../src/i18n/index.js';
import { help, language, teamLanguage, teamTimezone, timezone } from './core.js';

export const sojusz = command({
  name: 'sojusz',
  description: l10n('sojusz.description'),
  subcommands: {
    '': { ...help, options: {} },
    help,
    language,
    timezone,
    'team language': teamLanguage,
    'team timezone': teamTimezone,
  },
});
