// The playground's HTTP API as a browser uses it: private answers, forms, live events, escaping, time.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../commands/index.js';
import { findTeam } from '../../../src/core/teams.js';
import { command, formHandler, type Registry } from '../../../src/core/registry.js';
import type { Form } from '../../../src/core/form.js';
import { message, textBlock } from '../../../src/core/message.js';
import { SETTINGS } from '../../../src/core/settings.js';
import { schedules, webMessages } from '../../../src/db/schema/index.js';
import { PlatformError } from '../../../src/core/errors.js';
import { updateSettings } from '../../../src/core/teams.js';
import { tx } from '../../../src/i18n/index.js';
import { eq } from 'drizzle-orm';
import { enqueue } from '../../../src/schedule/outbox.js';
import { HOUR } from '../../../src/schedule/clock.js';
import { ensureSampleTeam } from '../../../adapters/web/sample.js';
import { TEAM } from '../../../adapters/web/workspace.js';
import { startTestPlayground, type Playground } from './harness.js';

const checkForm: Form = {
  id: 'try-form',
  title: 'After the session',
  submitLabel: 'Save',
  fields: [
    { id: 'curious', kind: 'scale', label: 'How curious was I?', min: 0, max: 4, minLabel: 'not at all', maxLabel: 'very' },
    { id: 'mood', kind: 'choice', label: 'Mood', options: [{ value: 'calm', label: 'Calm' }, { value: 'tense', label: 'Tense' }] },
    { id: 'note', kind: 'text', label: 'Take to supervision', maxLength: 20, optional: true, multiline: true },
  ],
};
const threadReplies: string[] = [];

function registry(): Registry {
  const r = buildRegistry();
  r.commands.push(
    command({
      name: 'tryform',
      description: { pl: 'Formularz próbny', en: 'A trial form' },
      subcommands: { '': { description: { pl: 'Otwórz', en: 'Open' }, run: (ctx) => ctx.openForm(checkForm) } },
    }),
  );
  r.forms.push(
    formHandler({
      id: 'try-form',
      build: () => checkForm,
      async submit(ctx, values) {
        await ctx.reply(message(textBlock(`saved ${values.curious}`)));
        return { kind: 'close' };
      },
    }),
  );
  r.hooks.push({ onThreadReply: async (_bot, ev) => void threadReplies.push(`${ev.channel}:${ev.thread}:${ev.member}`) });
  return r;
}

let pg: Playground;
beforeAll(async () => {
  pg = await startTestPlayground({ registry: registry() });
});
afterAll(async () => {
  await pg?.close();
});

const send = (member: string, text: string, channel = 'reflection', thread?: string | number) => pg.post('/api/send', { member, channel, text, thread });

describe('the web playground API', () => {
  it('serves the page, its script and its styles from the same origin', async () => {
    const page = await pg.get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script type="module" src="/static/app.js">');
    expect(page.body).not.toMatch(/https?:\/\/(?!127)/);
    expect((await pg.get('/static/app.js')).status).toBe(200);
    expect((await pg.get('/static/app.css')).status).toBe(200);
    // An icon, so the browser's own request for one is not a 404 on every load.
    expect((await pg.get('/favicon.ico')).status).toBe(200);
    expect(page.body).toContain('<link rel="icon" href="/static/icon.svg"');
  });

  it('answers a slash command only to the member who typed it', async () => {
    expect((await send('tomek', '/sojusz help')).status).toBe(200);
    const tomek = await pg.view('tomek');
    const ola = await pg.view('ola');
    expect(tomek.messagesHtml).toContain('class="only-you"');
    expect(tomek.messagesHtml).toContain('/sojusz');
    expect(ola.messagesHtml).not.toContain('only-you');
  });

  it('shows the interface in the language the member chose', async () => {
    expect((await pg.view('emily')).chrome['web.send']).toBe('Wyślij');
    await send('emily', '/sojusz language en');
    const after = await pg.view('emily');
    expect(after.lang).toBe('en');
    expect(after.chrome['web.send']).toBe('Send');
    expect((await pg.view('ola')).chrome['web.send']).toBe('Wyślij');
  });

  it('lists commands and subcommands with descriptions in the member’s language for completion', async () => {
    const { body } = await pg.get('/api/commands?member=emily');
    const help = body.commands.find((c: { usage: string }) => c.usage === '/sojusz help');
    expect(help.description).toMatch(/[a-z]/);
    expect(body.commands.some((c: { usage: string }) => c.usage === '/sojusz language')).toBe(true);
  });

  it('opens a form with labelled fields, shows field errors next to them and closes on a valid answer', async () => {
    await send('ola', '/tryform');
    let v = await pg.view('ola');
    expect(v.form.html).toContain('<legend>How curious was I?');
    expect(v.form.html.match(/type="radio" name="curious"/g)).toHaveLength(5);
    expect(v.form.html).toContain('0 = not at all');
    // Nothing typed or pasted is cut: a counter instead of maxlength, and the check on sending names the limit.
    expect(v.form.html).not.toContain('maxlength');
    expect(v.form.html).toContain('0 z 20 znaków');
    // A longer text's count is always in sight (a one-line field's only near its limit: see the render test).
    expect(v.form.html).toMatch(/class="limit" id="f-note-max"/);
    expect(v.form.html).toMatch(/aria-describedby="f-curious-ends"[^>]*><legend>How curious was I\?.*?<p class="scale-ends" id="f-curious-ends"><span class="scale-end">0 = not at all<\/span>/);
    expect(v.form.html).toMatch(/<label for="f-note">/);
    expect((await pg.view('tomek')).form).toBeNull();

    const bad = await pg.post('/api/form', { member: 'ola', values: { mood: ['calm'], note: ['x'.repeat(25)] } });
    expect(bad.body.outcome).toBe('errors');
    v = await pg.view('ola');
    expect(v.form.html).toMatch(/<fieldset class="field scale invalid"[^>]*aria-invalid="true"[^>]*><legend>How curious was I\?.*?<p class="field-error" id="f-curious-error">[^<]+<\/p><\/fieldset>/);
    expect(v.form.html).toMatch(/id="f-note-error">[^<]*\b20\b/);
    expect(v.form.html).toContain('25 z 20 znaków — o 5 za dużo');
    expect(v.form.html).toMatch(/class="limit over" id="f-note-max"/);
    expect(v.form.html).toContain('value="calm" checked');

    const ok = await pg.post('/api/form', { member: 'ola', values: { curious: ['3'], mood: ['calm'], note: ['rupture'] } });
    expect(ok.body.outcome).toBe('close');
    v = await pg.view('ola');
    expect(v.form).toBeNull();
    expect(v.messagesHtml).toContain('saved 3');
    expect((await pg.view('tomek')).messagesHtml).not.toContain('saved 3');
  });

  it('pushes a change notification to open event streams when something new is said', async () => {
    const url = new URL('/api/events', pg.base);
    const got = await new Promise<string>((resolve, reject) => {
      const req = request(url, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream');
        let data = '';
        res.on('data', (c) => {
          data += String(c);
          if (data.includes('data: changed')) {
            req.destroy();
            resolve(data);
          }
        });
        void send('tomek', 'Hello from the group', 'cases');
      });
      req.on('error', reject);
      req.end();
      setTimeout(() => reject(new Error('no event within 5 s')), 5000);
    });
    expect(got).toContain('data: changed');
  });

  it('sends member-written text to the browser escaped, never as markup', async () => {
    await send('tomek', '<img src=x onerror=alert(1)> @everyone "quoted"', 'cases');
    await send('tomek', '/sojusz timezone "<b>bold</b>"', 'cases');
    const v = await pg.view('tomek', 'cases');
    expect(v.messagesHtml).toContain('&lt;img src=x onerror=alert(1)&gt; @everyone &quot;quoted&quot;');
    expect(v.messagesHtml).not.toContain('<img src=x');
    expect(v.messagesHtml).not.toContain('<b>bold</b>');
    expect(v.messagesHtml).toContain('&lt;b&gt;bold&lt;/b&gt;');

    await send('tomek', '/tryform');
    await pg.post('/api/form', { member: 'tomek', values: { note: ['"><script>x</script>'] } });
    const f = (await pg.view('tomek')).form.html as string;
    expect(f).not.toContain('<script>');
    expect(f).toContain('&quot;&gt;&lt;script&gt;');
    await pg.post('/api/form/cancel', { member: 'tomek' });
  });

  it('keeps thread replies in their thread and tells the core a member replied', async () => {
    const top = await send('ola', 'How do you end with a client who keeps coming back?', 'reflection');
    await send('tomek', 'Slowly, with a plan', 'reflection', top.body.id);
    const channel = await pg.view('magda', 'reflection');
    expect(channel.messagesHtml).not.toContain('Slowly, with a plan');
    expect(channel.messagesHtml).toMatch(/data-thread="\d+">1 odpowiedź</);
    const thread = await pg.view('magda', 'reflection', top.body.id);
    expect(thread.thread.html).toContain('Slowly, with a plan');
    expect(threadReplies).toContain(`reflection:${top.body.id}:tomek`);
  });

  it('moves time to the next queued message and shows it when it goes out', async () => {
    const team = (await findTeam(pg.app.bot.db, 'web', 'playground'))!;
    const before = pg.clock.now().getTime();
    await enqueue(pg.app.bot.db, pg.clock.now(), {
      teamId: team.id,
      key: 'test:later',
      target: { kind: 'channel', channel: 'supervision' },
      message: message(textBlock('a message for later')),
      notBefore: new Date(before + 3 * HOUR),
    });
    expect((await pg.view('ola', 'supervision')).messagesHtml).not.toContain('a message for later');
    const moved = await pg.post('/api/time', { step: 'next' });
    expect(moved.body.moved).toBe(true);
    expect(pg.clock.now().getTime()).toBeGreaterThanOrEqual(before + 3 * HOUR);
    expect((await pg.view('ola', 'supervision')).messagesHtml).toContain('a message for later');
  });

  it('moves time by an hour and a day on request', async () => {
    const t0 = pg.clock.now().getTime();
    await pg.post('/api/time', { step: 'hour' });
    expect(pg.clock.now().getTime() - t0).toBeGreaterThanOrEqual(HOUR);
    await pg.post('/api/time', { step: 'day' });
    expect(pg.clock.now().getTime() - t0).toBeGreaterThanOrEqual(25 * HOUR);
  });

  it('refuses a post from another site and changes nothing', async () => {
    const r = await pg.post('/api/send', { member: 'magda', channel: 'moderation', text: 'from elsewhere' }, { origin: 'http://evil.example' });
    expect(r.status).toBe(403);
    expect((await pg.view('magda', 'moderation')).messagesHtml).not.toContain('from elsewhere');
  });

  it('refuses a button pressed on a message the member cannot see (another member’s private answer or DM)', async () => {
    const row = (channel: string, ephemeralFor: string | null) => ({ team: TEAM, channel, author: 'bot', message: message(textBlock('only for ola')), ephemeralFor, createdAt: pg.clock.now() });
    const [privateToOla] = await pg.app.bot.db.insert(webMessages).values(row('cases', 'ola')).returning();
    const [olasDm] = await pg.app.bot.db.insert(webMessages).values(row('dm-ola', null)).returning();
    for (const source of [privateToOla!.id, olasDm!.id]) {
      const r = await pg.post('/api/button', { member: 'tomek', channel: 'cases', action: 'case.publish', value: 'x', source: String(source) });
      expect(r.status).toBe(403);
    }
    expect((await pg.post('/api/button', { member: 'ola', channel: 'cases', action: 'case.publish', value: 'x', source: String(privateToOla!.id) })).status).toBe(200);
  });

  it('refuses every request that names another site as its host (DNS rebinding), and answers its own names', async () => {
    const port = new URL(pg.base).port;
    const evil = { host: `evil.example:${port}` };
    const json = { 'content-type': 'application/json' };
    const body = (o: unknown) => JSON.stringify(o);
    for (const path of ['/', '/static/app.js', '/favicon.ico', '/api/view?member=tomek&channel=dm-tomek', '/api/commands?member=tomek', '/api/events', '/api/file/1?member=tomek', '/nowhere']) {
      expect((await pg.raw('GET', path, evil)).status, path).toBe(403);
    }
    const posts: [string, unknown][] = [
      ['/api/send', { member: 'tomek', channel: 'cases', text: 'planted from elsewhere' }],
      ['/api/form', { member: 'tomek', values: {} }],
      ['/api/form/cancel', { member: 'tomek' }],
      ['/api/button', { member: 'tomek', channel: 'cases', action: 'case.publish' }],
      ['/api/time', { step: 'day' }],
    ];
    const before = pg.clock.now().getTime();
    for (const [path, b] of posts) {
      expect((await pg.raw('POST', path, { ...evil, ...json, origin: `http://evil.example:${port}` }, body(b))).status, path).toBe(403);
      expect((await pg.raw('POST', path, { ...evil, ...json }, body(b))).status, path).toBe(403);
    }
    expect(pg.clock.now().getTime() - before).toBeLessThan(60_000);
    expect((await pg.view('tomek', 'cases')).messagesHtml).not.toContain('planted from elsewhere');

    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const r = await pg.raw('GET', '/api/view?member=tomek&channel=reflection', { host });
      expect(r.status, host).toBe(200);
      expect(JSON.parse(r.text).member).toBe('tomek');
    }
    const sent = await pg.raw('POST', '/api/send', { host: `localhost:${port}`, origin: `http://localhost:${port}`, ...json }, body({ member: 'tomek', channel: 'cases', text: 'from the page itself' }));
    expect(sent.status).toBe(200);
    expect((await pg.view('tomek', 'cases')).messagesHtml).toContain('from the page itself');
  });

  it('refuses a post with Origin null plainly, without an internal error', async () => {
    const r = await pg.post('/api/send', { member: 'magda', channel: 'moderation', text: 'from a sandboxed frame' }, { origin: 'null' });
    expect(r.status).toBe(403);
    expect((await pg.view('magda', 'moderation')).messagesHtml).not.toContain('from a sandboxed frame');
  });

  it('serves the page with a policy that loads only its own files and cannot be framed, and needs no inline code', async () => {
    const page = await pg.get('/');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    // The policy forbids inline code, so the page must have none: scripts and styles come from /static.
    expect(page.body).not.toMatch(/<script(?![^>]*\ssrc=)/);
    expect(page.body).not.toMatch(/<style|\sstyle=|\son\w+=/);
  });

  it('refuses a post to a channel the playground does not have, and a case meant for it waits with the reason', async () => {
    const { message: msg, textBlock: tb } = await import('../../../src/core/message.js');
    const err = await pg.port.post({ team: 'playground', channel: 'general' }, msg(tb('lost?'))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect((err as PlatformError).retryable).toBe(false);
    expect(await pg.port.canPost('playground', 'general')).toBe(false);
    expect(await pg.port.channelMembers('playground', 'general')).toEqual([]);
    expect(await pg.port.channelMembers('playground', 'dm-ola')).toEqual(['ola']);

    // The case channel turns into one the playground does not have while a case is being written: the author
    // is told there is nobody there, and the case waits under the reason instead of vanishing into it.
    const team = (await findTeam(pg.app.bot.db, 'web', 'playground'))!;
    await send('ola', '/case', 'cases');
    await updateSettings(pg.app.bot.db, team.id, { [SETTINGS.caseChannel]: 'general' });
    try {
      const r = await pg.post('/api/form', { member: 'ola', values: { title: ['Milczenie'], body: ['Klientka milczała przez pół sesji i wyszła wcześniej.'], question: ['Jak wrócić do tematu?'] } });
      expect(r.status).toBe(200);
      const shown = (await pg.view('ola', 'cases')).messagesHtml.replace(/<[^>]+>/g, '');
      expect(shown).toContain(tx('pl', 'cases.err.fewMembers', { count: 0, min: 4 }).slice(0, 30));
      expect(shown).toContain('Klientka milczała przez pół sesji');
      await pg.post('/api/time', { step: 'day' });
      const lost = (await pg.app.bot.db.select().from(webMessages)).filter((m) => m.channel === 'general');
      expect(lost).toEqual([]);
    } finally {
      await updateSettings(pg.app.bot.db, team.id, { [SETTINGS.caseChannel]: 'cases' });
      await pg.post('/api/form/cancel', { member: 'ola' });
    }
  });

  it('serves a file in a DM only to the member whose DM it is', async () => {
    await send('emily', '/sojusz mydata export', 'dm-emily');
    const v = await pg.view('emily', 'dm-emily');
    const link = /<a href="(\/api\/file\/(\d+)\?member=emily)"/.exec(v.messagesHtml);
    expect(link).not.toBeNull();
    const own = await pg.get(link![1]!.replace(/&amp;/g, '&'));
    expect(own.status).toBe(200);
    expect(JSON.stringify(own.body)).toContain('emily');
    expect((await pg.get(`/api/file/${link![2]}?member=ola`)).status).toBe(404);
    expect((await pg.get(`/api/file/${link![2]}`)).status).toBe(404);
  });

  it('answers plain text in the DM with the bot by pointing to the commands', async () => {
    await send('tomek', 'Dzień dobry, jak to działa?', 'dm-tomek');
    const v = await pg.view('tomek', 'dm-tomek');
    expect(v.messagesHtml).toContain('Dzień dobry, jak to działa?');
    expect(v.messagesHtml).toContain('Tutaj odpowiadam tylko na komendy');
    expect(v.messagesHtml).toContain('<code>/sojusz pomoc</code>');
  });

  it('refuses a message over the limit and names the limit, instead of cutting it', async () => {
    const r = await send('tomek', 'x'.repeat(4001), 'reflection');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ say: 'web.tooLong', params: { max: 4000, got: 4001 } });
    // The page fills the template with the numbers the answer gives.
    expect((await pg.view('tomek')).chrome['web.tooLong']).toContain('{max}');
  });

  it('says when a command was refused, so the page keeps its text to fix, and not when it went through', async () => {
    const refused = await send('tomek', `/case odpowiedz 2 ${'Długa odpowiedź. '.repeat(100)}`, 'cases');
    expect(refused.status).toBe(200);
    expect(refused.body.refused).toBe(true);
    expect((await send('tomek', '/nosuchcommand', 'cases')).body.refused).toBe(true);
    const fine = await send('tomek', '/sojusz help', 'cases');
    expect(fine.body).toEqual({ ok: true });
  });

  it('takes “/ sojusz pomoc” (a space after the slash) as the command, never as a public message', async () => {
    const r = await send('ola', '/ sojusz pomoc', 'supervision');
    expect(r.status).toBe(200);
    const others = await pg.view('emily', 'supervision');
    expect(others.messagesHtml).not.toContain('sojusz pomoc');
    const own = await pg.view('ola', 'supervision');
    expect(own.messagesHtml).toContain('class="msg from-bot ephemeral"');
    expect(own.messagesHtml).not.toMatch(/from-member[\s\S]*sojusz pomoc/);
  });

  it('welcomes a newcomer with what the sample group has set up and three things to try, in their language', async () => {
    const pl = (await pg.view('magda')).welcome as string;
    for (const part of ['Witaj', 'Magda Kowalska', 'Emily Carter', '#reflection', 'piątek, 09:00', '#supervision', 'poniedziałek, 18:00', '#cases', '<code>/autocheck</code>', '<code>/case</code>', tx('pl', 'web.next')]) {
      expect(pl).toContain(part);
    }
    expect(pl.match(/<li>/g)).toHaveLength(3);
    const en = (await pg.view('emily')).welcome as string;
    expect(en).toContain('Friday, 09:00');
    expect(en).toContain('<code>/sojusz help</code>');
  });

  it('does not show one member’s DM to another', async () => {
    expect((await pg.get('/api/view?member=ola&channel=dm-tomek')).status).toBe(403);
  });

  it('starts with a sample team whose case channel has the four members it needs, set up only once', async () => {
    const team = (await findTeam(pg.app.bot.db, 'web', 'playground'))!;
    expect(team.settings[SETTINGS.caseChannel]).toBe('cases');
    expect(team.settings[SETTINGS.moderationChannel]).toBe('moderation');
    expect(team.settings[SETTINGS.caseMinMembers]).toBe(4);
    expect(team.zone).toBe('Europe/Warsaw');
    expect(await pg.port.channelMembers('playground', 'cases')).toHaveLength(4);
    const kinds = (await pg.app.bot.db.select().from(schedules).where(eq(schedules.teamId, team.id))).map((r) => r.kind);
    expect(kinds).toContain('prompt');
    expect(kinds).toContain('supervision');
    const again = await ensureSampleTeam(pg.app.bot, pg.port);
    expect(again.created).toBe(false);
    expect((await pg.app.bot.db.select().from(schedules).where(eq(schedules.teamId, team.id))).map((r) => r.kind)).toEqual(kinds);
  });

  it('keeps the set-up quiet and leaves the facilitator’s one-time privacy note for whoever plays them', async () => {
    expect((await pg.view('magda', 'supervision')).messagesHtml).not.toContain('only-you');
    await send('magda', '/sojusz help', 'supervision');
    expect((await pg.view('magda', 'supervision')).messagesHtml).toContain('Kilka słów o Twoich danych');
  });

  it('answers a command that changes a schedule in a transaction, and keeps answering after it', async () => {
    // The embedded database has one connection: an answer written from inside the command's transaction
    // would wait for the transaction, which waits for the answer — the whole playground would hang.
    const team = (await findTeam(pg.app.bot.db, 'web', 'playground'))!;
    const prompt = (await pg.app.bot.db.select().from(schedules).where(eq(schedules.teamId, team.id))).find((r) => r.kind === 'prompt')!;
    const day = prompt.nextDueAt!.toISOString().slice(0, 10);
    const answered = await Promise.race([send('magda', `/reflect skip ${prompt.number} ${day}`).then(() => true), new Promise((r) => setTimeout(() => r(false), 5_000))]);
    expect(answered).toBe(true);
    expect((await pg.view('magda')).messagesHtml).toContain(day);
    expect((await send('tomek', '/sojusz help')).status).toBe(200);
  });

});
