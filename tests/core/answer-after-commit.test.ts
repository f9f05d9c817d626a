// A handler that answers from inside a database transaction is a bug on every platform, not only where it hangs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../commands/index.js';
import { command } from '../../src/core/registry.js';
import { message, textBlock } from '../../src/core/message.js';
import { makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  const registry = buildRegistry();
  registry.commands.push(
    command({
      name: 'inside',
      description: { pl: 'odpowiedź w transakcji', en: 'an answer inside a transaction' },
      subcommands: {
        '': { description: { pl: '-', en: '-' }, run: (ctx) => ctx.db.transaction(async () => ctx.reply(message(textBlock('too early')))) },
      },
    }),
    command({
      name: 'after',
      description: { pl: 'odpowiedź po transakcji', en: 'an answer after the transaction' },
      subcommands: {
        '': {
          description: { pl: '-', en: '-' },
          async run(ctx) {
            await ctx.db.transaction(async (tx) => tx.execute('select 1'));
            await ctx.reply(message(textBlock('in time')));
          },
        },
      },
    }),
  );
  tb = await makeBot({ registry });
});
afterAll(() => tb.close());

describe('answers and transactions', () => {
  it('refuses an answer from inside a transaction — on the playground it would wait for ever', async () => {
    await tb.mem.command({ id: 'U_DEV', locale: 'en-GB' }, '/inside');
    const said = tb.mem.privateTo('U_DEV').join('\n');
    expect(said).not.toContain('too early');
    expect(said).toContain('something went wrong on our side');
    expect(tb.logs.join('\n')).toContain('answered from inside a database transaction');
  });

  it('lets the same answer through once the transaction has committed', async () => {
    await tb.mem.command({ id: 'U_DEV', locale: 'en-GB' }, '/after');
    expect(tb.mem.privateTo('U_DEV')).toContain('in time');
  });
});
