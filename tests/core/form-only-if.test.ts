// A field declared to matter only for another one's answer: a form in steps does not ask it while that one is empty.
import { describe, expect, it } from 'vitest';
import type { Form } from '../../src/core/form.js';
import { buildForm } from '../../src/features/autocheck/forms.js';
import { formSteps, nextStep, renderModal } from '../../adapters/discord/render/modal.js';

const text = (id: string) => ({ kind: 'text' as const, id, label: id, maxLength: 50 });
const form: Form = {
  id: 'f', title: 'F', submitLabel: 'Send',
  fields: [text('a'), text('b'), text('c'), text('d'), { ...text('topic'), optional: true }, { ...text('where'), optional: true, onlyIf: 'topic' }, { ...text('note'), optional: true }],
};

describe('a field that only matters when another is answered', () => {
  it('lets the standard autocheck end after its first Discord modal when no topic was written', () => {
    const standard = buildForm('en', 'standard');
    expect(formSteps(standard)).toHaveLength(2);
    expect(nextStep(standard, 0, { supervision: '' })).toBeUndefined();
    expect(nextStep(standard, 0, { supervision: '  ' })).toBeUndefined();
    expect(nextStep(standard, 0, { supervision: 'a topic' })).toBe(1);
  });

  it('still opens a step with other fields in it, leaving out only the one that does not matter', () => {
    expect(nextStep(form, 0, { topic: '' })).toBe(1);
    const ids = (kept: Record<string, string>) => JSON.stringify(renderModal(form, 1, 'x', 'en', kept).modal.components).match(/"custom_id":"\w+"/g);
    expect(ids({ topic: '' })).toEqual(['"custom_id":"note"']);
    expect(ids({ topic: 'yes' })).toEqual(['"custom_id":"where"', '"custom_id":"note"']);
  });
});
