// A prompt line that names a channel: the channel as the platform's own link ("#refleksja"), not its stored id as text.
import { UserError } from '../../core/errors.js';
import { channelRef, type Rich } from '../../core/message.js';
import { t, type Lang, type MessageKey, type Params } from '../../i18n/index.js';

/** Stands in for the channel inside the catalogue line, then is swapped for the channel link. */
const CHANNEL_SLOT = '\u0000channel\u0000';

/** A catalogue line whose `{channel}` is the channel link (the catalogue writes no "#" of its own before it). */
export function channelLine(lang: Lang, key: MessageKey, params: Params, channel: string): Rich {
  return t(lang, key, { ...params, channel: CHANNEL_SLOT }).flatMap((s) => (s.text === CHANNEL_SLOT ? [channelRef(channel)] : [s]));
}

/**
 * A member's mistake about a channel ("I can't post in #…"): answered like any UserError, but with the channel as a
 * link, so /reflect answers it itself (`channelLine`). Anywhere else it still reads "#<id>".
 */
export class ChannelError extends UserError {
  constructor(
    code: MessageKey,
    readonly channel: string,
    params: Params = {},
  ) {
    super(code, { ...params, channel: `#${channel}` });
  }
}
