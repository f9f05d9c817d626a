// The bot: turns core events into handler calls, answers mistakes in the member's language, runs due work.
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database, Db } from '../db/client.js';
import { Outages } from '../db/outages.js';
import { RecentLanguages } from './languages.js';
import { members, processedEvents } from '../db/schema/index.js';
import { isLang, pickLanguage, t, tx, type Lang, type MessageKey, type Params } from '../i18n/index.js';
import { foldWord } from '../i18n/lookup.js';
import { asksForHelp, commandHelp } from './help.js';
import type { Clock } from '../schedule/clock.js';
import { deliverAll, type DeliveryReport } from '../schedule/delivery.js';
import { tick, type TickReport } from '../schedule/scheduler.js';
import { checkOptions, matchSubcommand, parseOptions, subcommandWords, tokenize, usageLine } from './args.js';
import { Context } from './context.js';
import { dayOf } from './day.js';
import { errorReference, FieldErrors, isPlatformBusy, UserError } from './errors.js';
import type { CoreEvent, FormOutcome } from './events.js';
import type { Hooks } from './hooks.js';
import { validateForm } from './form.js';
import { message, noteBlock, textBlock, type Message, type Rich } from './message.js';
import { Metrics, UNKNOWN_COMMAND, type CommandOutcome } from './metrics.js';
import type { ChatPort, Invocation, Platform } from './port.js';
import { exampleLine, findCommand, type Command, type L10n, type Registry, type Subcommand } from './registry.js';
import type { Secrets } from './secrets.js';
import { ensureTeamAndMember, isFacilitator } from './teams.js';
import { Admission } from './admission.js';
import { nearest } from './suggest.js';
import { safeError } from '../log.js';

export interface BotOptions {
  database: Database;
  clock: Clock;
  secrets: Secrets;
  log: Logger;
  registry: Registry;
  ports?: ChatPort[];
  instanceId?: string;
  /** Commands handled at once before new ones are answered busy (SOJUSZ_MAX_IN_FLIGHT). */
  maxInFlight?: number;
}

export class Bot {
  readonly database: Database;
  readonly db: Db;
  readonly clock: Clock;
  readonly secrets: Secrets;
  readonly log: Logger;
  readonly registry: Registry;
  readonly ports = new Map<Platform, ChatPort>();
  readonly instanceId: string;
  readonly metrics = new Metrics();
  /** Back-pressure for commands (adapters take a place before acknowledging) and what a stop waits for (see admission.ts). */
  readonly admission: Admission;
  /** Set by the runner: called after a handler queued messages, so they go out without waiting a tick. */
  onEnqueued?: () => void;
  /** The public base URL (PUBLIC_URL) when the bot serves HTTP; features build links with it (calendar feeds). */
  publicUrl?: string;
  /** Set on shutdown: no new claims; claimed rows not yet sent are released for another replica. */
  stopping = false;
  /** Refresh gauges before /metrics is read. */
  refreshGauges?: () => Promise<void>;
  /** The database out of reach: told apart from bugs, logged once per outage; the runner waits for its end. */
  readonly outages: Outages;
  /** Each member's language as last answered, for answers given without the database (see languageOf). */
  readonly languages = new RecentLanguages();

  constructor(o: BotOptions) {
    this.database = o.database;
    this.db = o.database.db;
    this.clock = o.clock;
    this.secrets = o.secrets;
    this.log = o.log;
    this.registry = o.registry;
    this.instanceId = o.instanceId ?? randomUUID();
    this.admission = new Admission(o.maxInFlight, () => this.metrics.busy.inc());
    this.outages = new Outages({ ping: () => o.database.ping(), label: o.database.label, log: o.log, stopped: () => this.stopping });
    for (const p of o.ports ?? []) this.attach(p);
  }

  attach(port: ChatPort): void {
    this.ports.set(port.platform, port);
  }

  port(platform: Platform): ChatPort {
    const p = this.ports.get(platform);
    if (!p) throw new Error(`no adapter attached for ${platform}`);
    return p;
  }

  /** Build the handler context for a member's action (team and member found or created; with `createMember: false` a
   *  member without a row gets an unsaved stand-in, see ActionHandler.lookupOnly). */
  async context(inv: Invocation, o: { createMember?: boolean } = {}): Promise<Context> {
    const { team, member } = await ensureTeamAndMember(this.db, inv.platform, inv.team, inv.member.id, inv.teamName, o);
    const lang = pickLanguage(member.lang, team.settings?.langSet ? team.lang : null, inv.member.locale ?? team.lang);
    // Not for a member looked up only and not there (erased): nothing of them is kept, not even this.
    if (member.id !== 0) this.languages.remember(inv, lang);
    return new Context(this, this.port(inv.platform), inv, team, member, lang, isFacilitator(member, inv.member.isAdmin));
  }

  /**
   * Run a slash command and answer it through the port. `refused` when the answer was a mistake's explanation or an
   * apology rather than what was asked (a playground keeps the typed line then, to mend and send again).
   */
  async command(ev: Extract<CoreEvent, { kind: 'command' }>): Promise<'done' | 'refused'> {
    // Counted and logged under the declared name only: what was typed (another name, a slip, anything on the
    // playground) is the member's words and no bounded metrics label.
    const name = findCommand(this.registry, ev.command)?.name ?? UNKNOWN_COMMAND;
    let outcome: CommandOutcome = 'ok';
    const done = await this.guard(
      ev.inv,
      `command:${name}`,
      async (ctx) => {
        await this.runCommand(ctx, ev);
        await this.firstUseNote(ctx);
        return true;
      },
      {},
      (failed) => (outcome = failed),
    );
    this.metrics.command(name, outcome);
    return done ? 'done' : 'refused';
  }

  /** Handle one event. Forms return what to do with the open form; everything else answers through the port. */
  async handle(ev: CoreEvent): Promise<FormOutcome | void> {
    switch (ev.kind) {
      case 'command':
        await this.command(ev);
        return;
      case 'form':
        return this.handleForm(ev);
      case 'button': {
        const h = this.registry.actions.find((a) => a.id === ev.action || ev.action.startsWith(`${a.id}:`));
        return this.guard(
          ev.inv,
          `button:${ev.action}`,
          async (ctx) => {
            // A button of a message from an older version of the bot, whose action is gone: say so, change nothing.
            if (!h) throw new UserError('core.staleButton');
            const out = await h.run(ctx, ev.value, ev.source);
            this.onEnqueued?.();
            return out ?? undefined;
          },
          { createMember: !h?.lookupOnly },
        );
      }
      case 'threadReply':
        return this.runHooks((h) => h.onThreadReply?.(this, ev));
      case 'installed':
        return this.runHooks((h) => h.onInstalled?.(this, ev));
      case 'uninstalled':
        return this.runHooks((h) => h.onUninstalled?.(this, ev));
      case 'joinedChannel':
        return this.runHooks((h) => h.onJoinedChannel?.(this, ev));
    }
  }

  /**
   * The features' hooks on a platform event nobody waits to be answered (a thread reply, an install). The database out
   * of reach is logged once for the whole outage (Outages), not once per event by each adapter; what the event would
   * have recorded (a reply counted for a follow-up) is lost. Anything else is the adapter's to log, as a bug.
   */
  private async runHooks(each: (h: Hooks) => Promise<void> | undefined): Promise<void> {
    try {
      for (const h of this.registry.hooks) await each(h);
    } catch (e) {
      if (!this.outages.noticed(e)) throw e;
    }
  }

  /**
   * The blocks of a member's home view, from every feature that contributes one. Looking is not using: a member without
   * a row (never used the bot, or just erased their data) is shown the view without one being created.
   */
  async home(inv: Invocation): Promise<Message> {
    const ctx = await this.context(inv, { createMember: false });
    const blocks = [];
    for (const h of this.registry.hooks) if (h.home) blocks.push(...(await h.home(ctx)));
    return { blocks };
  }

  private async runCommand(ctx: Context, ev: Extract<CoreEvent, { kind: 'command' }>): Promise<void> {
    const cmd = findCommand(this.registry, ev.command);
    if (!cmd) {
      const guess = nearest(ev.command, this.registry.commands.flatMap((c) => [c.name, ...(c.otherNames ?? [])].map((word) => ({ word, value: c.name }))));
      throw guess ? new UserError('args.unknownCommandGuess', { got: ev.command, guess }) : new UserError('args.unknownCommand', { got: ev.command });
    }
    let path: string;
    let opts;
    let sub;
    if ('text' in ev) {
      const m = matchSubcommand(cmd, tokenize(ev.text));
      if (!m && asksForHelp(ev.text)) {
        await ctx.reply(commandHelp(ctx, cmd));
        return;
      }
      if (!m) throw unknownSubcommand(cmd, ev.text, ctx.isFacilitator);
      ({ path, sub } = m);
      if (sub.facilitator) ctx.requireFacilitator();
      try {
        opts = parseOptions(sub, m.rest);
      } catch (e) {
        if (e instanceof UserError) throw e.withUsage(usageLine(cmd, path, sub), exampleLine(cmd, path, sub, ctx.now));
        throw e;
      }
    } else {
      path = ev.path.join(' ');
      sub = cmd.subcommands[path];
      if (!sub) throw unknownSubcommand(cmd, path, ctx.isFacilitator);
      if (sub.facilitator) ctx.requireFacilitator();
      opts = checkOptions(sub, ev.options);
    }
    try {
      await sub.run(ctx, opts);
      this.onEnqueued?.();
    } catch (e) {
      if (e instanceof UserError && e.code.startsWith('args.')) throw e.withUsage(usageLine(cmd, path, sub), exampleLine(cmd, path, sub, ctx.now));
      throw e;
    }
  }

  private async handleForm(ev: Extract<CoreEvent, { kind: 'form' }>): Promise<FormOutcome> {
    const handler = this.registry.forms.find((f) => f.id === ev.formId);
    let ctx: Context | undefined;
    try {
      ctx = await this.context(ev.inv);
      // A form opened before an upgrade that removed it: say so rather than apologise for a bug.
      if (!handler) throw new UserError('core.staleForm');
      const form = await handler.build(ctx, ev.state);
      const { values, errors } = validateForm(form, ev.values);
      if (Object.keys(errors).length) throw new FieldErrors(errors);
      const out = await handler.submit(ctx, values, ev.state);
      this.onEnqueued?.();
      return out;
    } catch (e) {
      const lang = ctx?.lang ?? this.languageOf(ev.inv);
      if (e instanceof FieldErrors) {
        return { kind: 'errors', errors: Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, tx(lang, v.code, v.params)])) };
      }
      // The database out of reach: the form stays open with what was written in it, to send again in a minute
      // (closed, a case's text would be lost). Said on its first field.
      const field = Object.keys(ev.values)[0];
      if (field && this.outages.noticed(e)) return { kind: 'errors', errors: { [field]: tx(lang, 'core.databaseDownForm') } };
      await this.answerFailure(ev.inv, lang, e, `form:${ev.formId}`);
      return { kind: 'close' };
    }
  }

  /**
   * Run a handler; a UserError becomes a localized private answer, anything else a logged bug + apology. `failed` hears
   * which kind of failure it was answered as.
   */
  private async guard<T>(
    inv: Invocation,
    where: string,
    fn: (ctx: Context) => Promise<T>,
    o: { createMember?: boolean } = {},
    failed?: (outcome: Exclude<CommandOutcome, 'ok'>) => void,
  ): Promise<T | undefined> {
    let ctx: Context | undefined;
    try {
      ctx = await this.context(inv, o);
      return await fn(ctx);
    } catch (e) {
      const outcome = await this.answerFailure(inv, ctx?.lang ?? this.languageOf(inv), e, where);
      failed?.(outcome);
      return undefined;
    }
  }

  /**
   * The member's language when it cannot be read from the database (it is out of reach, or reading it failed): the
   * one they were last answered in by this process, else their platform's locale.
   */
  languageOf(inv: Invocation): Lang {
    return this.languages.of(inv);
  }

  /**
   * Answer a failure privately; returns how it was answered (for sojusz_commands_total). Handlers' failures come here
   * through guard; an adapter calls it for its own work that failed before the core was reached (Discord's form
   * drafts), so that the member hears the same words, never silence.
   */
  async answerFailure(inv: Invocation, lang: Lang, e: unknown, where: string): Promise<Exclude<CommandOutcome, 'ok'>> {
    const port = this.ports.get(inv.platform);
    let msg: Message;
    let outcome: Exclude<CommandOutcome, 'ok'>;
    if (e instanceof UserError) {
      outcome = 'user-error';
      const { usage, example, subcommands: subs } = e;
      msg = message(
        textBlock(subs ? withCommands(t(lang, e.code, e.params), subs[lang]) : t(lang, e.code, e.params)),
        usage ? noteBlock(t(lang, 'args.usage', { usage })) : null,
        example ? noteBlock(t(lang, 'args.example', { example })) : null,
      );
    } else if (isPlatformBusy(e)) {
      // The platform asked us to slow down (HTTP 429) or was briefly unreachable in the middle of an answer: not a
      // bug, and nothing to report.
      if (e.retryAfterSeconds !== undefined) this.metrics.rateLimited(inv.platform);
      this.log.warn({ where, platform: inv.platform, code: e.code, retryAfter: e.retryAfterSeconds }, 'the platform was busy while answering');
      msg = message(textBlock(t(lang, 'core.platformBusy')));
      outcome = 'platform-busy';
    } else if (this.outages.noticed(e)) {
      // PostgreSQL restarting, failing over or cut off: neither the member's doing nor a bug. Logged once for the
      // whole outage (Outages), counted here, never per request.
      msg = message(textBlock(t(lang, 'core.databaseDown')));
      outcome = 'database-unavailable';
    } else {
      outcome = 'bug';
      msg = message(textBlock(t(lang, 'core.bug', { ref: this.reportBug(e, where) })));
    }
    try {
      await port?.answerPrivately(inv, msg);
    } catch (err) {
      this.log.error({ where, error: safeError(err) }, 'could not answer the member');
    }
    return outcome;
  }

  /**
   * A bug met while answering a member: counted (sojusz_errors_total by the kind of `where`) and logged with a fresh
   * reference, which is returned for the apology (core.bug). Only the error's name, stack and where: never the
   * member's input.
   */
  reportBug(e: unknown, where: string): string {
    const ref = errorReference();
    this.metrics.errors.inc({ where: where.split(':')[0] });
    this.log.error({ ref, where, error: safeError(e) }, 'unexpected error');
    return ref;
  }

  /** Once per member ever: what the bot keeps about them and how to learn more or leave. */
  private async firstUseNote(ctx: Context): Promise<void> {
    if (ctx.member.privacyNoteShownAt) return;
    const updated = await this.db
      .update(members)
      // Only the day: a first command that is an anonymous reply is written at this very instant.
      .set({ privacyNoteShownAt: dayOf(this.clock.now()) })
      // Only the first of two simultaneous first commands wins the note.
      .where(and(eq(members.id, ctx.member.id), isNull(members.privacyNoteShownAt)))
      .returning({ id: members.id });
    if (!updated.length) return;
    try {
      // A member whose own platform speaks the other language learns, in that language, how to switch.
      const own = ctx.inv.member.locale?.slice(0, 2).toLowerCase();
      const other = !ctx.member.lang && isLang(own) && own !== ctx.lang ? own : undefined;
      await ctx.reply(
        message(textBlock(ctx.t('core.firstUse.title')), textBlock(ctx.t('core.firstUse.body')), other && noteBlock(t(other, 'core.firstUse.otherLanguage'))),
      );
    } catch (e) {
      // Not delivered (after a form the answer may go by DM, and DMs can be closed): not shown, so the next command
      // offers it again. The command itself went through, so no apology; no member id in the log.
      await this.db.update(members).set({ privacyNoteShownAt: null }).where(eq(members.id, ctx.member.id));
      this.log.warn({ where: 'first-use note', error: safeError(e) }, 'privacy note not delivered; offered again next time');
    }
  }

  /** Record a platform delivery id; false when it was already handled (Slack retries, replicas). */
  async firstTime(key: string): Promise<boolean> {
    const rows = await this.db.insert(processedEvents).values({ key, at: this.clock.now() }).onConflictDoNothing().returning({ key: processedEvents.key });
    return rows.length > 0;
  }

  /** Run due schedules, then deliver what is ready. Tests call it after moving the clock. */
  async runDueWork(): Promise<{ tick: TickReport; delivery: DeliveryReport }> {
    const tk = await tick(this);
    const delivery = await deliverAll(this);
    return { tick: tk, delivery };
  }
}

/** Stands in for the list of commands in an args.* answer until withCommands puts them in as code spans. */
const COMMANDS = '\u0000commands\u0000';

/** The `{list}` of an unknown-subcommand answer as commands, each its own code span (a parameter is never markup). */
function withCommands(text: Rich, commands: string[]): Rich {
  const spans: Rich = commands.flatMap((c, i) => [...(i ? [{ text: ', ' }] : []), { text: c, style: 'code' as const }]);
  return text.flatMap((s) => (s.text === COMMANDS ? spans : [s]));
}

/**
 * No subcommand by those words. A first word that opens a group ("/sojusz mydata") is answered with that
 * group's subcommands; a near miss ("/sojusz halp") with what was probably meant; anything else with all of them.
 * Only what this member may use is listed (a member is not shown the facilitators' team settings).
 */
function unknownSubcommand(cmd: Command, typed: string, facilitator: boolean): UserError {
  const typedWords = typed.trim().split(/\s+/);
  const first = typedWords[0] ?? '';
  const every = Object.entries(cmd.subcommands).filter(([p]) => p !== '');
  const all = every.filter(([, sub]) => facilitator || !sub.facilitator);
  const namesOf = ([p, sub]: [string, Subcommand]) => [p, ...(sub.aliases ?? [])];
  /** The subcommands whose name (or alias) of several words starts with `word`: a group ("mydata export", "mydata delete"). */
  const groupOf = (word: string, subs: [string, Subcommand][]) =>
    subs.filter((s) => namesOf(s).some((w) => w.includes(' ') && foldWord(w.split(' ')[0]!) === foldWord(word)));
  // Named as the member would type them, in their language.
  const words = ([p, sub]: [string, Subcommand]) => ({ pl: subcommandWords(p, sub, 'pl'), en: p });
  // Each a whole command in a code span (see withCommands), as the rest of our words name commands: an adapter that
  // spells them otherwise (Discord's "/reflect me-off") finds them there.
  const listed: Record<Lang, string[]> = { pl: [], en: [] };
  const list = (subs: [string, Subcommand][]) => {
    listed.pl = subs.map((s) => `/${cmd.name} ${words(s).pl}`);
    listed.en = subs.map(([p]) => `/${cmd.name} ${p}`);
    return COMMANDS;
  };
  const error = (code: MessageKey, params: Params) => new UserError(code, params, { subcommands: listed });
  // The command on its own (/case opens the form) is no word to list, so the answer says what it does after the list.
  const bare = cmd.subcommands[''];
  const what = bare && (facilitator || !bare.facilitator) ? onItsOwn(bare) : undefined;
  if (!first) return error('args.noSub', { command: cmd.name, list: list(all) });
  // A group named in full is answered with its choices, whoever asks (running one says who may).
  const group = groupOf(first, every);
  if (group.length) return error('args.pickSub', { command: cmd.name, got: first, list: list(group) });
  // A slip ("halp" for "help", "teem retention" for "team retention"), in either language: each name is compared
  // with as many typed words as it has.
  const names = all.flatMap((s) => namesOf(s).map((w) => ({ word: w, value: s, typed: typedWords.slice(0, w.split(' ').length).join(' ') })));
  const guess = nearest(first, names);
  if (guess) return error(what ? 'args.unknownSubGuessBare' : 'args.unknownSubGuess', { command: cmd.name, got: first, guess: words(guess), list: list(all), what });
  // Else a slip in a group's name alone ("mydat"): that group's choices.
  const near = nearest(first, names.filter((n) => n.word.includes(' ')).map((n) => ({ word: n.word.split(' ')[0]!, value: n.word.split(' ')[0]! })));
  const nearGroup = near ? groupOf(near, all) : [];
  if (nearGroup.length) return error('args.pickSub', { command: cmd.name, got: first, list: list(nearGroup) });
  return error(what ? 'args.unknownSubBare' : 'args.unknownSub', { command: cmd.name, got: first, list: list(all), what });
}

/** What the bare command does, to follow "/case on its own:": its description, going on in lower case. */
function onItsOwn(bare: Subcommand): L10n {
  const lower = (text: string, lang: Lang) => text.charAt(0).toLocaleLowerCase(lang) + text.slice(1).replace(/\.$/, '');
  return { pl: lower(bare.description.pl, 'pl'), en: lower(bare.description.en, 'en') };
}
