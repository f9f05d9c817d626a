// /reflect: weekly prompt threads, the team's own prompts, holidays, follow-ups and personal prompts.
import { usageLine } from '../../src/core/args.js';
import { UserError } from '../../src/core/errors.js';
import { command, exampleLine, type Command, type Subcommand } from '../../src/core/registry.js';
import { l10n } from '../../src/i18n/index.js';
import { add, browse, now, remove } from './library.js';
import { me, meOff } from './me.js';
import { edit, list, pause, resume, schedule, skip } from './schedule.js';
import { followup, holidayAdd, holidayRemove, holidays } from './team.js';

const subcommands: Record<string, Subcommand> = {
  schedule,
  edit,
  list,
  pause,
  resume,
  skip,
  'holiday add': holidayAdd,
  'holiday remove': holidayRemove,
  holidays,
  now,
  add,
  remove,
  prompts: browse,
  me,
  'me off': meOff,
  followup,
};

/** Every mistake in /reflect is answered with the usage line and an example, not just what was wrong. */
function withExamples(cmd: Command): Command {
  for (const [path, sub] of Object.entries(cmd.subcommands)) {
    const run = sub.run;
    sub.run = async (ctx, opts) => {
      try {
        await run(ctx, opts);
      } catch (e) {
        if (e instanceof UserError && e.usage === undefined) throw e.withUsage(usageLine(cmd, path, sub), exampleLine(cmd, path, sub, ctx.now));
        throw e;
      }
    };
  }
  return cmd;
}

export const reflect = withExamples(command({ name: 'reflect', otherNames: ['refleksja'], description: l10n('prompts.description'), subcommands }));
export { anonReplyButton, anonReplyFormHandler } from './anon.js';
