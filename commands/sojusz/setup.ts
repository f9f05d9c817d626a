// /sojusz setup: the two-page form for facilitators, and the handlers that read, check and save each page.
import { UserError } from '../../src/core/errors.js';
import { message, noteBlock, textBlock } from '../../src/core/message.js';
import { formHandler, type Subcommand } from '../../src/core/registry.js';
import { teamLang } from '../../src/core/teams.js';
import { l10n } from '../../src/i18n/index.js';
import { setupStep1, setupStep2, SETUP_FORM_1, SETUP_FORM_2, type SetupState } from '../../src/features/onboarding/forms.js';
import { applySetup } from '../../src/features/onboarding/save.js';
import { unpackShown1 } from '../../src/features/onboarding/shown.js';
import { readStep1, readStep2 } from '../../src/features/onboarding/submitted.js';
import { setupLine, type SetupLine } from '../../src/features/onboarding/summary.js';

export const setup: Subcommand = {
  description: l10n('onboarding.setup.description'),
  aliases: ['konfiguracja'],
  facilitator: true,
  async run(ctx) {
    await ctx.openForm(await setupStep1(ctx));
  },
};

/** Page 2's state; a form from before it kept what the pages showed is expired (it cannot tell what was changed). */
const parseState = (state: string | undefined): SetupState => {
  let parsed: Partial<SetupState> | undefined;
  try {
    parsed = JSON.parse(state ?? '') as Partial<SetupState>;
  } catch {
    parsed = undefined;
  }
  if (!parsed?.first || !parsed.shown1 || !parsed.shown2) throw new UserError('onboarding.setup.expired');
  return parsed as SetupState;
};
/** Page 1's state: what it showed. */
const shownOnPage1 = (state: string | undefined) => {
  const shown = unpackShown1(state);
  if (!shown) throw new UserError('onboarding.setup.expired');
  return shown;
};

export const setupForms = [
  formHandler({
    id: SETUP_FORM_1,
    build: (ctx) => setupStep1(ctx),
    async submit(ctx, values, state) {
      ctx.requireFacilitator();
      const shown1 = shownOnPage1(state);
      const first = await readStep1(ctx, values, shown1);
      return { kind: 'next', form: await setupStep2(ctx, first, shown1) };
    },
  }),
  formHandler({
    id: SETUP_FORM_2,
    // Rebuilt (to check a submission, or behind a button) from page 1's answers and what page 1 showed.
    build: (ctx, state) => {
      const { first, shown1 } = parseState(state);
      return setupStep2(ctx, first, shown1);
    },
    async submit(ctx, values, state) {
      ctx.requireFacilitator();
      const saved = parseState(state);
      const second = await readStep2(ctx, values);
      const { changed, notes } = await applySetup(ctx, saved, second);
      // The facilitator's own language, else the team's as saved (which another facilitator may have set meanwhile).
      ctx.lang = teamLang(ctx.team, ctx.member);
      const line = (l: SetupLine) => setupLine(ctx.lang, ctx.team.zone, l);
      await ctx.reply(
        message(
          ...(changed.length ? [textBlock(ctx.t('onboarding.setup.done')), { type: 'list' as const, items: changed.map(line) }] : [textBlock(ctx.t('onboarding.setup.nothing'))]),
          // What stayed as it was but is easy to miss: prompts still paused, or still running with their fields left empty.
          ...notes.map((n) => textBlock(line(n))),
          noteBlock(ctx.t('onboarding.setup.seeSettings')),
        ),
      );
      return { kind: 'close' };
    },
  }),
];
