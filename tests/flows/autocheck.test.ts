import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { autochecks, schedules, supervisionTopics } from '../../src/db/schema/index.js';
import { unseal } from '../../src/features/autocheck/store.js';
import { anna, ben, facilitator, makeBot, type TestBot } from '../helpers/bot.js';
import { genderedForms } from '../content/polish-gender.js';
import { autocheck as plWords } from '../../src/i18n/pl/autocheck.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T17:00:00Z' });
});
afterAll(() => tb.close());

const SECRET_TOPIC = 'Klientka z poniedziałku milknie, gdy pytam o ojca';

describe('/autocheck', () => {
  it('opens the standard form with scales and choices first and one optional text', async () => {
    await tb.mem.command(ben, '/autocheck');
    const form = tb.mem.lastForm(ben.id)!;
    expect(form.id).toBe('autocheck');
    expect(form.fields.map((f) => f.id)).toEqual(['curiosity', 'flexibility', 'judging', 'alliance', 'supervision', 'destination']);
    expect(form.fields[0]!.label).toBe('Was there curiosity in me today?');
    expect(form.fields.filter((f) => f.kind === 'text')).toHaveLength(1);
    expect(form.fields.find((f) => f.id === 'supervision')).toMatchObject({ optional: true, maxLength: 500 });
    // The topic may go to the group: the button does not promise "privately".
    expect(form.submitLabel).toBe('Save');
  });

  it('offers a three-question quick check and a full one with goal, task, bond and a note', async () => {
    await tb.mem.command(anna, '/autocheck quick');
    expect(tb.mem.lastForm(anna.id)!.fields.map((f) => f.id)).toEqual(['curiosity', 'flexibility', 'judging']);
    expect(tb.mem.lastForm(anna.id)!.fields[0]!.label).toBe('Czy była dziś we mnie ciekawość?');
    expect(tb.mem.lastForm(anna.id)!.submitLabel).toBe('Zapisz');
    await tb.mem.command(anna, '/autocheck full');
    const full = tb.mem.lastForm(anna.id)!;
    expect(full.fields.map((f) => f.id)).toEqual(['curiosity', 'flexibility', 'judging', 'goal', 'task', 'bond', 'supervision', 'destination', 'note']);
    expect(full.fields.find((f) => f.id === 'note')).toMatchObject({ optional: true, maxLength: 1000 });
  });

  it('saves a check privately and answers with one line of reflection, never in a channel', async () => {
    await tb.mem.command(ben, '/autocheck');
    const out = await tb.mem.fill(ben, { curiosity: '1', flexibility: '1', judging: 'no', alliance: '4' });
    expect(out).toEqual({ kind: 'close' });
    const reply = tb.mem.lastPrivate(ben.id)!;
    expect(reply).toContain('Saved privately');
    expect(reply).toContain('mid-session check-in');
    expect(tb.mem.posts()).toHaveLength(0);
    expect(tb.mem.dms()).toHaveLength(0);
  });

  it('suggests a repair step after something may have sounded judging, and affirms curiosity', async () => {
    await tb.mem.command(ben, '/autocheck quick');
    await tb.mem.fill(ben, { curiosity: '4', flexibility: '3', judging: 'yes' });
    expect(tb.mem.lastPrivate(ben.id)).toContain('How did it land for you?');
    await tb.mem.command(ben, '/autocheck quick');
    await tb.mem.fill(ben, { curiosity: '4', flexibility: '3', judging: 'no' });
    expect(tb.mem.lastPrivate(ben.id)).toContain('There was curiosity in you today');
  });

  it('rejects empty and out-of-range values field by field, and saves nothing', async () => {
    const before = await tb.bot.db.select().from(autochecks);
    await tb.mem.command(ben, '/autocheck');
    const out = await tb.mem.fill(ben, { curiosity: '7', flexibility: '', judging: 'perhaps', alliance: '0' });
    expect(out.kind).toBe('errors');
    if (out.kind !== 'errors') return;
    expect(out.errors.curiosity).toBe('Pick a value from 0 to 4.');
    expect(out.errors.flexibility).toBe('Please fill this in.');
    expect(out.errors.judging).toBe('Please pick one of the options.');
    expect(out.errors.alliance).toBe('Pick a value from 1 to 5.');
    expect(await tb.bot.db.select().from(autochecks)).toHaveLength(before.length);
  });

  it('refuses an over-long supervision topic or note and names the limit', async () => {
    await tb.mem.command(anna, '/autocheck full');
    const out = await tb.mem.fill(anna, { curiosity: '3', flexibility: '3', judging: 'no', goal: '4', task: '4', bond: '4', supervision: 'x'.repeat(501), note: 'y'.repeat(1001) });
    expect(out.kind).toBe('errors');
    if (out.kind !== 'errors') return;
    expect(out.errors.supervision).toContain('500');
    expect(out.errors.note).toContain('1000');
  });

  it('stores nothing readable: neither the topic nor the numbers appear in any column, yet it decrypts', async () => {
    await tb.mem.command(anna, '/autocheck full');
    await tb.mem.fill(anna, {
      curiosity: '3', flexibility: '2', judging: 'maybe', goal: '4', task: '3', bond: '5', destination: 'keep', supervision: SECRET_TOPIC, note: 'Notatka tylko dla mnie',
    });
    expect(tb.mem.lastPrivate(anna.id)).toContain('Zapisane prywatnie');
    expect(tb.mem.lastPrivate(anna.id)).toContain('zostaje tylko w tym prywatnym autochecku');
    const rows = (await tb.bot.db.execute(sql`select * from autochecks`)) as unknown as { rows?: Record<string, unknown>[] } & Record<string, unknown>[];
    const list = (rows.rows ?? rows) as Record<string, unknown>[];
    const dump = JSON.stringify(list);
    for (const needle of ['Klientka', 'ojca', 'Notatka', '"curiosity"', '"goal":4', 'curiosity', 'maybe']) expect(dump).not.toContain(needle);
    expect(Object.keys(list[0]!).sort()).toEqual(['created_at', 'id', 'member_id', 'sealed', 'team_id', 'variant']);
    const mine = await tb.bot.db.select().from(autochecks).where(sql`${autochecks.variant} = 'full'`);
    const opened = mine.map((r) => unseal(tb.bot.secrets, r.sealed)).find((a) => a.supervision === SECRET_TOPIC)!;
    expect(opened).toMatchObject({ curiosity: 3, flexibility: 2, judging: 'maybe', goal: 4, task: 3, bond: 5, note: 'Notatka tylko dla mnie' });
  });

  it('flags a low alliance plainly and offers the repair guide, which opens from the button', async () => {
    await tb.mem.command(anna, '/autocheck full');
    await tb.mem.fill(anna, { curiosity: '3', flexibility: '3', judging: 'no', goal: '4', task: '2', bond: '4' });
    const reply = tb.mem.lastPrivate(anna.id)!;
    expect(reply).toContain('Sojusz może być nadwyrężony');
    expect(reply).toContain('Sposób pracy: 2 na 5');
    expect(reply).toContain('/guide naprawa');
    await tb.mem.click(anna, 'guide', 'repair');
    expect(tb.mem.lastPrivate(anna.id)).toContain('Naprawa sojuszu w pięciu krokach');
  });

  it('keeps a group-agenda topic private when no supervision session is scheduled, and says so', async () => {
    await tb.mem.command(ben, '/autocheck');
    await tb.mem.fill(ben, { curiosity: '3', flexibility: '3', judging: 'no', alliance: '4', destination: 'named', supervision: 'How to end with a client who keeps extending' });
    expect(tb.mem.lastPrivate(ben.id)).toContain('no upcoming supervision meeting yet');
    expect(tb.mem.posts()).toHaveLength(0);
  });

  it('asks for the topic when a place for it was chosen but the field left empty, and saves nothing yet', async () => {
    const before = (await tb.bot.db.select().from(autochecks)).length;
    await tb.mem.command(ben, '/autocheck');
    const out = await tb.mem.fill(ben, { curiosity: '3', flexibility: '3', judging: 'no', alliance: '4', destination: 'named', supervision: '  ' });
    expect(out).toMatchObject({ kind: 'errors', errors: { supervision: expect.stringContaining('the topic field is empty') } });
    expect(await tb.bot.db.select().from(autochecks)).toHaveLength(before);
  });

  it('puts a topic on the member’s own supervision agenda when asked', async () => {
    await tb.mem.command(ben, '/autocheck');
    await tb.mem.fill(ben, { curiosity: '3', flexibility: '3', judging: 'no', alliance: '4', destination: 'mine', supervision: 'My pace with new clients' });
    expect(tb.mem.lastPrivate(ben.id)).toContain('noted for you only; /supervision topics shows it');
  });

  it('puts a topic anonymously on the group’s agenda for the next session once one is scheduled', async () => {
    tb.mem.channels.set('supervision', [facilitator.id, anna.id, ben.id]);
    await tb.mem.command(facilitator, '/supervision add 2026-03-10 18:00 #supervision');
    await tb.mem.command(ben, '/autocheck');
    await tb.mem.fill(ben, { curiosity: '3', flexibility: '3', judging: 'no', alliance: '4', destination: 'anonymous', supervision: 'When a client laughs off every feeling' });
    const reply = tb.mem.lastPrivate(ben.id)!;
    expect(reply).toContain('will join the group’s supervision agenda anonymously within twenty minutes');
    expect(reply).toContain('Next supervision meeting:');
    // Not yet, and not in the check's transaction: nothing written with Ben's check points to the topic.
    expect(await tb.bot.db.select().from(supervisionTopics).where(eq(supervisionTopics.text, 'When a client laughs off every feeling'))).toEqual([]);
    await tb.mem.command(facilitator, '/supervision agenda');
    expect(tb.mem.lastPrivate(facilitator.id)).not.toContain('laughs off');
    tb.clock.advance(21 * 60_000);
    await tb.bot.runDueWork();
    await tb.mem.command(facilitator, '/supervision agenda');
    const agenda = tb.mem.lastPrivate(facilitator.id)!;
    expect(agenda).toContain('When a client laughs off every feeling');
    expect(agenda).not.toContain('Ben');
    // Nothing of the wait is left: no schedule row holds the sealed topic any more.
    expect(await tb.bot.db.select().from(schedules).where(eq(schedules.kind, 'anon-topic'))).toEqual([]);
    // Its author can still take it back.
    await tb.mem.command(ben, '/supervision topics');
    expect(tb.mem.lastPrivate(ben.id)).toMatch(/^• \d+ \(anonymous\) When a client laughs off every feeling$/m);
  });

  it('never writes an answer to the logs', () => {
    const logs = tb.logs.join('\n');
    for (const needle of [SECRET_TOPIC, 'Notatka', 'How to end with a client', 'My pace', 'laughs off', 'xxxxxxxx']) expect(logs).not.toContain(needle);
  });

  it('speaks Polish without gendered verb forms', () => {
    const text = JSON.stringify(plWords);
    expect(genderedForms(text)).toEqual([]);
  });
});
