// A test-only registry for Discord protocol tests: /sojusz plus /probe, whose forms exercise modals, steps and field errors.
import { buildRegistry } from '../../../commands/index.js';
import { message, textBlock, untrusted } from '../../../src/core/message.js';
import { actionHandler, command, formHandler, type Registry } from '../../../src/core/registry.js';
import type { Form } from '../../../src/core/form.js';
import { enqueue } from '../../../src/schedule/outbox.js';

const d = { en: 'Test probe', pl: 'Sonda testowa' };

export function shortForm(): Form {
  return {
    id: 'probe.short',
    title: 'Probe',
    submitLabel: 'Send',
    fields: [
      { id: 'mood', kind: 'scale', label: 'Mood', min: 0, max: 4 },
      { id: 'note', kind: 'text', label: 'Note', maxLength: 20, optional: true },
    ],
  };
}

export function longForm(): Form {
  return {
    id: 'probe.long',
    title: 'Long probe',
    submitLabel: 'Send',
    fields: Array.from({ length: 7 }, (_, i) => ({ id: `q${i + 1}`, kind: 'text' as const, label: `Question ${i + 1}`, maxLength: 100 })),
  };
}

export function testRegistry(): Registry {
  const base = buildRegistry();
  const probe = command({
    name: 'probe',
    description: d,
    subcommands: {
      '': { description: d, run: (ctx) => ctx.openForm(shortForm()) },
      long: { description: d, run: (ctx) => ctx.openForm(longForm()) },
      echo: {
        description: d,
        options: { text: { kind: 'text', description: d, required: true } },
        // Posts member-written text into the channel through the outbox, as cases and replies do.
        async run(ctx, opts) {
          await ctx.db.transaction((tx) =>
            enqueue(tx, ctx.now, { teamId: ctx.team.id, key: `echo:${ctx.inv.member.id}:${String(opts.text).length}`, target: { kind: 'channel', channel: ctx.inv.channel! }, message: message(textBlock([untrusted(String(opts.text))])) }),
          );
          await ctx.reply(message(textBlock('ok')));
        },
      },
      slow: { description: d, async run(ctx) { await new Promise((r) => setTimeout(r, 300)); await ctx.reply(message(textBlock('late'))); } },
      slowform: { description: d, async run(ctx) { await new Promise((r) => setTimeout(r, 300)); await ctx.openForm(shortForm()); } },
    },
  });
  return {
    ...base,
    commands: [...base.commands, probe],
    actions: [
      ...base.actions,
      // Closes the message it was pressed on before answering (the core's features answer first, then close).
      actionHandler({ id: 'probe.close', async run(ctx, _value, source) { await ctx.closeWithNote(source, 'cases.preview.closed'); await ctx.reply(message(textBlock('closed first'))); } }),
    ],
    forms: [
      ...base.forms,
      formHandler({ id: 'probe.short', build: () => shortForm(), async submit(ctx, values) { await ctx.reply(message(textBlock(`mood ${values.mood}`))); return { kind: 'close' }; } }),
      formHandler({ id: 'probe.long', build: () => longForm(), async submit(ctx, values) { await ctx.reply(message(textBlock(`got ${Object.keys(values).length}`))); return { kind: 'close' }; } }),
    ],
  };
}
