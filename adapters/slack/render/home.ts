// The App Home tab: a header, the member's dashboard from every feature, and a line saying it refreshes.
import type { Message } from '../../../src/core/message.js';
import { t, tx, type Lang } from '../../../src/i18n/index.js';
import { renderMessage, type KitBlock } from './blocks.js';
import { SLACK_LIMITS as L } from './limits.js';
import { richToMrkdwn } from './mrkdwn.js';

export function renderHome(dashboard: Message, lang: Lang): KitBlock {
  const body = dashboard.blocks.length ? dashboard : { blocks: [{ type: 'text' as const, text: t(lang, 'slack.home.empty') }] };
  // Its own block limit and no text total: msg_blocks_too_long was only ever reported for messages, not views.
  const { blocks } = renderMessage(body, L.viewBlocks - 2, Infinity);
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: tx(lang, 'slack.home.title'), emoji: true } },
      ...blocks,
      { type: 'context', elements: [{ type: 'mrkdwn', text: richToMrkdwn(t(lang, 'slack.home.refreshed')) }] },
    ],
  };
}
