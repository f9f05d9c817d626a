// The "Reply anonymously" button and its form: the answer goes into the thread under a pseudonym.
import { actionHandler, formHandler } from '../../src/core/registry.js';
import { ANON_FORM_ID, anonReplyForm, findPost, postAnonReply } from '../../src/features/prompts/replies.js';
import { ANON_REPLY_ACTION } from '../../src/features/prompts/starter.js';
import { topicCheckBlocks } from '../../src/features/supervision/deidentify.js';
import { message, textBlock } from '../../src/core/message.js';

export const anonReplyButton = actionHandler({
  id: ANON_REPLY_ACTION,
  async run(ctx, value) {
    await findPost(ctx.db, ctx.team.id, Number(value));
    await ctx.openForm(anonReplyForm(ctx.lang, String(value)));
  },
});

export const anonReplyFormHandler = formHandler({
  id: ANON_FORM_ID,
  build: (ctx, state) => anonReplyForm(ctx.lang, state ?? ''),
  async submit(ctx, values, state) {
    const text = String(values.text ?? '');
    const { persona, check } = await ctx.db.transaction((tx) => postAnonReply(tx, ctx.bot.secrets, ctx.team, Number(state), ctx.member.externalId, text, ctx.now));
    // The group reads the masked text: tell the author what was replaced. (Other findings, such as names, are not
    // listed: the reply is already on its way and the form said to leave them out.)
    await ctx.reply(message(textBlock(ctx.t('prompts.anon.done', { persona })), ...topicCheckBlocks(ctx.lang, { ...check, findings: [] })));
    return { kind: 'close' };
  },
});
