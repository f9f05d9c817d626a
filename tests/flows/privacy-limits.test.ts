import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot();
}, 180_000);
afterAll(() => tb.close());

describe('input size limits', () => {
  it('caps every text field of every form at 4000 characters or fewer', async () => {
    const ctx = await tb.bot.context(tb.mem.inv(facilitator));
    const unbuilt: string[] = [];
    for (const handler of tb.bot.registry.forms) {
      let form;
      try {
        form = await handler.build(ctx, undefined);
      } catch {
        form = undefined;
      }
      if (!form) {
        unbuilt.push(handler.id);
        continue;
      }
      for (const f of form.fields) if (f.kind === 'text') expect(f.maxLength, `${handler.id}.${f.id}`).toBeLessThanOrEqual(4000);
    }
    // A form that cannot be built without its state is checked by its own area's tests.
    expect(unbuilt.length).toBeLessThan(tb.bot.registry.forms.length || 1);
  });

  it('gives every free-text option of every command a maximum length', () => {
    const missing: string[] = [];
    for (const cmd of tb.bot.registry.commands)
      for (const [path, sub] of Object.entries(cmd.subcommands))
        for (const [name, o] of Object.entries(sub.options ?? {})) if (o.kind === 'text' && !o.maxLength) missing.push(`/${cmd.name} ${path} ${name}`);
    expect(missing).toEqual([]);
  });
});
