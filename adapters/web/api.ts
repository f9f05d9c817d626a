// The playground's HTTP side: the page, its JSON API (view, send, form, button, time, commands) and live events.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { and, asc, eq, isNull, or } from 'drizzle-orm';
import { subcommandWords } from '../../src/core/args.js';
import type { Bot } from '../../src/core/bot.js';
import type { FormOutcome } from '../../src/core/events.js';
import type { RawValues } from '../../src/core/form.js';
import { parseId } from '../../src/core/parse.js';
import type { Invocation } from '../../src/core/port.js';
import { subcommandDescription } from '../../src/core/registry.js';
import type { Team } from '../../src/core/teams.js';
import { webMessages } from '../../src/db/schema/index.js';
import { web as webWords } from '../../src/i18n/en/web.js';
import { isLang, t, tx, type Lang } from '../../src/i18n/index.js';
import type { Listener } from '../../src/http/server.js';
import type { OffsetClock } from '../../src/schedule/clock.js';
import { ROOT } from '../../src/root.js';
import { arrangement } from './arrangement.js';
import { allowedHosts } from './bind.js';
import { withIds } from './names.js';
import { fileBytes, type WebPort } from './port.js';
import { formatTime, renderForm, renderMessage, type WebRow } from './render.js';
import { advance, otherPlatforms, type TimeStep } from './time.js';
import { welcomeHtml } from './welcome.js';
import { CHANNELS, MEMBERS, POLISH_NAMES, TEAM, TEAM_NAME, canRead, dmChannel, findMember, type SimMember } from './workspace.js';

const STATIC = resolve(ROOT, 'adapters/web/static');
const FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/index.html': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/static/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/static/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
  // Two overlapping rings: an alliance. Browsers ask for /favicon.ico whatever the page says.
  '/static/icon.svg': { file: 'icon.svg', type: 'image/svg+xml' },
  '/favicon.ico': { file: 'icon.svg', type: 'image/svg+xml' },
};
const MAX_BODY = 64 * 1024;
/** The longest message the composer takes; longer is refused with the limit named, never cut. */
const MAX_TEXT = 4000;
const HISTORY = 500;
/** Everything the page loads comes from here; chart images arrive inline as data: URLs too. No framing. */
const CSP = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

type WebWord = keyof typeof webWords;
/** Each word's `{placeholders}` filled with themselves, so the page gets templates it can fill (a limit, a count). */
const PLACEHOLDERS = Object.fromEntries(
  Object.entries(webWords).map(([k, v]) => [k, Object.fromEntries([...JSON.stringify(v).matchAll(/\{(\w+)\}/g)].map((m) => [m[1]!, `{${m[1]}}`]))]),
) as Record<WebWord, Record<string, string>>;

class HttpProblem extends Error {
  /** `say`: a key of the page's own words (web.*) the browser shows the member instead of a generic failure,
   *  with `params` for its `{placeholders}`. */
  constructor(readonly status: number, message: string, readonly say?: WebWord, readonly params?: Record<string, number>) {
    super(message);
  }
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(JSON.stringify(body));
}

/**
 * Whether a request may reach the playground. Its Host was checked for every route (startPlayground sets the
 * server's guard); an Origin, when the browser sends one, must be this computer too — `Origin: null` (sandboxed
 * frames, some redirects) included — so another site open in the same browser cannot drive it.
 */
function refusal(req: IncomingMessage): string | undefined {
  const allowed = allowedHosts(req.socket.localPort ?? 0);
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const o = String(origin).toLowerCase();
    if (!o.startsWith('http://') || !allowed.has(o.slice('http://'.length))) return 'cross-site request';
  }
  return undefined;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new HttpProblem(413, 'body too large');
    chunks.push(c as Buffer);
  }
  try {
    const v = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
    return v as Record<string, unknown>;
  } catch {
    throw new HttpProblem(400, 'expected a JSON object');
  }
}

function str(v: unknown, max = 4000): string | undefined {
  return typeof v === 'string' && v.length <= max ? v : undefined;
}

export function playgroundApi(bot: Bot, port: WebPort, clock: OffsetClock, teamId: () => Promise<number>): Listener {
  const files = new Map(Object.entries(FILES).map(([path, f]) => [path, { body: readFileSync(resolve(STATIC, f.file)), type: f.type }]));

  const memberOf = (v: unknown): SimMember => {
    const m = findMember(v);
    if (!m) throw new HttpProblem(400, 'unknown member');
    return m;
  };
  const invOf = (m: SimMember, channel?: string, thread?: string): Invocation => ({
    platform: 'web',
    team: TEAM,
    teamName: TEAM_NAME,
    member: { id: m.id, name: m.name, locale: m.locale, isAdmin: m.isAdmin },
    channel,
    thread,
  });
  const channelOf = (m: SimMember, v: unknown): string => {
    const c = str(v, 100) ?? CHANNELS[0];
    if (!canRead(m.id, c)) throw new HttpProblem(403, 'not your channel');
    return c;
  };
  const threadOf = (v: unknown): string | undefined => (typeof v === 'string' && /^\d+$/.test(v) && parseId(v) ? v : typeof v === 'number' ? String(v) : undefined);

  /**
   * The member's language and zone, as the core picks them (their choice, the team's, their locale). `chosen`: the
   * language is someone's choice (theirs or the team's), not a guess from the locale. Looked up, never created: the
   * page asks on every refresh, and a member who just had everything deleted must stay deleted until they act again.
   */
  async function langOf(m: SimMember): Promise<{ lang: Lang; zone: string; chosen: boolean; team: Team }> {
    const ctx = await bot.context(invOf(m), { createMember: false });
    return { lang: ctx.lang, zone: ctx.zone, chosen: isLang(ctx.member.lang) || Boolean(ctx.team.settings?.langSet), team: ctx.team };
  }

  async function rowsOf(channel: string, viewer: string): Promise<WebRow[]> {
    const rows = await bot.db
      .select()
      .from(webMessages)
      .where(and(eq(webMessages.team, TEAM), eq(webMessages.channel, channel), eq(webMessages.deleted, false), or(isNull(webMessages.ephemeralFor), eq(webMessages.ephemeralFor, viewer))))
      .orderBy(asc(webMessages.id));
    return rows.slice(-HISTORY);
  }

  async function view(url: URL): Promise<unknown> {
    const m = memberOf(url.searchParams.get('member'));
    const channel = channelOf(m, url.searchParams.get('channel') ?? undefined);
    const thread = threadOf(url.searchParams.get('thread') ?? undefined);
    const { lang, zone, team } = await langOf(m);
    const rows = await rowsOf(channel, m.id);
    const replies = new Map<number, number>();
    for (const r of rows) if (r.threadId !== null && !r.ephemeralFor) replies.set(r.threadId, (replies.get(r.threadId) ?? 0) + 1);
    const top = rows.filter((r) => r.threadId === null);
    const threaded = channel.startsWith('dm-') ? undefined : true;
    const messagesHtml = top.map((r) => renderMessage(r, { lang, zone, viewer: m.id, replies: threaded && replies.get(r.id) !== undefined ? replies.get(r.id) : threaded ? 0 : undefined })).join('');
    let threadView: { id: string; html: string } | null = null;
    if (thread) {
      const inThread = rows.filter((r) => r.id === Number(thread) || r.threadId === Number(thread));
      if (inThread.length) threadView = { id: thread, html: inThread.map((r) => renderMessage(r, { lang, zone, viewer: m.id })).join('') };
    }
    const open = port.forms.get(m.id);
    const chrome = Object.fromEntries(Object.keys(webWords).map((k) => [k, tx(lang, k as WebWord, PLACEHOLDERS[k as WebWord])]));
    const channelLabel = channel.startsWith('dm-') ? tx(lang, 'web.dmWithBot') : `#${channel}`;
    return {
      lang,
      chrome,
      member: m.id,
      // The handle too: it is what a command names a person by ("@tomek"), and the page shows it nowhere else.
      members: MEMBERS.map((x) => ({ id: x.id, name: x.name, handle: `@${x.id}`, role: tx(lang, x.isAdmin ? 'web.role.facilitator' : 'web.role.therapist') })),
      // A Polish reader meets `#refleksja` in every example: the channel list says that name leads here too.
      channels: [
        ...CHANNELS.map((c) => ({ id: c, label: `#${c}`, ...(lang === 'pl' ? { alias: `#${POLISH_NAMES[c]}`, aliasLabel: tx(lang, 'web.channelAlias', { name: `#${POLISH_NAMES[c]}` }) } : {}) })),
        { id: dmChannel(m.id), label: tx(lang, 'web.dmWithBot'), dm: true },
      ],
      channel,
      channelLabel,
      now: clock.now().toISOString(),
      nowLabel: tx(lang, 'web.now', { time: formatTime(clock.now(), lang, zone) }),
      messagesHtml,
      empty: top.length === 0,
      thread: threadView,
      form: open ? { version: open.version, html: renderForm(open, lang) } : null,
      welcome: welcomeHtml(lang, await arrangement(bot.db, team)),
    };
  }

  /**
   * Completion for the composer: every command and subcommand in the words the help shows this member (`/sojusz dane
   * usuń` in Polish). A language nobody chose yet (only guessed from the locale) gets both spellings.
   */
  async function commands(url: URL): Promise<unknown> {
    const m = memberOf(url.searchParams.get('member'));
    const { lang, chosen } = await langOf(m);
    const spellings: Lang[] = chosen ? [lang] : [lang, lang === 'pl' ? 'en' : 'pl'];
    const out: { usage: string; description: string }[] = [];
    const seen = new Set<string>();
    const add = (usage: string, description: string) => {
      if (seen.has(usage)) return;
      seen.add(usage);
      out.push({ usage, description });
    };
    for (const c of bot.registry.commands) {
      if (!c.subcommands['']) add(`/${c.name}`, c.description[lang]);
      for (const [path, sub] of Object.entries(c.subcommands)) {
        for (const l of spellings) {
          const words = subcommandWords(path, sub, l);
          add(`/${c.name}${words ? ` ${words}` : ''}`, subcommandDescription(sub, lang));
        }
      }
    }
    return { commands: out };
  }

  async function send(body: Record<string, unknown>): Promise<unknown> {
    const m = memberOf(body.member);
    const channel = channelOf(m, body.channel);
    const thread = threadOf(body.thread);
    if (typeof body.text === 'string' && body.text.length > MAX_TEXT) throw new HttpProblem(400, 'message too long', 'web.tooLong', { max: MAX_TEXT, got: body.text.length });
    const text = (str(body.text, MAX_TEXT) ?? '').trim();
    if (!text) throw new HttpProblem(400, 'empty message');
    // "/ sojusz pomoc", a space slipped in after the slash, is still meant as the command: never posted for all to read.
    const cmd = /^\/\s*(\S+)\s*([\s\S]*)$/.exec(text);
    if (cmd) {
      // Like Slack and Discord, a slash command itself is not shown in the channel; its answers are.
      const refused = (await bot.command({ kind: 'command', inv: invOf(m, channel, thread), command: cmd[1]!, text: withIds(bot.registry, cmd[1]!, cmd[2]!) })) === 'refused';
      port.changed();
      // A refused command ("too long", "no such case") keeps its text in the composer, to fix and send again.
      return refused ? { ok: true, refused: true } : { ok: true };
    }
    const said = await port.memberSays(m.id, channel, thread, text);
    if (channel === dmChannel(m.id)) {
      // Nobody else reads this DM: plain text here would otherwise meet silence.
      const { lang } = await langOf(m);
      await port.answerPrivately(invOf(m, channel), { blocks: [{ type: 'text', text: t(lang, 'web.onlyCommands') }] });
    } else if (said.thread !== null) {
      await bot.handle({ kind: 'threadReply', platform: 'web', team: TEAM, channel, thread: String(said.thread), member: m.id });
    }
    return { ok: true, id: said.id };
  }

  async function submitForm(body: Record<string, unknown>): Promise<unknown> {
    const m = memberOf(body.member);
    const open = port.forms.get(m.id);
    if (!open) throw new HttpProblem(409, 'no open form', 'web.formExpired');
    const given = (typeof body.values === 'object' && body.values !== null ? body.values : {}) as Record<string, unknown>;
    const raw: RawValues = {};
    const kept: Record<string, string[]> = {};
    for (const f of open.form.fields) {
      const v = given[f.id];
      const list = (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string').slice(0, 50);
      kept[f.id] = list;
      raw[f.id] = f.kind === 'choice' && f.multiple ? list : list[0];
    }
    const outcome = (await bot.handle({ kind: 'form', inv: open.inv, formId: open.form.id, values: raw, state: open.form.state })) as FormOutcome | undefined;
    applyOutcome(m.id, outcome, kept);
    return { outcome: outcome?.kind ?? 'close' };
  }

  function applyOutcome(memberId: string, outcome: FormOutcome | void | undefined, kept: Record<string, string[]>): void {
    if (!outcome) return;
    if (outcome.kind === 'errors') port.formErrors(memberId, outcome.errors, kept);
    else if (outcome.kind === 'next') {
      const open = port.forms.get(memberId);
      if (open) void port.openForm(open.inv, outcome.form);
    } else port.closeForm(memberId);
  }

  async function button(body: Record<string, unknown>): Promise<unknown> {
    const m = memberOf(body.member);
    const channel = channelOf(m, body.channel);
    const thread = threadOf(body.thread);
    const action = str(body.action, 200);
    if (!action) throw new HttpProblem(400, 'no action');
    const sourceId = threadOf(body.source);
    let source;
    if (sourceId) {
      const [row] = await bot.db.select().from(webMessages).where(and(eq(webMessages.id, Number(sourceId)), eq(webMessages.team, TEAM)));
      // Only a message this member can see carries their button: another member's private answer or DM is not theirs
      // to press (a button may rewrite the message it sits on).
      const visible = row && (row.ephemeralFor === null || row.ephemeralFor === m.id) && canRead(m.id, row.channel);
      if (row && !visible) throw new HttpProblem(403, 'not your message');
      if (row) source = { team: TEAM, channel: row.channel, id: String(row.id), thread: row.threadId === null ? undefined : String(row.threadId) };
    }
    const out = await bot.handle({ kind: 'button', inv: invOf(m, source?.channel ?? channel, source?.thread ?? thread), action, value: str(body.value, 500) || undefined, source });
    if (out && out.kind === 'next') await port.openForm(invOf(m, channel, thread), out.form);
    port.changed();
    return { ok: true };
  }

  async function time(body: Record<string, unknown>): Promise<unknown> {
    const step = body.step;
    if (step !== 'hour' && step !== 'day' && step !== 'next') throw new HttpProblem(400, 'step must be hour, day or next');
    // Another process may have put Slack or Discord teams into this database since the playground started.
    if ((await otherPlatforms(bot.db)).length) throw new HttpProblem(409, 'the database holds other platforms’ teams', 'web.timeShared');
    const moved = await advance(bot, clock, await teamId(), step as TimeStep);
    port.changed();
    return { moved, now: clock.now().toISOString() };
  }

  function events(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write('retry: 2000\n\n');
    const onChange = () => res.write('data: changed\n\n');
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    port.events.on('changed', onChange);
    req.on('close', () => {
      clearInterval(keepAlive);
      port.events.off('changed', onChange);
    });
  }

  async function file(path: string, url: URL, res: ServerResponse): Promise<void> {
    const id = Number(path.slice('/api/file/'.length));
    const [row] = Number.isInteger(id) ? await bot.db.select().from(webMessages).where(and(eq(webMessages.id, id), eq(webMessages.team, TEAM))) : [];
    const viewer = url.searchParams.get('member') ?? '';
    // A file in a DM (an export, a chart) is its member's alone; the page's links say who is looking.
    const hidden = (row?.channel.startsWith('dm-') && row.channel !== dmChannel(viewer)) || (row?.ephemeralFor && row.ephemeralFor !== viewer);
    if (!row?.file || row.deleted || hidden) throw new HttpProblem(404, 'no such file');
    const safeName = row.file.name.replace(/[^\w.-]/g, '_');
    res.writeHead(200, {
      'content-type': row.file.mime === 'image/png' ? 'image/png' : 'application/octet-stream',
      'content-disposition': `${row.file.mime === 'image/png' ? 'inline' : 'attachment'}; filename="${safeName}"`,
      'x-content-type-options': 'nosniff',
    });
    res.end(fileBytes(bot, row.file));
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://playground.local');
    const path = url.pathname;
    try {
      const refused = refusal(req);
      if (refused) throw new HttpProblem(403, refused);
      if (req.method === 'GET') {
        const f = files.get(path);
        if (f) {
          res.writeHead(200, { 'content-type': f.type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-security-policy': CSP, 'referrer-policy': 'no-referrer' });
          res.end(f.body);
          return;
        }
        if (path === '/api/view') return json(res, 200, await view(url));
        if (path === '/api/commands') return json(res, 200, await commands(url));
        if (path === '/api/events') return events(req, res);
        if (path.startsWith('/api/file/')) return await file(path, url, res);
      } else if (req.method === 'POST' && path.startsWith('/api/')) {
        // JSON only: a form on another site cannot send it without asking first (CORS), and the Origin was checked.
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) throw new HttpProblem(415, 'expected application/json');
        const body = await readJson(req);
        if (path === '/api/send') return json(res, 200, await send(body));
        if (path === '/api/form') return json(res, 200, await submitForm(body));
        if (path === '/api/form/cancel') {
          port.closeForm(memberOf(body.member).id);
          return json(res, 200, { ok: true });
        }
        if (path === '/api/button') return json(res, 200, await button(body));
        if (path === '/api/time') return json(res, 200, await time(body));
      }
      throw new HttpProblem(404, 'not found');
    } catch (e) {
      if (e instanceof HttpProblem) return json(res, e.status, { error: e.message, ...(e.say ? { say: e.say, params: e.params ?? {} } : {}) });
      throw e;
    }
  };
}
