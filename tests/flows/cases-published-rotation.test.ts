// A published draft's mark across a rotation of SOJUSZ_SECRET: still its author's alone, still answered calmly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Said } from '../../adapters/memory/index.js';
import { Bot } from '../../src/core/bot.js';
import { Secrets } from '../../src/core/secrets.js';
import { rotateSecret } from '../../src/ops/rotate-secret.js';
import { createLogger } from '../../src/log.js';
import { anna, ben, captureLogs, facilitator, makeBot, TEST_SECRET, type TestBot } from '../helpers/bot.js';

const NEW_SECRET = 'another-new-secret-0123456789abcdef0123456789ab';
type Private = Extract<Said, { kind: 'private' }>;

let tb: TestBot;
let token: string;
let number: number;
beforeAll(async () => {
  tb = await makeBot();
  for (const m of [facilitator, anna, ben]) await tb.mem.command(m, '/sojusz help');
  await tb.mem.command(facilitator, '/sojusz team case-channel #cases');
  tb.mem.channels.set('cases', [facilitator.id, anna.id, ben.id, 'U_X', 'U_Y']);
  await tb.mem.command(anna, '/case');
  await tb.mem.fill(anna, { title: 'Przed zmianą klucza', body: 'Klient odwołał dwie sesje.', question: 'Co dalej?', tags: [] });
  const preview = [...tb.mem.said].reverse().find((s): s is Private => s.kind === 'private' && s.member === anna.id)!;
  token = preview.message.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((b) => b.action === 'case.publish')!.value!;
  await tb.mem.click(anna, 'case.publish', token);
  number = Number(/#(\d+)/.exec(tb.mem.lastPrivate(anna.id)!)![1]);

  await rotateSecret(tb.database, tb.bot.registry.privacy, TEST_SECRET, NEW_SECRET);
  const restarted = new Bot({ database: tb.database, clock: tb.clock, secrets: new Secrets(NEW_SECRET), log: createLogger('debug', captureLogs().sink), registry: tb.bot.registry });
  tb.mem.connect(restarted);
  tb = { ...tb, bot: restarted };
}, 180_000);
afterAll(() => tb.close());

describe('a published draft after SOJUSZ_SECRET was rotated', () => {
  it('still answers its author that the case is already published, with its number', async () => {
    await tb.mem.click(anna, 'case.publish', token);
    expect(tb.mem.lastPrivate(anna.id)).toContain(`Przypadek #${number} jest już opublikowany`);
  });

  it('still tells another member only that the draft is gone', async () => {
    await tb.mem.click(ben, 'case.publish', token);
    expect(tb.mem.lastPrivate(ben.id)).toBe('This draft is no longer here (drafts are kept for a day). Start again with /case.');
  });
});
