// English words the Discord adapter itself needs: form steps, choices to mark, field errors, reopening a form, direct messages closed, the question before a step that cannot be undone.
export const discord = {
  'discord.continue': 'Continue',
  'discord.step': 'I’ll keep part {step} of {steps} for 6 hours, but nothing is saved until you send the last part. Continue when you’re ready.',
  'discord.nextForm': 'I’ll keep your answers so far for 6 hours, but nothing is saved until you send the next part.',
  'discord.errorsTitle': 'A few answers need fixing:',
  'discord.reopen': 'Reopen the form',
  'discord.saved': 'Saved.',
  'discord.draftExpired': 'This form has closed — an unsent form waits 6 hours at most. Please run the command again.',
  'discord.sentNote': 'Sent — this form is closed.',
  'discord.alreadySent': 'Already sent and saved — nothing more to do with this form.',
  'discord.choicePlaceholder': 'Type a number: {options}',
  'discord.choicesPlaceholder': 'Type numbers, e.g. 1, 3: {options}',
  'discord.markOne': 'mark one with an x',
  'discord.markAny': 'mark any with an x',
  'discord.labelHow': '{label} — {how}',
  'discord.scalePlaceholder': '{min}–{max}',
  'discord.scaleLabel': '{label} ({min}–{max})',
  'discord.channelPlaceholder': '#channel-name',
  'discord.example': 'e.g. {example}',
  'discord.dmsClosed':
    'I send files as a direct message, but your Discord settings don’t allow direct messages from members of this server. To allow them, click the server’s name above the channel list → *Privacy Settings* → turn on *Direct Messages*, then run the command again.',
  // Before a step that cannot be undone, when this process no longer has the question's own words (after a restart, or on another replica or shard).
  'discord.confirm.title': 'Are you sure?',
  'discord.confirm.text': 'This cannot be undone.',
  'discord.confirm.yes': 'Yes, go ahead',
  'discord.confirm.no': 'Cancel',
  // A question answered: kept as it was, or done with nothing else to say.
  'discord.confirm.kept': 'Nothing was changed.',
  'discord.confirm.done': 'Done.',
} as const;
