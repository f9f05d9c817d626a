// The playground's form HTML: a one-line field's character count stays out of sight until the text nears its limit.
import { describe, expect, it } from 'vitest';
import { renderForm } from '../../../adapters/web/render.js';
import type { OpenForm } from '../../../adapters/web/port.js';

const open = (value: string): OpenForm => ({
  form: { id: 'probe', title: 'Probe', submitLabel: 'Send', fields: [{ id: 'time', kind: 'text', label: 'Time', maxLength: 10 }] },
  inv: { platform: 'web', team: 'T', member: { id: 'ola' } },
  values: { time: [value] },
  version: 1,
});

describe('a one-line field’s character count', () => {
  it('is quiet below 80% of the limit and shows from there on', () => {
    expect(renderForm(open('09:00'), 'en')).toMatch(/class="limit quiet" id="f-time-max" data-quiet-below="8"/);
    expect(renderForm(open('12345678'), 'en')).toMatch(/class="limit" id="f-time-max" data-quiet-below="8"/);
    expect(renderForm(open('12345678901'), 'en')).toMatch(/class="limit over" id="f-time-max"/);
  });
});
