// Where a long Discord message's part number "(n/N)" lands: at the end of the part's last line with words.
import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS } from '../../../adapters/discord/render/limits.js';
import { renderMessage, renderSingle } from '../../../adapters/discord/render/message.js';
import { message, noteBlock, plain, type Block } from '../../../src/core/message.js';

/** A paragraph that fills the first part up to just before an empty line, then more text: the cut falls after the empty line. */
const words = 'a'.repeat(DISCORD_LIMITS.content - ' (99/99)'.length - 5);
const more = 'b'.repeat(500);
const quote = (text: string): Block => ({ type: 'quote', text: [plain(text)] });

describe('the part number of a split Discord message', () => {
  it.each([
    ['a quote', quote(`${words}\n\n${more}`), '>'],
    ['a note', noteBlock(`${words}\n\n${more}`), '-#'],
  ])('sits at the end of the last line with words in %s, never on an empty line', (_what, block, mark) => {
    const parts = renderMessage(message(block)).map((p) => p.content!);
    expect(parts).toHaveLength(2);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(parts[0]).toMatch(/a \(1\/2\)$/);
    expect(parts[1]).toMatch(/b \(2\/2\)$/);
    // No line is only a quote or note mark with the number on it (">  (1/2)").
    for (const p of parts) for (const line of p.split('\n')) expect(line.replace(mark, '').trim()).not.toMatch(/^(\(\d+\/\d+\))?$/);
  });

  it('keeps every word when the parts are shortened into one edited message', () => {
    const one = renderSingle(message(quote(`${words}\n\n${more.slice(0, 10)}`))).content!;
    expect(one).not.toMatch(/\(\d\/\d\)/);
    expect(one).toContain(words.slice(0, 100));
  });
});
