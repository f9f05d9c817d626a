// Handing a JSON export to the member who asked: a private file where the platform has files, else a visible excerpt.
import type { Context } from '../../core/context.js';
import { message, noteBlock, textBlock } from '../../core/message.js';

/** What fits in one private answer on platforms without files; the rest is cut and the cut is said. */
export const INLINE_EXPORT_CHARS = 2500;

/** The words around each export: a member's own data, or the team's (a facilitator's file, which names members). */
const WORDS = {
  mine: { file: 'privacy.export.file', inline: 'privacy.export.inline', truncated: 'privacy.export.truncated' },
  team: { file: 'privacy.teamExport.file', inline: 'privacy.teamExport.inline', truncated: 'privacy.teamExport.truncated' },
} as const;

export async function sendJson(ctx: Context, whose: keyof typeof WORDS, name: string, data: unknown): Promise<void> {
  const words = WORDS[whose];
  const json = JSON.stringify(data, null, 2);
  if (ctx.canSendFiles) {
    await ctx.sendFile({ name, mime: 'application/json', bytes: new TextEncoder().encode(json) }, message(textBlock(ctx.t(words.file))));
    await ctx.reply('privacy.export.sent');
    return;
  }
  const cut = json.length > INLINE_EXPORT_CHARS;
  await ctx.reply(
    message(
      textBlock(ctx.t(words.inline)),
      // The member's own data shown back to them: still untrusted text (it may contain markup).
      { type: 'quote', text: [{ text: cut ? `${json.slice(0, INLINE_EXPORT_CHARS)}\n…` : json, untrusted: true }] },
      cut ? noteBlock(ctx.t(words.truncated, { shown: INLINE_EXPORT_CHARS, total: json.length })) : null,
    ),
  );
}
