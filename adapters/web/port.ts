// The playground's ChatPort: keeps channel history in the web_messages table and tells browsers what changed.
import { EventEmitter } from 'node:events';
import { and, eq } from 'drizzle-orm';
import type { Bot } from '../../src/core/bot.js';
import { PlatformError } from '../../src/core/errors.js';
import type { Form } from '../../src/core/form.js';
import { untrusted, type File, type Message } from '../../src/core/message.js';
import type { Capabilities, ChatPort, Invocation, MemberRef, MessageRef, Place } from '../../src/core/port.js';
import { webMessages } from '../../src/db/schema/index.js';
import { languageOf, withLang } from './lang.js';
import { CHANNELS, MEMBERS, TEAM, channelNamed, dmChannel, isKnownChannel } from './workspace.js';

/** A channel the core names by its Polish name too (`refleksja`) is the playground's one channel (workspace.ts). */
const idOf = (channel: string): string => channelNamed(channel) ?? channel;

type StoredFile = NonNullable<typeof webMessages.$inferSelect.file>;

/** Marks file bytes sealed with the bot's key (AES-256-GCM); base64 never contains a colon. */
export const SEALED = 'sealed:';

/** The bytes of a stored file: sealed ones opened with the bot's key (rows from before sealing are plain base64). */
export function fileBytes(bot: Bot, file: StoredFile): Buffer {
  const base64 = file.data.startsWith(SEALED) ? bot.secrets.decrypt(file.data.slice(SEALED.length)) : file.data;
  return Buffer.from(base64, 'base64');
}

/** A form the bot opened for a member, with what they typed and the errors of their last try. */
export interface OpenForm {
  form: Form;
  inv: Invocation;
  errors?: Record<string, string>;
  values?: Record<string, string[]>;
  /** Bumped on every change, so the browser re-renders the dialog only when it must. */
  version: number;
}

export class WebPort implements ChatPort {
  readonly platform = 'web' as const;
  readonly capabilities: Capabilities = { forms: true, files: true };
  /** Emits 'changed' whenever anything a browser shows may have changed. */
  readonly events = new EventEmitter();
  readonly forms = new Map<string, OpenForm>();
  /** While set, private answers go here instead of the channel (the sample team's quiet set-up). */
  capture?: Message[];
  private formVersion = 0;

  constructor(private readonly bot: Bot, readonly team = TEAM) {
    this.events.setMaxListeners(0);
  }

  changed(): void {
    this.events.emit('changed');
  }

  private async insert(row: {
    channel: string;
    threadId?: number | null;
    author: string;
    message: Message;
    ephemeralFor?: string | null;
    file?: { name: string; mime: string; data: string } | null;
  }): Promise<number> {
    const lang = await languageOf(this.bot, this.team, row);
    const [r] = await this.bot.db
      .insert(webMessages)
      .values({
        team: this.team,
        channel: row.channel,
        threadId: row.threadId ?? null,
        author: row.author,
        persona: row.message.persona ?? null,
        message: withLang(row.message, lang),
        ephemeralFor: row.ephemeralFor ?? null,
        file: row.file ?? null,
        createdAt: this.bot.clock.now(),
      })
      .returning({ id: webMessages.id });
    this.changed();
    return r!.id;
  }

  /** A thread reference always names the top-level message, even when given a reply's id. */
  private async threadRoot(thread: string | undefined): Promise<number | null> {
    if (!thread) return null;
    const id = Number(thread);
    if (!Number.isInteger(id)) return null;
    const [row] = await this.bot.db.select({ threadId: webMessages.threadId }).from(webMessages).where(eq(webMessages.id, id));
    return row?.threadId ?? id;
  }

  async post(to: Place, message: Message): Promise<MessageRef> {
    // Like Slack's channel_not_found: a channel the playground does not have never takes a post, and retrying
    // cannot make it appear. Without this a case set to go to "#general" would vanish into a row nobody sees.
    const channel = idOf(to.channel);
    if (!isKnownChannel(channel)) throw new PlatformError('web', 'channel_not_found', undefined, undefined, false);
    const threadId = await this.threadRoot(to.thread);
    const id = await this.insert({ channel, threadId, author: 'bot', message });
    return { team: to.team, channel, id: String(id), thread: threadId === null ? undefined : String(threadId) };
  }

  async update(ref: MessageRef, message: Message): Promise<void> {
    const where = and(eq(webMessages.id, Number(ref.id)), eq(webMessages.team, this.team));
    // Written again, perhaps in another language than the first time (the member switched since): asked anew.
    const [row] = await this.bot.db.select({ channel: webMessages.channel, author: webMessages.author, ephemeralFor: webMessages.ephemeralFor }).from(webMessages).where(where);
    if (!row) return;
    await this.bot.db
      .update(webMessages)
      .set({ message: withLang(message, await languageOf(this.bot, this.team, row)), persona: message.persona ?? null, updatedAt: this.bot.clock.now() })
      .where(where);
    this.changed();
  }

  async remove(ref: MessageRef): Promise<void> {
    await this.bot.db
      .update(webMessages)
      .set({ deleted: true, updatedAt: this.bot.clock.now() })
      .where(and(eq(webMessages.id, Number(ref.id)), eq(webMessages.team, this.team)));
    this.changed();
  }

  async direct(member: MemberRef, message: Message): Promise<MessageRef> {
    const channel = dmChannel(member.id);
    const id = await this.insert({ channel, author: 'bot', message });
    return { team: member.team, channel, id: String(id) };
  }

  async answerPrivately(to: Invocation, message: Message): Promise<void> {
    if (this.capture) {
      this.capture.push(message);
      return;
    }
    const channel = to.channel && isKnownChannel(to.channel) ? to.channel : dmChannel(to.member.id);
    await this.insert({ channel, threadId: await this.threadRoot(to.thread), author: 'bot', message, ephemeralFor: to.member.id });
  }

  async openForm(to: Invocation, form: Form): Promise<void> {
    this.forms.set(to.member.id, { form, inv: to, version: ++this.formVersion });
    this.changed();
  }

  /** Show a submission's field errors in the open form, keeping what the member typed. */
  formErrors(memberId: string, errors: Record<string, string>, values: Record<string, string[]>): void {
    const open = this.forms.get(memberId);
    if (!open) return;
    this.forms.set(memberId, { ...open, errors, values, version: ++this.formVersion });
    this.changed();
  }

  closeForm(memberId: string): void {
    if (this.forms.delete(memberId)) this.changed();
  }

  async upload(to: MemberRef, file: File, message?: Message): Promise<void> {
    await this.insert({
      channel: dmChannel(to.id),
      author: 'bot',
      message: message ?? { blocks: [] },
      // Exports hold decrypted notes and charts private numbers: sealed at rest, and gone after a day (privacy.ts).
      file: { name: file.name, mime: file.mime, data: SEALED + this.bot.secrets.encrypt(Buffer.from(file.bytes).toString('base64')) },
    });
  }

  /** Everyone reads the shared channels, a DM is its member's; a channel the playground does not have has nobody. */
  async channelMembers(_team: string, channel: string): Promise<string[]> {
    if ((CHANNELS as readonly string[]).includes(idOf(channel))) return MEMBERS.map((m) => m.id);
    const dm = MEMBERS.find((m) => channel === dmChannel(m.id));
    return dm ? [dm.id] : [];
  }

  async canPost(_team: string, channel: string): Promise<boolean> {
    return isKnownChannel(idOf(channel));
  }

  /** A channel named in a form, either way ("refleksja", "#reflection") → its id. */
  async resolveChannel(_team: string, name: string): Promise<string | undefined> {
    return channelNamed(name);
  }

  /** Something a member typed that is not a command: kept as their message, member text marked untrusted. */
  async memberSays(memberId: string, channel: string, thread: string | undefined, text: string): Promise<{ id: number; thread: number | null }> {
    const threadId = await this.threadRoot(thread);
    const id = await this.insert({ channel, threadId, author: memberId, message: { blocks: [{ type: 'text', text: [untrusted(text)] }] } });
    return { id, thread: threadId };
  }
}
