// /sojusz setup's reminders field: a readable offset out of range is told the allowed range (as /supervision
// remind says it), an unreadable one is told how to write it, and neither changes anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULTS, SETTINGS } from '../../src/core/settings.js';
import { setting } from '../../src/core/teams.js';
import { teams } from '../../src/db/schema/index.js';
import { tx } from '../../src/i18n/index.js';
import { facilitator, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  tb.mem.channels.set('superwizja', ['U_FAC', 'U_ANNA']);
});
afterAll(() => tb.close());

const step1 = { lang: 'pl', zone: 'Europe/Warsaw' };

/** Page 2 of setup submitted with these reminders; the field errors, if any. */
async function submitReminders(reminders: string): Promise<{ kind: string; errors?: Record<string, string> }> {
  await tb.mem.command(facilitator, '/sojusz setup');
  const two = await tb.mem.fill(facilitator, step1);
  expect(two.kind).toBe('next');
  const form2 = (two as { form: { id: string; state?: string } }).form;
  return (await tb.mem.submit(facilitator, form2.id, { reminders }, form2.state)) as { kind: string; errors?: Record<string, string> };
}

async function savedOffsets(): Promise<number[]> {
  const [team] = await tb.bot.db.select().from(teams);
  return setting<number[]>(team as never, SETTINGS.reminderOffsets, DEFAULTS.reminderOffsets);
}

describe('/sojusz setup reminders', () => {
  it('tells an offset beyond 14 days the allowed range, not that it cannot be read', async () => {
    const out = await submitReminders('20d,1h');
    expect(out.kind).toBe('errors');
    expect(out.errors!.reminders).toBe(tx('pl', 'supervision.offsetOutOfRange', { got: '20d' }));
    expect(out.errors!.reminders).toMatch(/14 dni/);
    expect(out.errors!.reminders).toMatch(/5 minut/);
    expect(await savedOffsets()).toEqual(DEFAULTS.reminderOffsets);
  });

  it('tells an offset under 5 minutes the allowed range too', async () => {
    const out = await submitReminders('24h,2m');
    expect(out.errors!.reminders).toBe(tx('pl', 'supervision.offsetOutOfRange', { got: '2m' }));
  });

  it('still says it cannot read what is not an offset', async () => {
    const out = await submitReminders('tomorrow');
    expect(out.errors!.reminders).toBe(tx('pl', 'parse.offsets', { got: 'tomorrow' }));
  });

  it('saves offsets at the ends of the range', async () => {
    const out = await submitReminders('14d,5m');
    expect(out.kind).toBe('close');
    expect(await savedOffsets()).toEqual([14 * 1440, 5]);
  });
});
