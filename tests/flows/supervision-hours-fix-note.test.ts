// `hours fix N` changes an entry's note as `log` takes one (the words after the hours, kind and date), and a lone "-"
// takes the note off; a day still ahead ("jutro") is refused as a date, never kept as a note.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoryMember } from '../../adapters/memory/index.js';
import { anna, ben, makeBot, type TestBot } from '../helpers/bot.js';

let tb: TestBot;
beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Warsaw.
  tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
  for (const m of [anna, ben]) await tb.mem.command(m, '/sojusz help');
});
afterAll(() => tb.close());

const ask = (who: MemoryMember, line: string) => tb.mem.ask(who, line);
/** The `• N · …` lines of the member's `/supervision hours`. */
const listed = async (who: MemoryMember) => (await ask(who, '/supervision hours')).split('\n').filter((l) => /^• \d+ · /.test(l));
async function csv(who: MemoryMember): Promise<string[]> {
  await tb.mem.command(who, '/supervision hours export');
  return tb.mem.lastFileText(who.id).split('\r\n').filter(Boolean);
}

describe('/supervision hours fix and the note', () => {
  it('gives an entry a note, alone or with the hours, kind and date, and shows it back', async () => {
    await ask(ben, '/supervision log 1 group 2026-02-23');
    await ask(ben, '/supervision log 2 individual 2026-02-25 first note');
    const fixed = await ask(ben, '/supervision hours fix 1 case consultation');
    expect(fixed).toContain('Corrected. Entry 1: 1 hour of group supervision on 2026-02-23.');
    expect(fixed).toContain('case consultation');
    expect(await ask(ben, '/supervision hours fix 2 1.5 group yesterday rupture and repair')).toContain('Entry 2: 1.5 hours of group supervision on 2026-03-01.');
    expect(await listed(ben)).toEqual(['• 2 · 2026-03-01 · group · 1.5 hours · rupture and repair', '• 1 · 2026-02-23 · group · 1 hour · case consultation']);
    expect(await csv(ben)).toEqual(['date,kind,hours,note,entry', '2026-02-23,group,1,case consultation,1', '2026-03-01,group,1.5,rupture and repair,2']);
  });

  it('keeps the note when only the hours, kind or date change', async () => {
    const fixed = await ask(ben, '/supervision hours fix 2 2');
    expect(fixed).toContain('Entry 2: 2 hours of group supervision on 2026-03-01.');
    expect(fixed).toContain('rupture and repair');
    expect(await listed(ben)).toContain('• 2 · 2026-03-01 · group · 2 hours · rupture and repair');
  });

  it('takes the note off with a lone dash, and says so', async () => {
    const fixed = await ask(ben, '/supervision hours fix 2 -');
    expect(fixed).toContain('Entry 2: 2 hours of group supervision on 2026-03-01.');
    expect(fixed).toContain('Note removed.');
    expect(fixed).not.toContain('rupture');
    // A phone's dash works as well.
    expect(await ask(ben, '/supervision hours fix 1 —')).toContain('Note removed.');
    expect(await listed(ben)).toEqual(['• 2 · 2026-03-01 · group · 2 hours', '• 1 · 2026-02-23 · group · 1 hour']);
  });

  it('does it in Polish, and refuses a day ahead rather than keep it as the note', async () => {
    await ask(anna, '/supervision dziennik 1,5 grupowa 2026-02-27');
    const fixed = await ask(anna, '/supervision godziny popraw 1 indywidualna omówienie przypadku');
    expect(fixed).toContain('Poprawione. Wpis 1: 1,5 godziny, superwizja indywidualna, 2026-02-27.');
    expect(fixed).toContain('omówienie przypadku');
    const ahead = await ask(anna, '/supervision godziny popraw 1 jutro');
    expect(ahead).toContain('2026-03-03 jest jeszcze przed nami');
    expect(ahead).toContain('Na razie niczego nie zmieniam.');
    expect(await ask(anna, '/supervision godziny popraw 1 -')).toContain('Notatka usunięta.');
    expect(await listed(anna)).toEqual(['• 1 · 2026-02-27 · indywidualna · 1,5 godziny']);
  });

  it('says in the help and the example how to change and take off a note', async () => {
    const nothing = await ask(ben, '/supervision hours fix 1');
    expect(nothing).toContain('Give the hours, the kind, the date or a new note');
    expect(nothing).toContain('/supervision hours fix 1 case discussion; a lone - removes the note.');
    expect(await ask(ben, '/supervision hours fix')).toContain('For example: /supervision hours fix 12 2 2026-03-01 case discussion');
    expect(await ask(anna, '/supervision godziny popraw')).toContain('Na przykład: /supervision godziny popraw 12 2 2026-03-01 omówienie przypadku');
    expect(await ask(anna, '/supervision godziny popraw 1')).toContain('sam myślnik - usuwa notatkę');
  });
});
