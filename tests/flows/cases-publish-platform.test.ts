// Publishing a case asks the platform who can see the case channel; that wait must not hold the database for others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';

const PEOPLE = [anna.id, ben.id, facilitator.id, 'U_CARA', 'U_DAN'];

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot();
  for (const m of [facilitator, anna, ben]) await tb.mem.command(m, '/sojusz help');
  await tb.mem.command(facilitator, '/sojusz team case-channel #cases');
  tb.mem.channels.set('cases', PEOPLE);
});
afterAll(() => tb.close());

type Private = Extract<Said, { kind: 'private' }>;
function publishToken(member: string): string {
  const last = [...tb.mem.said].reverse().find((s): s is Private => s.kind === 'private' && s.member === member)!;
  for (const b of last.message.blocks) if (b.type === 'actions') for (const x of b.buttons) if (x.action === 'case.publish') return x.value!;
  throw new Error('no preview');
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('publishing a case while the platform is slow to say who can see the case channel', () => {
  it('answers another member meanwhile, and publishes once the platform has answered', async () => {
    await tb.mem.command(anna, '/case');
    await tb.mem.fill(anna, { title: 'Klient, który zamilkł', body: 'Po trzech sesjach klient przestał odpowiadać.', question: 'Jak zacząć rozmowę?', tags: [] });
    const token = publishToken(anna.id);

    // The platform takes its time listing the channel's members (Discord: four REST calls).
    let release!: () => void;
    const platformAnswers = new Promise<void>((r) => (release = r));
    let asked = false;
    const count = tb.mem.channelMembers.bind(tb.mem);
    tb.mem.channelMembers = async (team, channel) => {
      asked = true;
      await platformAnswers;
      return count(team, channel);
    };
    try {
      const publishing = tb.mem.click(anna, 'case.publish', token);
      for (let i = 0; i < 200 && !asked; i++) await sleep(10);
      expect(asked).toBe(true);

      const before = tb.mem.privateTo(ben.id).length;
      const other = tb.mem.command(ben, '/sojusz help');
      const answeredMeanwhile = await Promise.race([other.then(() => true), sleep(3000).then(() => false)]);
      release();
      await Promise.all([publishing, other]);

      expect(answeredMeanwhile).toBe(true);
      expect(tb.mem.privateTo(ben.id).length).toBe(before + 1);
      expect(tb.mem.lastPrivate(anna.id)).toMatch(/Przypadek #1/);
    } finally {
      release();
      tb.mem.channelMembers = count;
    }
  });

  it('still refuses at Publish when the case channel has become too small to hide in, and keeps the draft', async () => {
    await tb.mem.command(anna, '/case');
    await tb.mem.fill(anna, { title: 'Drugi przypadek', body: 'Klientka spóźnia się coraz bardziej.', question: 'Co to może znaczyć?', tags: [] });
    const token = publishToken(anna.id);
    tb.mem.channels.set('cases', PEOPLE.slice(0, 2));
    try {
      await tb.mem.click(anna, 'case.publish', token);
      expect(tb.mem.lastPrivate(anna.id)).toMatch(/są 2 osoby, a potrzeba co najmniej 4/);
    } finally {
      tb.mem.channels.set('cases', PEOPLE);
    }
    await tb.mem.click(anna, 'case.publish', token);
    expect(tb.mem.lastPrivate(anna.id)).toMatch(/Przypadek #2/);
  });
});
