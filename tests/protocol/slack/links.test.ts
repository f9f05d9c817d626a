// A meeting link a member typed reaches Slack as the same address: typed plain or as Slack sends it with escaping on
// (<https://…>, <http://…|label>), in the supervision reminder and in /supervision list; nothing in a link can ping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { message, textBlock, untrusted } from '../../../src/core/message.js';
import { neutralize, typedText } from '../../../adapters/slack/render/escape.js';
import { renderMessage } from '../../../adapters/slack/render/blocks.js';
import type { RecordedCall } from '../../fakes/slack/index.js';
import { startSlackHarness, type SlackHarness } from '../../helpers/slack.js';

const ZOOM_PLAIN = 'https://zoom.us/j/123?pwd=Ab_Cd-x1';
const ZOOM_ESCAPED = 'https://zoom.us/j/456?pwd=Ef_Gh*y2~z&uname=a_b';

describe('a link in slash-command text, as Slack sends it with escaping on', () => {
  it('becomes the plain address again, with or without a label', () => {
    expect(typedText('gdzie: <https://zoom.us/j/123?pwd=Ab_Cd-x1>')).toBe(`gdzie: ${ZOOM_PLAIN}`);
    expect(typedText('where: <http://zoom.us/j/1|zoom.us/j/1> room 3')).toBe('where: http://zoom.us/j/1 room 3');
    expect(typedText('<https://meet.example.org/a?x=1&amp;y=2>')).toBe('https://meet.example.org/a?x=1&y=2');
  });

  it('keeps a typed e-mail address as typed, and a mention or channel as Slack’s markup for the core to read', () => {
    expect(typedText('<mailto:anna@example.org|anna@example.org>')).toBe('anna@example.org');
    expect(typedText('<@U024BE7LH|anna> <#C0SUP|superwizja>')).toBe('<@U024BE7LH|anna> <#C0SUP|superwizja>');
    // What the member typed as text stays text: an escaped "<https://x>" is not Slack's markup.
    expect(typedText('&lt;https://x.example&gt;')).toBe('<https://x.example>');
  });
});

describe('a link in member text re-posted on Slack', () => {
  it('keeps its characters, escaping only &, < and >', () => {
    expect(neutralize(ZOOM_PLAIN)).toBe(ZOOM_PLAIN);
    expect(neutralize(`Zoom: ${ZOOM_ESCAPED} _sala_`)).toBe(`Zoom: ${ZOOM_ESCAPED.replace('&', '&amp;')} \u200B_sala\u200B_`);
    expect(neutralize('(https://meet.example.org/abc-defg-hij)')).toBe('(https://meet.example.org/abc-defg-hij)');
  });

  it.each(['<!channel>', '<!here>', '<@U024BE7LH>', '<!subteam^S012ABC|@therapists>'])('cannot carry %s, even glued to the link', (evil) => {
    const out = neutralize(`https://zoom.us/j/1${evil}`);
    expect(out).not.toContain('<');
    expect(out.startsWith('https://zoom.us/j/1&lt;')).toBe(true);
  });

  it('cannot ping with a broadcast word inside it', () => {
    expect(neutralize('https://x.example/@here')).toBe('https://x.example/@\u200Dhere');
  });

  it('cannot end a code span around it: a backtick ends the link and shows as typed', () => {
    const mrkdwn = JSON.stringify(renderMessage(message(textBlock([{ text: 'https://x.example/a`*bold*`', style: 'code', untrusted: true }]))).blocks);
    expect(mrkdwn).toContain('`https://x.example/a\u200B`\u200B*bold\u200B*\u200B``');
  });

  it('is not taken for a link without a host, so markup after "https://" stays inert', () => {
    expect(neutralize('https://*x*')).toBe('https://\u200B*x\u200B*');
  });

  it('leaves the notification fallback with the same address', () => {
    expect(renderMessage(message(textBlock([untrusted(ZOOM_PLAIN)]))).text).toBe(ZOOM_PLAIN);
  });
});

let h: SlackHarness;
beforeAll(async () => {
  // Wednesday; 9 and 10 March 2026, 18:00 Warsaw (CET) are 17:00 UTC.
  h = await startSlackHarness({ start: '2026-03-04T08:00:00Z' });
  h.fake.setUser('U_FAC', { is_admin: true, locale: 'pl-PL' });
  h.fake.setChannel('C_SUP', { name: 'superwizja' });
}, 120_000);
afterAll(async () => h?.close());

const WAIT = 15_000;
const privately = (text: string): Promise<RecordedCall> => h.privately(text, undefined, WAIT);
const supPosts = () => h.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C_SUP');
/** Every mrkdwn text of a message's blocks. */
const texts = (args: Record<string, unknown>): string[] =>
  JSON.stringify(args.blocks ?? [])
    .match(/"text":"(?:[^"\\]|\\.)*"/g)!
    .map((t) => JSON.parse(t.slice(7)) as string);

describe('a meeting link on Slack, end to end', () => {
  it('is accepted typed plain and as Slack sends it', async () => {
    await h.command('U_FAC', '/sojusz help', { channel: 'C_SUP' });
    await privately('Kilka słów o Twoich danych');
    await h.command('U_FAC', `/supervision add 2026-03-09 18:00 <#C_SUP|superwizja> gdzie: ${ZOOM_PLAIN}`, { channel: 'C_SUP' });
    await privately('9 marca 2026, 18:00');
    // Slack escapes the & of a link inside its markup too.
    await h.command('U_FAC', `/supervision add 2026-03-10 18:00 <#C_SUP|superwizja> gdzie: <${ZOOM_ESCAPED.replace('&', '&amp;')}>`, { channel: 'C_SUP' });
    await privately('10 marca 2026, 18:00');
  });

  it('lists both sessions with their links as typed, which Slack links whole', async () => {
    await h.command('U_FAC', '/supervision list', { channel: 'C_SUP' });
    const list = await privately('Najbliższe spotkania');
    const items = texts(list.args).filter((t) => t.includes('zoom.us'));
    expect(items.join('\n')).toContain(`· ${ZOOM_PLAIN}`);
    expect(items.join('\n')).toContain(`· ${ZOOM_ESCAPED.replace('&', '&amp;')}`);
    expect(items.join('\n')).not.toMatch(/\u200B|&lt;|&gt;/);
  });

  it('puts the link in the reminder as typed, for the session given either way', async () => {
    h.clock.set('2026-03-08T17:00:20Z');
    await h.bot.runDueWork();
    h.clock.set('2026-03-09T17:00:20Z');
    await h.bot.runDueWork();
    const where = (link: string) => supPosts().flatMap((c) => texts(c.args)).filter((t) => t.includes(link.slice(0, 20)));
    expect(where(ZOOM_PLAIN).length).toBeGreaterThan(0);
    expect(where(ZOOM_ESCAPED).length).toBeGreaterThan(0);
    for (const t of where(ZOOM_PLAIN)) expect(t).toContain(`Gdzie: ${ZOOM_PLAIN}`);
    for (const t of where(ZOOM_ESCAPED)) {
      expect(t).toContain(`Gdzie: ${ZOOM_ESCAPED.replace('&', '&amp;')}`);
      expect(t).not.toMatch(/\u200B|&lt;|&gt;/);
    }
  });
});
