// The languages remembered for answers given without the database: the member's own, forgotten on erasure, bounded.
import { describe, expect, it } from 'vitest';
import { RecentLanguages } from '../../src/core/languages.js';
import type { Invocation } from '../../src/core/port.js';

const inv = (member: string, locale?: string, team = 'T1'): Invocation => ({ platform: 'slack', team, member: { id: member, ...(locale ? { locale } : {}) } });

describe('languages remembered for answers without the database', () => {
  it('answers a member in the language last used for them, and anyone else in their platform’s', () => {
    const known = new RecentLanguages();
    known.remember(inv('U1', 'pl-PL'), 'en');
    expect(known.of(inv('U1', 'pl-PL'))).toBe('en');
    expect(known.of(inv('U2', 'en-US'))).toBe('en');
    expect(known.of(inv('U2', 'pl-PL'))).toBe('pl');
    // The same id in another workspace is another member.
    expect(known.of(inv('U1', 'pl-PL', 'T2'))).toBe('pl');
  });

  it('forgets a member who erased their data', () => {
    const known = new RecentLanguages();
    known.remember(inv('U1', 'pl-PL'), 'en');
    known.forget('slack', 'T1', 'U1');
    expect(known.of(inv('U1', 'pl-PL'))).toBe('pl');
  });

  it('keeps at most 10,000 members, forgetting the one answered longest ago', () => {
    const known = new RecentLanguages();
    known.remember(inv('first', 'pl-PL'), 'en');
    known.remember(inv('second', 'pl-PL'), 'en');
    for (let i = 0; i < 9_998; i++) known.remember(inv(`U${i}`, 'pl-PL'), 'en');
    known.remember(inv('first', 'pl-PL'), 'en'); // answered again: now the most recent
    known.remember(inv('one more', 'pl-PL'), 'en');
    expect(known.of(inv('second', 'pl-PL'))).toBe('pl');
    expect(known.of(inv('first', 'pl-PL'))).toBe('en');
  });
});
