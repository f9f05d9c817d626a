// What a command, form or button handler gets: who acted, in which team, in what language, and how to answer.
import type { Bot } from './bot.js';
import { FormWindowPassed, UserError } from './errors.js';
import { openFormButton } from './open-form.js';
import type { Form } from './form.js';
import { t, tx, type Lang, type MessageKey, type Params } from '../i18n/index.js';
import { message, noteBlock, textBlock, type File, type Message, type Rich } from './message.js';
import type { ChatPort, Invocation, MessageRef } from './port.js';
import type { Member, Team } from './teams.js';

export class Context {
  constructor(
    readonly bot: Bot,
    readonly port: ChatPort,
    readonly inv: Invocation,
    public team: Team,
    public member: Member,
    public lang: Lang,
    readonly isFacilitator: boolean,
  ) {}

  /** Transactions opened through this context and not yet finished (see `answering`). */
  private openTransactions = 0;
  private watchedDb?: Bot['db'];

  /** The database; a transaction opened through it is counted, so an answer from inside one fails loudly. */
  get db(): Bot['db'] {
    if (!this.watchedDb) {
      const db = this.bot.db;
      const transaction: Bot['db']['transaction'] = async (fn, config) => {
        this.openTransactions++;
        try {
          return await db.transaction(fn, config);
        } finally {
          this.openTransactions--;
        }
      };
      this.watchedDb = new Proxy(db, {
        get: (target, prop) => {
          if (prop === 'transaction') return transaction;
          const v = Reflect.get(target, prop, target) as unknown;
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      });
    }
    return this.watchedDb;
  }

  /**
   * Answers go out after the commit. A port may write its answer through the database (the playground does),
   * and the embedded database has one connection: answering from inside a transaction would wait for ever.
   */
  private answering(): void {
    if (this.openTransactions) throw new Error('a handler answered from inside a database transaction: answer after it commits');
  }
  get now(): Date {
    return this.bot.clock.now();
  }
  /** The member's time zone, else the team's. */
  get zone(): string {
    return this.member.zone ?? this.team.zone;
  }

  t(key: MessageKey, params?: Params): Rich {
    return t(this.lang, key, params);
  }
  tx(key: MessageKey, params?: Params): string {
    return tx(this.lang, key, params);
  }

  /** Whether a file (an export, a chart, a calendar) can go to the member who acted: the platform takes files and its adapter sends them. */
  get canSendFiles(): boolean {
    return this.port.capabilities.files && this.port.upload !== undefined;
  }

  /** A file to the member who acted, by DM, with `m` beside it. Only where `canSendFiles`: elsewhere a bug, not a member's mistake. */
  async sendFile(file: File, m?: Message): Promise<void> {
    this.answering();
    if (!this.port.capabilities.files || !this.port.upload) throw new Error('sendFile on a platform without files: ask canSendFiles first');
    await this.port.upload({ team: this.inv.team, id: this.inv.member.id }, file, m);
  }

  /** Answer only the member who acted: a whole message, or one catalogue line. */
  async reply(m: Message | MessageKey, params?: Params): Promise<void> {
    this.answering();
    const msg = typeof m === 'string' ? message(textBlock(this.t(m, params))) : m;
    await this.port.answerPrivately(this.inv, msg);
  }

  async openForm(form: Form): Promise<void> {
    this.answering();
    if (!this.port.capabilities.forms) throw new UserError('core.noForms');
    try {
      await this.port.openForm(this.inv, form);
    } catch (e) {
      if (!(e instanceof FormWindowPassed)) throw e;
      const button = openFormButton(this.lang, form);
      if (!button) throw new UserError('core.formTooLate');
      await this.reply(message(textBlock(this.tx('core.formReady')), button));
    }
  }

  /**
   * Stop here, changing nothing, unless the bot can post in `channel`: what it will post there later (prompts,
   * cases, reports, reminders) would otherwise fail with nobody there to hear of it.
   */
  async requireCanPost(channel: string): Promise<void> {
    if ((await this.port.canPost?.(this.team.externalId, channel)) === false) throw new UserError('core.cannotPost', { channel: { channel } });
  }

  /**
   * The private message a button was pressed on (a preview) becomes a short catalogue note, so its buttons lead
   * nowhere and its copy of what the member wrote is gone. Best effort: where the platform does not say which message
   * it was, or will not change it, the answer the member already has must do.
   */
  async closeWithNote(source: MessageRef | undefined, note: MessageKey): Promise<void> {
    if (!source) return;
    try {
      await this.port.update(source, message(noteBlock(this.t(note))));
    } catch {
      // Nothing lost: the decision is saved and the member has their answer.
    }
  }

  /** Stop here with "only facilitators can …" unless the member is one. */
  requireFacilitator(): void {
    if (!this.isFacilitator) throw new UserError('core.onlyFacilitators');
  }
}
