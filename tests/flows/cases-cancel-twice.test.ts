// Cancel pressed twice on a case preview (a double click, or another copy of the preview): the second press hears
// "already cancelled", never that the draft is gone, and the cancelled mark keeps nothing of the case or its author.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MessageRef } from '../../src/core/port.js';
import { caseDrafts, cases } from '../../src/db/schema/index.js';
import { purgeCases } from '../../src/features/cases/retention.js';
import { anna, ben, type TestBot } from '../helpers/bot.js';
import { answerTo, caseTeam, previewTokenOf } from '../helpers/cases.js';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const carol = { id: 'U_CAROL', name: 'Carol', locale: 'en-GB' };
type Member = typeof anna;

let tb: TestBot;
beforeAll(async () => {
  tb = await caseTeam([anna, ben, carol]);
});
afterAll(() => tb.close());
beforeEach(() => tb.clock.advance(DAY));

let previews = 0;
const previewRef = (member: Member): MessageRef => ({ team: 'T1', channel: `D-${member.id}`, id: `preview-${++previews}` });
async function draft(member: Member, title: string): Promise<string> {
  await tb.mem.command(member, '/case');
  await tb.mem.fill(member, { title, body: 'Klient przestał przychodzić po trzeciej sesji.', question: 'Co mogłam zrobić inaczej?', tags: [] });
  return previewTokenOf(tb.mem, member.id);
}
const answer = (member: Member, act: () => Promise<unknown>) => answerTo(tb.mem, member.id, act);
const GONE = 'This draft is no longer here';

describe('Cancel pressed twice on a case preview', () => {
  it('answers the second press “already cancelled” and closes that copy of the preview too', async () => {
    const token = await draft(carol, 'Cancelled twice');
    const first = await answer(carol, () => tb.mem.click(carol, 'case.cancel', token, previewRef(carol)));
    expect(first.said).toEqual(['Cancelled. Nothing was posted and the draft is deleted.']);

    const other = previewRef(carol);
    const second = await answer(carol, () => tb.mem.click(carol, 'case.cancel', token, other));
    expect(second.said).toEqual(['Already cancelled — nothing was posted.']);
    expect(second.updates.map((u) => [u.ref, u.text])).toEqual([[other, 'Cancelled — nothing was posted, and the draft is deleted.']]);
  });

  it('answers one press “cancelled” and the other “already cancelled” when both arrive together', async () => {
    const token = await draft(carol, 'Double click');
    const heard = await answer(carol, () => Promise.all([tb.mem.click(carol, 'case.cancel', token), tb.mem.click(carol, 'case.cancel', token)]));
    expect(heard.said.sort()).toEqual(['Already cancelled — nothing was posted.', 'Cancelled. Nothing was posted and the draft is deleted.']);
    expect(heard.said.join()).not.toContain(GONE);
  });

  it('answers Publish and Edit on a cancelled preview the same way, in Polish, publishing nothing and opening no form', async () => {
    const token = await draft(anna, 'Anulowany');
    await tb.mem.click(anna, 'case.cancel', token);
    const before = (await tb.bot.db.select().from(cases)).length;
    for (const action of ['case.publish', 'case.edit']) {
      const heard = await answer(anna, () => tb.mem.click(anna, action, token));
      expect(heard.said, action).toEqual(['Już anulowane — nic nie zostało opublikowane.']);
      expect(heard.forms, action).toBe(0);
    }
    expect(await tb.bot.db.select().from(cases)).toHaveLength(before);
  });

  it('tells nobody else anything: another member pressing the cancelled preview’s button hears only that the draft is gone', async () => {
    const token = await draft(anna, 'Tylko moje');
    await tb.mem.click(anna, 'case.cancel', token);
    const heard = await answer(ben, () => tb.mem.click(ben, 'case.cancel', token));
    expect(heard.said).toEqual([expect.stringContaining(GONE)]);
  });

  it('keeps no text and no member id in the mark, and forgets it when the draft would have gone', async () => {
    const savedAt = tb.clock.now();
    const token = await draft(carol, 'Nothing of this may stay');
    tb.clock.advance(5 * MIN);
    await tb.mem.click(carol, 'case.cancel', token);
    const [mark] = await tb.bot.db.select().from(caseDrafts).where(eq(caseDrafts.token, token));
    for (const leak of [carol.id, carol.name, 'Nothing of this may stay', 'Klient']) expect(JSON.stringify(mark)).not.toContain(leak);
    expect(tb.bot.secrets.decrypt(mark!.sealed)).toBe(JSON.stringify({ cancelled: true }));
    // Its time is the draft's own (already on its row), not the moment of the press.
    expect(mark!.createdAt.getTime()).toBe(savedAt.getTime());

    tb.clock.set(new Date(savedAt.getTime() + DAY + MIN));
    await tb.bot.db.transaction((tx) => purgeCases(tx, tb.clock.now()));
    expect(await tb.bot.db.select().from(caseDrafts).where(eq(caseDrafts.token, token))).toEqual([]);
    const late = await answer(carol, () => tb.mem.click(carol, 'case.cancel', token));
    expect(late.said).toEqual([expect.stringContaining(GONE)]);
  });

  it('forgets the mark when its author erases their data', async () => {
    const token = await draft(ben, 'Erased with me');
    await tb.mem.click(ben, 'case.cancel', token);
    expect(await tb.bot.db.select().from(caseDrafts).where(eq(caseDrafts.token, token))).toHaveLength(1);
    await tb.mem.command(ben, '/sojusz mydata delete');
    await tb.mem.click(ben, 'privacy.delete', 'unlink');
    expect(await tb.bot.db.select().from(caseDrafts).where(eq(caseDrafts.token, token))).toEqual([]);
  });
});
