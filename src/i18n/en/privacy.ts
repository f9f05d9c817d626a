// English words for privacy: roles, data export and erasure, retention, the privacy explanation.
export const privacy = {
  'privacy.roles.member': 'The member (@mention)',
  'privacy.roles.add': 'Make a member a facilitator',
  'privacy.roles.remove': 'Stop a member being a facilitator (platform admins too)',
  'privacy.roles.list': 'Who facilitates this group',
  'privacy.roles.added': 'Done — now facilitating:',
  'privacy.roles.removed': 'Done — no longer facilitating:',
  'privacy.roles.listTitle': '*Facilitators added in Sojusz:*',
  'privacy.roles.listEmpty': 'Nobody has been added as a facilitator yet.',
  'privacy.roles.adminsNote': 'Workspace admins and server managers facilitate too, unless someone removed them with `/sojusz team facilitator remove`.',

  'privacy.export.file': 'Everything Sojusz keeps about you, as JSON.',
  'privacy.export.sent': 'I’ve sent you the file privately. Only you can see it.',
  'privacy.export.inline': 'This place can’t receive files, so here is your data as text (only you can see this):',
  'privacy.export.truncated': 'Cut after {shown} of {total} characters. For the full file, run `/sojusz mydata export` where files work (e.g. a direct message with the bot).',

  'privacy.explain': 'What Sojusz stores, for how long, and who sees it',
  'privacy.explain.title': 'Your data in Sojusz',
  'privacy.explain.stored':
    '*What is stored.* Your language and time zone; whether you facilitate; your autochecks (encrypted, only the bot can read them); your supervision RSVPs, hours and topics; that you answered a prompt thread (never what you wrote — your thread replies stay on the chat platform). Anonymous cases and replies are stored without your name or id.',
  'privacy.explain.retention':
    '*For how long.* In this team: case text and anonymous replies {cases} days, autochecks {autochecks} days (and the supervision topics you keep private, with them); then a nightly job deletes them. If the bot is removed from the workspace, all of the team’s data is deleted {offboarding} days later.',
  'privacy.explain.who':
    '*Who sees what.* Your autochecks and private topics: only you. Named topics and RSVPs: the group. Facilitators manage schedules and settings and can export the team’s prompts, schedules and supervision log — never your autochecks. Moderators of the case channel see a case as the group does: PESEL and NIP numbers, phone numbers and e-mail addresses are always masked; other details that may identify a client (names, places, dates) are pointed out to the author, who decides whether to change them. Whoever runs the bot holds its secret key: with the key and the database they could read autochecks and work out who wrote anonymous posts. The bot shows this to nobody, but using it means trusting that person.',
  'privacy.explain.anonymity':
    '*Anonymity.* An anonymous case or reply is stored with keyed codes only, different in every thread, and the bot tells nobody — facilitators included — who wrote it. A facilitator can ban “the author of case #N” without being told who that is, but could test a guess by watching whether a particular colleague is then refused. A writing style can be recognised, too. Publication is delayed by a random interval.',
  'privacy.explain.rights':
    '*Your choice.* `/sojusz mydata export` sends you everything Sojusz keeps about you. `/sojusz mydata delete` erases it all, except two things: a ban from posting cases, if one is running, stays until it ends, and your daily case counters (coded, without your name or id) stay for up to two days, so that erasing does not reset a limit.',

  'privacy.mydata.export': 'Get everything Sojusz keeps about you (JSON file)',
  'privacy.mydata.delete': 'Erase everything Sojusz keeps about you',
  'privacy.delete.confirm': '*Erase all your data in Sojusz?* Settings, autochecks, supervision hours, RSVPs and topics go for good. This cannot be undone.',
  'privacy.delete.choice': 'Your anonymous posts can go too, or stay in place with nothing left that links them to you. Withdrawn posts leave the channels one by one over the next few hours, so nobody can tell they were by one person.',
  'privacy.delete.withdraw': 'Delete and withdraw my anonymous posts',
  'privacy.delete.unlink': 'Delete and leave them unlinked',
  'privacy.delete.cancel': 'Cancel',
  'privacy.delete.cancelled': 'Nothing was deleted.',
  'privacy.delete.doneWithdrawn':
    'Done. Everything Sojusz kept about you is erased, and your anonymous posts are withdrawn: the text of your cases and replies is already gone from Sojusz, and they leave the channels and the supervision agenda one by one within six hours. Take care.',
  'privacy.delete.doneUnlinked': 'Done. Everything Sojusz kept about you is erased; your anonymous posts stay, linked to nobody. Take care.',
  'privacy.delete.erasedNote': 'Erased.',
  'privacy.delete.already':
    'Already done — your data was erased with your first choice, so nothing more happens here. If you have used Sojusz since and want that erased too, run `/sojusz mydata delete` again.',

  'privacy.retention.days': 'Days to keep (7–3650)',
  'privacy.retention.cases': 'How long case text and anonymous replies are kept',
  'privacy.retention.autochecks': 'How long autochecks are kept',
  'privacy.retention.current': 'Kept now: case text and anonymous replies {cases} days, autochecks {autochecks} days.',
  'privacy.retention.set': 'Saved. Case text and anonymous replies: {cases} days; autochecks: {autochecks} days. Older ones go in tonight’s clean-up.',
  'privacy.teamExport': 'Export the team’s prompts, schedules and supervision log (JSON)',
  'privacy.teamExport.file': 'The team’s prompts, schedules, supervision sessions and hours, as JSON. It names members, so keep it as carefully as the group’s own records.',
  'privacy.teamExport.inline': 'This place can’t receive files, so here is the team’s export as text (only you can see this):',
  'privacy.teamExport.truncated': 'Cut after {shown} of {total} characters. For the full file, run `/sojusz team export` where files work (e.g. a direct message with the bot).',
} as const;
