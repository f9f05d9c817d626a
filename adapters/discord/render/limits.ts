// Discord's size limits as data: the renderer splits or shortens visibly against this one table.
export const DISCORD_LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTotal: 6000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  embedAuthorName: 256,
  actionRows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
  customId: 100,
  modalTitle: 45,
  modalComponents: 5,
  inputLabel: 45,
  inputPlaceholder: 100,
  inputValue: 4000,
  commandName: 32,
  commandDescription: 100,
  choices: 25,
  options: 25,
  threadName: 100,
  nonce: 25,
} as const;

/** Shorten `text` to `max` characters, ending with `marker` so the cut is visible. */
export function truncate(text: string, max: number, marker = '…'): string {
  if (text.length <= max) return text;
  return text.slice(0, Math.max(0, max - marker.length)) + marker;
}

