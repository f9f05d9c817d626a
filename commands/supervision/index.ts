// /supervision (/superwizja in words): sessions, reminders, RSVP, the shared agenda, hours and the calendar.
import { command } from '../../src/core/registry.js';
import { l10n } from '../../src/i18n/index.js';
import { agenda, rsvpAction, topic, topicAnon, topicPrivate, topicRemove, topics, who } from './agenda.js';
import { calendar } from './calendar.js';
import { held, hours, hoursExport, hoursFix, hoursRemove, log, removeAction } from './hours.js';
import { add, cancel, dm, list, remind, schedule } from './planning.js';

export const supervision = command({
  name: 'supervision',
  otherNames: ['superwizja'],
  description: l10n('supervision.description'),
  subcommands: {
    schedule,
    add,
    list,
    cancel,
    remind,
    dm,
    who,
    topic,
    'topic anon': topicAnon,
    'topic private': topicPrivate,
    'topic remove': topicRemove,
    topics,
    agenda,
    log,
    hours,
    'hours export': hoursExport,
    'hours fix': hoursFix,
    'hours remove': hoursRemove,
    held,
    calendar,
  },
});

export const supervisionActions = [rsvpAction, removeAction];
export { calendarRoute } from '../../src/features/supervision/calendar.js';
