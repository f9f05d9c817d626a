// Slack's size limits (documented, and one observed), in one table, so rendering can split or truncate before Slack
// rejects. Checked independently of this table by the fake Slack's validator (tests/fakes/slack/block-kit.ts), written
// from Slack's pages and, for the observed one, from the reports it comes from.
export const SLACK_LIMITS = {
  /** Blocks in one message (modals and Home allow 100). */
  blocks: 50,
  /**
   * The text of one message's blocks together (every `text` string, a button's too). Not on Slack's pages but
   * observed: past about 12,000 Slack refuses the whole message with `msg_blocks_too_long` although each block is
   * within its own limit (slackapi/bolt-js#2509, #2867 — refused at 11,341 counted this way, so Slack counts a little
   * more than we can see). A budget well under it; past it, as past `blocks`, a message is posted in parts (parts.ts),
   * or cut visibly where it must stay one.
   */
  messageText: 10_000,
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
  /** Options in one select menu; a scale or choice with more is a declaration bug, refused when rendered. */
  optionsPerSelect: 100,
  optionText: 75,
  /** An option's value (docs.slack.dev option object: 150; older pages said 75). */
  optionValue: 150,
  /** Radio buttons and checkboxes each show at most 10 options. */
  radioOptions: 10,
  /** Placeholder of a text input or select menu. */
  placeholder: 150,
  contextElements: 10,
  contextText: 3000,
  inputLabel: 2000,
  inputHint: 2000,
  /** Top-level `text` of chat.postMessage: notifications and fallbacks; Slack truncates at 40,000. */
  fallbackText: 3000,
} as const;

export const ELLIPSIS = '…';

/**
 * Cut to at most `max` UTF-16 units, ending with "…" when anything was cut (visibly, never silently); an emoji is never
 * halved. Units, not code points: Slack's pages say "characters" without saying which, and splitRich counts units too.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - ELLIPSIS.length);
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
  return text.slice(0, cut) + ELLIPSIS;
}

/** Length in UTF-16 units, the stricter reading of Slack's "characters" (see truncate). */
export const len = (s: string) => s.length;
