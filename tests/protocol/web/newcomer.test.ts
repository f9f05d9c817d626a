// The playground as a newcomer meets it: Polish examples that work as copied, people named as the page shows them,
// suggestions in the reader's words, a welcome that says what is set up now and how to switch language.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRegistry } from '../../../commands/index.js';
import { withIds } from '../../../adapters/web/names.js';
import { memberNamed, type SimMember } from '../../../adapters/web/workspace.js';
import { SETTINGS } from '../../../src/core/settings.js';
import { findTeam, updateSettings } from '../../../src/core/teams.js';
import { members, schedules } from '../../../src/db/schema/index.js';
import { startTestPlayground, type Playground } from './harness.js';

let pg: Playground;
beforeAll(async () => {
  pg = await startTestPlayground();
});
afterAll(async () => {
  await pg?.close();
});

const send = (member: string, text: string, channel = 'reflection') => pg.post('/api/send', { member, channel, text });
const team = async () => (await findTeam(pg.app.bot.db, 'web', 'playground'))!;
const usages = async (member: string): Promise<string[]> => (await pg.get(`/api/commands?member=${member}`)).body.commands.map((c: { usage: string }) => c.usage);
const isFacilitator = async (id: string) => {
  const [row] = await pg.app.bot.db.select().from(members).where(and(eq(members.teamId, (await team()).id), eq(members.externalId, id)));
  return row?.facilitator ?? false;
};

describe('the playground for a newcomer', () => {
  it('takes a Polish example as it is copied: #refleksja and #przypadki are its #reflection and #cases', async () => {
    expect((await send('magda', '/reflect zaplanuj #refleksja środa 11:00')).body).toEqual({ ok: true });
    const prompts = (await pg.app.bot.db.select().from(schedules).where(eq(schedules.teamId, (await team()).id))).filter((r) => r.kind === 'prompt');
    expect(prompts.map((p) => p.payload.channel)).toEqual(['reflection', 'reflection']);
    expect((await send('magda', '/sojusz zespół kanał-przypadków #Przypadki')).body).toEqual({ ok: true });
    expect((await team()).settings[SETTINGS.caseChannel]).toBe('cases');
    // The channel list tells a Polish reader that name leads there.
    const reflection = (await pg.view('magda')).channels.find((c: { id: string }) => c.id === 'reflection');
    expect(reflection).toMatchObject({ label: '#reflection', alias: '#refleksja' });
  });

  it('adds a facilitator named the way the page shows them: @Tomasz, any letter case, or the whole name', async () => {
    expect((await pg.view('magda')).members.find((m: { id: string }) => m.id === 'tomek')).toMatchObject({ name: 'Tomasz Wiśniewski', handle: '@tomek' });
    expect((await send('magda', '/sojusz zespół prowadzący dodaj @Tomasz')).body).toEqual({ ok: true });
    expect(await isFacilitator('tomek')).toBe(true);
    expect((await send('magda', '/sojusz zespół prowadzący usuń @tomasz wiśniewski')).body).toEqual({ ok: true });
    expect(await isFacilitator('tomek')).toBe(false);
  });

  it('leaves @names and #names alone where a command takes no person or channel: they are the member’s own words', () => {
    const registry = buildRegistry();
    expect(withIds(registry, 'supervision', 'temat Rozmowa z @Tomasz o #refleksja')).toBe('temat Rozmowa z @Tomasz o #refleksja');
    expect(withIds(registry, 'sojusz', 'team facilitator add @Emily')).toBe('team facilitator add @emily');
    expect(withIds(registry, 'sojusz', 'team facilitator add @Kasia')).toBe('team facilitator add @Kasia');
  });

  it('takes a first name only when nobody else shares it', () => {
    const two: SimMember[] = [
      { id: 'anna1', name: 'Anna Nowak', locale: 'pl-PL', isAdmin: false },
      { id: 'anna2', name: 'Anna Wójcik', locale: 'pl-PL', isAdmin: false },
    ];
    expect(memberNamed('Anna', two)).toBeUndefined();
    expect(memberNamed('anna wójcik', two)?.id).toBe('anna2');
    expect(memberNamed('@ANNA1', two)?.id).toBe('anna1');
  });

  it('suggests commands in the words the help uses for the reader, both spellings while no language is chosen', async () => {
    const polish = await usages('magda');
    expect(polish).toContain('/sojusz dane usuń');
    expect(polish).toContain('/sojusz zespół prowadzący dodaj');
    expect(polish).not.toContain('/sojusz mydata delete');
    await send('emily', '/sojusz language en');
    const english = await usages('emily');
    expect(english).toContain('/sojusz mydata delete');
    expect(english).not.toContain('/sojusz dane usuń');
    // A team whose language nobody set: a member's language is only guessed from their locale.
    const t = await team();
    await updateSettings(pg.app.bot.db, t.id, { langSet: false });
    try {
      const guessed = await usages('tomek');
      expect(guessed).toContain('/sojusz dane usuń');
      expect(guessed).toContain('/sojusz mydata delete');
    } finally {
      await updateSettings(pg.app.bot.db, t.id, { langSet: true });
    }
  });

  it('welcomes with the prompt rhythm as it is now, not as the sample first set it', async () => {
    expect((await send('magda', '/reflect zmień 1 poniedziałek 10:00')).body).toEqual({ ok: true });
    const pl = (await pg.view('magda')).welcome as string;
    expect(pl).toContain('poniedziałek, 10:00');
    expect(pl).toContain('środa, 11:00');
    expect(pl).not.toContain('piątek, 09:00');
    expect(pl).toContain('poniedziałek, 18:00'); // the supervision series, untouched
    expect((await pg.view('emily')).welcome).toContain('Monday, 10:00');
    await send('magda', '/reflect pauza 1');
    await send('magda', '/reflect pauza 2');
    expect((await pg.view('magda')).welcome).toContain('Na razie nie ma zaplanowanych pytań do refleksji');
  });

  it('ends the welcome with one line in the other language, saying how to switch', async () => {
    const pl = (await pg.view('magda')).welcome as string;
    expect(pl).toMatch(/<p class="other-lang" lang="en">In English: <code>\/sojusz team language en<\/code>[^<]*Magda[^<]*<code>\/sojusz language en<\/code>/);
    const en = (await pg.view('emily')).welcome as string;
    expect(en).toMatch(/<p class="other-lang" lang="pl">Po polsku: <code>\/sojusz zespół język pl<\/code>[\s\S]*<code>\/sojusz język pl<\/code>/);
    // The channel list keeps the one name for an English reader.
    expect((await pg.view('emily')).channels.find((c: { id: string }) => c.id === 'reflection').alias).toBeUndefined();
  });

  it('names the setup form’s empty channel choice: it leaves the channel as it is', async () => {
    await send('magda', '/sojusz konfiguracja');
    const form = (await pg.view('magda')).form;
    expect(form.html).toContain('<option value="">— bez zmian —</option>');
    await pg.post('/api/form/cancel', { member: 'magda' });
  });
});
