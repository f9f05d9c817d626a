// What `/sojusz privacy` promises, against docs/privacy.md: the key holder can deanonymize, a ban can test a guess,
// and a running ban and the daily case counters outlive an erasure — said plainly, in both languages, with nothing
// promised beyond that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anna, ben, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot();
});
afterAll(() => tb.close());

async function explained(member: typeof anna, title: string): Promise<string> {
  await tb.mem.command(member, '/sojusz privacy');
  return tb.mem.privateTo(member.id).find((t) => t.includes(title))!;
}

describe('the privacy explanation', () => {
  it('tells a member in English who could still learn who wrote an anonymous post, and what an erasure keeps', async () => {
    const text = await explained(ben, 'Your data in Sojusz');
    expect(text).not.toMatch(/carries no link to you|nobody — facilitators included — can find out/);
    expect(text).toContain('Whoever runs the bot holds its secret key');
    expect(text).toContain('work out who wrote anonymous posts');
    expect(text).toContain('could test a guess');
    expect(text).toContain('except two things: a ban from posting cases, if one is running, stays until it ends');
    // As docs/privacy.md says: the daily counters outlive it too, for two days.
    expect(text).toContain('your daily case counters (coded, without your name or id) stay for up to two days');
  });

  it('says the same in Polish', async () => {
    const text = await explained(anna, 'Twoje dane w Sojuszu');
    expect(text).not.toMatch(/nie mają żadnego powiązania z Tobą|nikt — także osoby prowadzące — nie ustali/);
    expect(text).toContain('Osoba utrzymująca bota ma jego tajny klucz');
    expect(text).toContain('ustalić, kto napisał anonimowe wpisy');
    expect(text).toContain('sprawdzić swoje przypuszczenie');
    expect(text).toContain('z dwoma wyjątkami: trwająca blokada publikowania przypadków');
    expect(text).toContain('dzienne liczniki przypadków (zakodowane, bez Twojego imienia i identyfikatora) zostają najwyżej dwa dni');
  });
});
