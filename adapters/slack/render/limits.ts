// Slack's documented size limits, in one table, so rendering can split or truncate before Slack rejects.
export const SLACK_LIMITS = {
  /** Blocks in one message (modals and Home allow 100). */
  blocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  header: 150,
  modalTitle: 24,
  modalButton: 24,
  buttonText: 75,
  actionId: 255,
  blockId: 255,
  buttonValue: 2000,
  /** A button's confirmation dialog: its title, its text and each of its two buttons. */
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
  actionsElements: 25,
  privateMetadata: 3000,
  plainTextInput: 3000,
  optionsPerSelect: 100,
  optionText: 75,
  radioOptions: 10,
  contextElements: 10,
  contextText: 3000,
  inputLabel: 2000,
  /** Top-level `text` of chat.postMessage: notifications and fallbacks; Slack truncates at 40,000. */
  fallbackText: 3000,
} as const;

export const ELLIPSIS = '…';

/** Cut to at most `max` characters, ending with "…" when anything was cut (visibly, never silently). */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return chars.slice(0, Math.max(0, max - 1)).join('') + ELLIPSIS;
}

/** Length in UTF-16 units, as Slack counts. */
export const len = (s: string) => s.length;
