// A form in two modals on Discord says truthfully what waits between them, and asks for a second part only when
// something in it still matters (where a supervision topic goes, when one was written).
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_LIFE_MS } from '../../../adapters/discord/forms/drafts.js';
import { autochecks } from '../../../src/db/schema/index.js';
import { tx } from '../../../src/i18n/index.js';
import { startDiscordHarness, type DiscordHarness } from '../../helpers/discord.js';

const json = (x: unknown) => JSON.stringify(x);
const continueId = (m: unknown) => /"custom_id":"([^"]*dc:next[^"]*)"/.exec(json(m))?.[1];
const check = { curiosity: '3', flexibility: '2', judging: '1', alliance: '4' };

let h: DiscordHarness;
beforeAll(async () => {
  h = await startDiscordHarness({ mode: 'http' });
}, 120_000);
afterAll(() => h?.close());

describe('forms in steps on Discord', () => {
  it('saves the standard check at once when no supervision topic was written: there is nothing left to ask', async () => {
    const r = await h.slash(h.ben, 'autocheck', {}, { path: ['open'] });
    expect(r.initial.type).toBe(9);
    const before = (await h.bot.db.select().from(autochecks)).length;
    const [answer] = await h.answers(await h.submitModal(h.ben, String(r.initial.data!.custom_id), { ...check, supervision: '' }));
    expect(answer!.content).toContain('Saved privately');
    expect(continueId(answer)).toBeUndefined();
    expect(await h.bot.db.select().from(autochecks)).toHaveLength(before + 1);
  });

  it('asks where a written topic goes in a second part, and says the first is kept but not saved until then', async () => {
    const r = await h.slash(h.ben, 'autocheck', {}, { path: ['open'] });
    const before = (await h.bot.db.select().from(autochecks)).length;
    const [step] = await h.answers(await h.submitModal(h.ben, String(r.initial.data!.custom_id), { ...check, supervision: 'Staying with silence' }));
    expect(step!.content).toContain('nothing is saved until you send the last part');
    expect(step!.content).not.toMatch(/is saved\./);
    expect(await h.bot.db.select().from(autochecks)).toHaveLength(before);
    const more = await h.clickButton(h.ben, continueId(step)!);
    expect(more.initial.type).toBe(9);
    expect(json(more.initial.data)).toContain('destination');
    const [saved] = await h.answers(await h.submitModal(h.ben, String(more.initial.data!.custom_id), { destination: '1' }));
    expect(saved!.content).toContain('Saved privately');
    expect(await h.bot.db.select().from(autochecks)).toHaveLength(before + 1);
  });

  it('answers a Continue press whose draft cannot be read with an apology and its reference, never silence', async () => {
    const r = await h.slash(h.ben, 'autocheck', {}, { path: ['open'] });
    const [step] = await h.answers(await h.submitModal(h.ben, String(r.initial.data!.custom_id), { ...check, supervision: 'Staying with silence' }));
    // The adapter reads the draft itself, before the core has the press: a failure there was only logged.
    await h.bot.db.execute(sql`alter table discord_form_drafts rename to discord_form_drafts_away`);
    try {
      const more = await h.clickButton(h.ben, continueId(step)!);
      const said = json([more.initial, ...(await h.answers(more))]);
      expect(said).toContain('something went wrong on our side');
      expect(said).toMatch(/whoever runs the bot: [0-9A-F]{8}\./);
      expect(said).not.toContain('destination');
    } finally {
      await h.bot.db.execute(sql`alter table discord_form_drafts_away rename to discord_form_drafts`);
    }
  });

  it('tells a facilitator between the two setup forms that nothing has changed yet', async () => {
    const r = await h.slash(h.owner, 'sojusz', {}, { path: ['setup'] });
    const [next] = await h.answers(await h.submitModal(h.owner, String(r.initial.data!.custom_id), { lang: '1', zone: 'Europe/Warsaw' }));
    expect(next!.content).toContain(tx('pl', 'discord.nextForm'));
    expect(next!.content).toContain('Konfiguracja 2/2');
    expect(continueId(next)).toBeDefined();
  });

  it('names the drafts’ lifetime in both languages where a part waits', () => {
    const hours = DRAFT_LIFE_MS / 3_600_000;
    for (const key of ['discord.step', 'discord.nextForm'] as const) {
      expect(tx('en', key)).toContain(`${hours} hours`);
      expect(tx('pl', key)).toContain(`${hours} godzin`);
    }
  });
});
