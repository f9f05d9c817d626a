// /sojusz: the bot's own command. Its subcommands come from several files, one per concern.
import { command } from '../../src/core/registry.js';
import { l10n } from '../../src/i18n/index.js';
import { help } from './help.js';
import { language, teamLanguage, teamTimezone, timezone } from './language-zone.js';
import { setup } from './setup.js';
import { settings } from './settings.js';
import { facilitatorAdd, facilitatorList, facilitatorRemove } from './roles.js';
import { teamCaseChannel, teamCaseDelay, teamCaseMinMembers, teamModChannel } from './cases.js';
import { mydataDelete, mydataExport, privacy, teamExport, teamRetention, teamRetentionAutochecks } from './privacy.js';

export const sojusz = command({
  name: 'sojusz',
  description: l10n('sojusz.description'),
  subcommands: {
    '': { ...help, options: {} },
    help,
    language,
    timezone,
    setup,
    settings,
    'team language': teamLanguage,
    'team timezone': teamTimezone,
    'team facilitator add': facilitatorAdd,
    'team facilitator remove': facilitatorRemove,
    'team facilitators': facilitatorList,
    privacy,
    'mydata export': mydataExport,
    'mydata delete': mydataDelete,
    'team retention': teamRetention,
    'team retention autochecks': teamRetentionAutochecks,
    'team export': teamExport,
    'team case-channel': teamCaseChannel,
    'team mod-channel': teamModChannel,
    'team case-delay': teamCaseDelay,
    'team case-min-members': teamCaseMinMembers,
  },
});
