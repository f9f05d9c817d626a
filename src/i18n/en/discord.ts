// English words the Discord adapter itself needs: form steps, field errors, reopening a form.
export const discord = {
  'discord.continue': 'Continue',
  'discord.step': 'Part {step} of {steps} is saved. Continue to the next part when you are ready.',
  'discord.errorsTitle': 'A few answers need a second look:',
  'discord.reopen': 'Reopen the form',
  'discord.saved': 'Saved.',
  'discord.draftExpired': 'This form has expired (forms are kept for 15 minutes). Please run the command again.',
  'discord.choicePlaceholder': 'Type a number: {options}',
  'discord.scalePlaceholder': '{min}–{max}',
} as const;
