import { describe, expect, it } from 'vitest';
import { PERSONAL_KIND, PROMPT_KIND } from '../../src/features/prompts/schedules.js';
import { REMINDER_KIND } from '../../src/features/supervision/reminders.js';
import { payloadFor, payloadOf } from '../../src/schedule/payload.js';

describe('schedule payloads by kind', () => {
  const prompt = { id: 7, kind: 'prompt', payload: payloadFor(PROMPT_KIND, { channel: 'C1', themes: ['bond'], creator: 'U1' }) };

  it('reads a row of its own kind as that kind’s payload, the very object stored', () => {
    expect(payloadOf(prompt, PROMPT_KIND).channel).toBe('C1');
    expect(payloadOf(prompt, PROMPT_KIND)).toBe(prompt.payload);
  });

  it('refuses a row of another kind as a bug, naming the row and the kinds only, never what the payload holds', () => {
    expect(() => payloadOf(prompt, PERSONAL_KIND)).toThrow("schedule 7 is of kind 'prompt', read as 'personal-prompt'");
    const reminder = { id: 8, kind: 'supervision-reminder', payload: { sessionId: 3, startsAt: '2030-01-01T09:00:00Z', offsets: [60], creator: 'U-secret' } };
    expect(() => payloadOf(reminder, PROMPT_KIND)).toThrow(/^schedule 8 is of kind 'supervision-reminder', read as 'prompt'$/);
    expect(payloadOf(reminder, REMINDER_KIND).sessionId).toBe(3);
  });
});
