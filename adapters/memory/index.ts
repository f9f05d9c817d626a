// The in-memory adapter: a test double that pushes member actions in and records what the bot said.
import type { Bot } from '../../src/core/bot.js';
import type { FormOutcome } from '../../src/core/events.js';
import type { Form, RawValues } from '../../src/core/form.js';
import { messageToPlain, type File, type Message } from '../../src/core/message.js';
import type { Capabilities, ChatPort, Invocation, MemberRef, MessageRef, Place } from '../../src/core/port.js';

/** One thing the bot did, as a member would notice it. */
export type Said =
  | { kind: 'post'; ref: MessageRef; place: Place; message: Message; text: string; key?: string }
  | { kind: 'update'; ref: MessageRef; message: Message; text: string }
  | { kind: 'remove'; ref: MessageRef }
  | { kind: 'dm'; ref: MessageRef; member: string; message: Message; text: string }
  | { kind: 'private'; member: string; channel?: string; message: Message; text: string }
  | { kind: 'form'; member: string; form: Form }
  | { kind: 'file'; member: string; file: File; text?: string };

export interface MemoryMember {
  id: string;
  name?: string;
  locale?: string;
  isAdmin?: boolean;
}

export class MemoryAdapter implements ChatPort {
  readonly platform = 'memory' as const;
  readonly capabilities: Capabilities = { forms: true, files: true };
  readonly said: Said[] = [];
  /** Channel id → member ids (for minimum group sizes). Channels not listed are unknown. */
  readonly channels = new Map<string, string[]>();
  /** Channels where posting fails as if the bot were not invited. */
  readonly closedChannels = new Set<string>();
  private seq = 0;

  constructor(readonly team = 'T1', private bot?: Bot) {}

  connect(bot: Bot): this {
    this.bot = bot;
    bot.attach(this);
    return this;
  }

  // ——— the port ———
  async post(to: Place, message: Message, opts?: { key?: string }): Promise<MessageRef> {
    if (this.closedChannels.has(to.channel)) {
      const { PlatformError } = await import('../../src/core/errors.js');
      throw new PlatformError('memory', 'not_in_channel', undefined, undefined, false, 'channel', 'place');
    }
    const ref = { team: to.team, channel: to.channel, id: `m${++this.seq}`, thread: to.thread };
    this.said.push({ kind: 'post', ref, place: to, message, text: messageToPlain(message), key: opts?.key });
    return ref;
  }
  async update(ref: MessageRef, message: Message): Promise<void> {
    this.said.push({ kind: 'update', ref, message, text: messageToPlain(message) });
  }
  async remove(ref: MessageRef): Promise<void> {
    this.said.push({ kind: 'remove', ref });
  }
  async direct(member: MemberRef, message: Message): Promise<MessageRef> {
    const ref = { team: member.team, channel: `D-${member.id}`, id: `m${++this.seq}` };
    this.said.push({ kind: 'dm', ref, member: member.id, message, text: messageToPlain(message) });
    return ref;
  }
  async answerPrivately(to: Invocation, message: Message): Promise<void> {
    this.said.push({ kind: 'private', member: to.member.id, channel: to.channel, message, text: messageToPlain(message) });
  }
  async openForm(to: Invocation, form: Form): Promise<void> {
    this.said.push({ kind: 'form', member: to.member.id, form });
  }
  async upload(to: MemberRef, file: File, message?: Message): Promise<void> {
    this.said.push({ kind: 'file', member: to.id, file, ...(message ? { text: messageToPlain(message) } : {}) });
  }
  async channelMembers(_team: string, channel: string): Promise<string[] | undefined> {
    return this.channels.get(channel);
  }
  async canPost(_team: string, channel: string): Promise<boolean> {
    return !this.closedChannels.has(channel);
  }

  // ——— the test side: push actions in, pop what was said ———
  inv(member: MemoryMember | string, channel = 'general'): Invocation {
    const m = typeof member === 'string' ? { id: member } : member;
    return { platform: 'memory', team: this.team, member: m, channel };
  }

  /** `/name text` typed by a member in a channel. */
  async command(member: MemoryMember | string, line: string, channel = 'general'): Promise<void> {
    const m = /^\/(\S+)\s*(.*)$/s.exec(line.trim());
    if (!m) throw new Error(`not a slash command: ${line}`);
    await this.bot!.handle({ kind: 'command', inv: this.inv(member, channel), command: m[1]!, text: m[2]! });
  }

  /** A command, and what the member was told privately in answer to it (joined by newlines). */
  async ask(member: MemoryMember | string, line: string, channel = 'general'): Promise<string> {
    const id = typeof member === 'string' ? member : member.id;
    const before = this.privateTo(id).length;
    await this.command(member, line, channel);
    return this.privateTo(id).slice(before).join('\n');
  }

  async submit(member: MemoryMember | string, formId: string, values: RawValues, state?: string): Promise<FormOutcome> {
    return (await this.bot!.handle({ kind: 'form', inv: this.inv(member), formId, values, state })) as FormOutcome;
  }

  /** Submit the last form the bot opened for this member, with these values. */
  async fill(member: MemoryMember | string, values: RawValues): Promise<FormOutcome> {
    const id = typeof member === 'string' ? member : member.id;
    const form = this.lastForm(id);
    if (!form) throw new Error(`no form open for ${id}`);
    return this.submit(member, form.id, values, form.state);
  }

  async click(member: MemoryMember | string, action: string, value?: string, source?: MessageRef, channel?: string): Promise<void | FormOutcome> {
    return this.bot!.handle({ kind: 'button', inv: this.inv(member, channel), action, value, source });
  }

  async threadReply(member: string, channel: string, thread: string): Promise<void> {
    await this.bot!.handle({ kind: 'threadReply', platform: 'memory', team: this.team, channel, thread, member });
  }

  lastForm(member: string): Form | undefined {
    return [...this.said].reverse().find((s): s is Extract<Said, { kind: 'form' }> => s.kind === 'form' && s.member === member)?.form;
  }
  privateTo(member: string): string[] {
    return this.said.filter((s): s is Extract<Said, { kind: 'private' }> => s.kind === 'private' && s.member === member).map((s) => s.text);
  }
  lastPrivate(member: string): string | undefined {
    return this.privateTo(member).at(-1);
  }
  /** The text of the file the member was sent last (a CSV without its byte order mark, a JSON export), or ''. */
  lastFileText(member: string): string {
    const f = [...this.said].reverse().find((s): s is Extract<Said, { kind: 'file' }> => s.kind === 'file' && s.member === member);
    return f ? new TextDecoder().decode(f.file.bytes).replace(/^\uFEFF/, '') : '';
  }
  posts(channel?: string): Extract<Said, { kind: 'post' }>[] {
    return this.said.filter((s): s is Extract<Said, { kind: 'post' }> => s.kind === 'post' && (!channel || s.place.channel === channel));
  }
  dms(member?: string): Extract<Said, { kind: 'dm' }>[] {
    return this.said.filter((s): s is Extract<Said, { kind: 'dm' }> => s.kind === 'dm' && (!member || s.member === member));
  }
  clear(): void {
    this.said.length = 0;
  }
}
