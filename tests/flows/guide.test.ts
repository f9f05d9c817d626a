import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUIDE_TOPICS } from '../../src/i18n/en/guides.js';
import { anna, ben, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot();
});
afterAll(() => tb.close());

const ask = (member: { id: string; locale?: string }, line: string) => tb.mem.ask(member, line);

describe('/guide', () => {
  it('shows the repair guide in English: title, intro, numbered steps, phrases in quotes, note', async () => {
    const reply = await ask(ben, '/guide repair');
    expect(reply).toContain('Repairing the alliance in five steps');
    expect(reply).toContain('Tension in the relationship isn’t a failure');
    expect(reply).toMatch(/^1\. Name the tension calmly/m);
    expect(reply).toMatch(/^5\. Follow up/m);
    expect(reply).toContain('• “It makes sense that this was frustrating.”');
    expect(reply).toContain('If repair stalls, that’s a good thing to bring to supervision.');
    expect(tb.mem.posts()).toHaveLength(0);
  });

  it('shows the repair guide in Polish, also when asked in Polish', async () => {
    const reply = await ask(anna, '/guide naprawa');
    expect(reply).toContain('Naprawa sojuszu w pięciu krokach');
    expect(reply).toMatch(/^1\. Nazwij napięcie spokojnie/m);
    expect(reply).toContain('• „To zrozumiałe, że to było frustrujące.”');
    expect(await ask(anna, '/guide sygnały ostrzegawcze')).toContain('Sygnały ostrzegawcze pęknięcia sojuszu');
  });

  it('lists every topic with one line each when no topic is given', async () => {
    const reply = await ask(ben, '/guide');
    for (const topic of GUIDE_TOPICS) expect(reply).toMatch(new RegExp(`^• ${topic} — \\S`, 'm'));
    expect(reply).toContain('/guide repair');
  });

  it('lists the guides for a Polish member by the Polish words, each of which opens its guide', async () => {
    const reply = await ask(anna, '/guide');
    expect(reply).not.toMatch(/^• (repair|warning-signs|micro-habits) —/m);
    const words = [...reply.matchAll(/^• (\S+) — /gm)].map((m) => m[1]!);
    expect(words).toHaveLength(GUIDE_TOPICS.length);
    for (const w of words) expect(await ask(anna, `/guide ${w}`), w).not.toContain('Nie ma przewodnika');
  });

  it('answers “help”, “pomoc” or “?” after /guide with the list of guides, as every other command does, not “no such guide”', async () => {
    for (const [who, word] of [[anna, 'pomoc'], [anna, '?'], [ben, 'help']] as const) {
      const reply = await ask(who, `/guide ${word}`);
      expect(reply, word).not.toMatch(/Nie ma przewodnika|There is no guide/);
      expect(reply.split('\n').filter((l) => l.startsWith('• ')), word).toHaveLength(GUIDE_TOPICS.length);
    }
    expect(await ask(anna, '/guide pomoc')).toContain('Dostępne przewodniki (np. /guide naprawa):');
  });

  it('says a topic does not exist and lists those that do', async () => {
    const reply = await ask(anna, '/guide astrologia');
    expect(reply).toContain('Nie ma przewodnika o nazwie „astrologia”');
    expect(reply).toContain('• cisza — Cisza');
    expect(reply.split('\n').filter((l) => l.startsWith('• '))).toHaveLength(GUIDE_TOPICS.length);
  });
});
