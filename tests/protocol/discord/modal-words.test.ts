// What a member reads in Discord's modals of the real forms (autocheck, case, setup), in both languages: every option
// in full, hints in sight, and the intro handed back as a preface — then the answers as typed or marked, read back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { APIActionRowComponent, APITextInputComponent } from 'discord.js';
import { DISCORD_LIMITS } from '../../../adapters/discord/render/limits.js';
import { fitSentences, formSteps, renderModal, toRawValues, type RenderedModal } from '../../../adapters/discord/render/modal.js';
import { validateForm, type Field, type Form } from '../../../src/core/form.js';
import { messageToPlain } from '../../../src/core/message.js';
import { buildForm, VARIANTS } from '../../../src/features/autocheck/forms.js';
import { caseForm } from '../../../src/features/cases/form.js';
import { tx, weekdayName, type Lang } from '../../../src/i18n/index.js';
import { facilitator, makeBot, type TestBot } from '../../helpers/bot.js';

const LANGS: Lang[] = ['en', 'pl'];
const inputs = (r: RenderedModal) => r.modal.components.map((row) => (row as APIActionRowComponent<APITextInputComponent>).components[0]!);
const input = (r: RenderedModal, id: string) => inputs(r).find((i) => i.custom_id === id)!;
const preface = (r: RenderedModal) => (r.preface ? messageToPlain(r.preface) : '');
/** The step of `form` that holds field `id`. */
const stepOf = (form: Form, id: string) => formSteps(form).findIndex((s) => s.some((f) => f.id === id));
const render = (form: Form, id: string, lang: Lang, kept = {}) => renderModal(form, stepOf(form, id), 'dc:form|d:0', lang, kept);
const choice = (form: Form, id: string) => form.fields.find((f) => f.id === id) as Extract<Field, { kind: 'choice' }>;
/** A supervision topic written in the first modal: where it goes is asked only then. */
const WRITTEN = { supervision: 'A client who keeps cancelling' };
/** What the member sees in an input: its value if prefilled, else its placeholder. */
const visible = (i: APITextInputComponent) => i.value || i.placeholder || '';
/** Submit one modal step as the member left it, through the same mapping the dispatcher uses. */
const submitted = (form: Form, id: string, text: string) => validateForm(form, toRawValues(form.fields, { [id]: text }));

describe('choices in Discord modals', () => {
  it.each(LANGS)('autocheck (%s): where the supervision topic goes shows all four places in full, keeping it private marked', (lang) => {
    const form = buildForm(lang, 'standard');
    const dest = input(render(form, 'destination', lang, WRITTEN), 'destination');
    const lines = dest.value!.split('\n');
    expect(lines).toEqual(choice(form, 'destination').options.map((o) => `[${o.value === 'keep' ? 'x' : ' '}] ${o.label}`));
    expect(lines[0]).toBe(lang === 'en' ? '[x] Keep it private (only here)' : '[x] Zostaje prywatnie (tylko tutaj)');
    expect(lines[3]).toBe(lang === 'en' ? '[ ] Group agenda, anonymously' : '[ ] Agenda grupy, anonimowo');
    expect(dest.style).toBe(2);
  });

  it.each(LANGS)('autocheck (%s): "anything judging?" keeps its short legend in the placeholder', (lang) => {
    const judging = input(render(buildForm(lang, 'quick'), 'judging', lang), 'judging');
    expect(judging.placeholder).toBe(lang === 'en' ? 'Type a number: 1 No, 2 Maybe, 3 Yes' : 'Wpisz numer: 1 Nie, 2 Być może, 3 Tak');
    expect(judging.value).toBeUndefined();
  });

  it.each(LANGS)('case (%s): every tag is readable in full, none cut, and the label says how to choose', (lang) => {
    const form = caseForm(lang);
    const tags = input(render(form, 'tags', lang), 'tags');
    for (const o of choice(form, 'tags').options) expect(tags.value!.split('\n')).toContain(`[ ] ${o.label}`);
    expect(tags.value).toContain(lang === 'en' ? '[ ] Ethics and boundaries' : '[ ] Etyka i granice');
    expect(tags.value).not.toContain('…');
    expect(tags.label).toBe(lang === 'en' ? 'Tags — mark any with an x' : 'Tagi — postaw x przy wybranych');
  });

  it.each(LANGS)('case (%s): going back from the preview shows the tags chosen before, marked', (lang) => {
    const form = caseForm(lang, undefined, { title: 't', body: 'b', question: 'q', tags: ['risk', 'dropout'] } as never);
    const marked = input(render(form, 'tags', lang), 'tags').value!.split('\n').filter((l) => l.startsWith('[x]'));
    expect(marked).toEqual([`[x] ${tx(lang, 'cases.tag.dropout')}`, `[x] ${tx(lang, 'cases.tag.risk')}`]);
  });

  it('reads back a moved x, a list trimmed to one line, a typed number and a label with a comma in it', () => {
    const form = buildForm('en', 'standard');
    const list = input(render(form, 'destination', 'en', WRITTEN), 'destination').value!;
    const moved = list.replace('[x] Keep', '[ ] Keep').replace('[ ] Group agenda, anonymously', '[x] Group agenda, anonymously');
    expect(submitted(form, 'destination', moved).values.destination).toBe('anonymous');
    expect(submitted(form, 'destination', list).values.destination).toBe('keep');
    expect(submitted(form, 'destination', '[X] A topic only for me (/supervision topics)').values.destination).toBe('mine');
    expect(submitted(form, 'destination', '3').values.destination).toBe('named');
    expect(submitted(form, 'destination', 'group agenda, with my name').values.destination).toBe('named');
  });

  it('asks to pick one when a single choice comes back with two marks, and keeps the list as the member left it', () => {
    const form = buildForm('pl', 'standard');
    const list = input(render(form, 'destination', 'pl', WRITTEN), 'destination').value!;
    const twice = list.replace('[ ] Agenda grupy, anonimowo', '[x] Agenda grupy, anonimowo');
    const raw = toRawValues(form.fields, { destination: twice });
    expect(validateForm(form, raw).errors.destination).toEqual({ code: 'form.badChoice' });
    expect(input(render(form, 'destination', 'pl', { ...WRITTEN, ...raw }), 'destination').value).toBe(twice);
  });

  it('reads several tags marked, typed as numbers, or typed as names with commas between', () => {
    const form = caseForm('pl');
    const list = input(render(form, 'tags', 'pl'), 'tags').value!;
    const marked = list.replace('[ ] Ryzyko', '[x] Ryzyko').replace('[ ] Etyka i granice', '[ v ] Etyka i granice');
    expect(submitted(form, 'tags', marked).values.tags).toEqual(['ethics-boundaries', 'risk']);
    expect(submitted(form, 'tags', '1, 4').values.tags).toEqual(['rupture', 'ethics-boundaries']);
    expect(submitted(form, 'tags', 'etyka i granice; ryzyko').values.tags).toEqual(['ethics-boundaries', 'risk']);
    expect(submitted(form, 'tags', list).values.tags).toBeUndefined();
  });

  it('says "please fill this in" for a required choice sent back with no mark', () => {
    const form: Form = { id: 'f', title: 'F', submitLabel: 'OK', fields: [{ id: 'c', kind: 'choice', label: 'Pick', options: Array.from({ length: 6 }, (_, i) => ({ value: `v${i}`, label: `A rather long option number ${i}` })) }] };
    const list = input(render(form, 'c', 'en'), 'c').value!;
    expect(list.split('\n')).toHaveLength(6);
    expect(validateForm(form, toRawValues(form.fields, { c: list })).errors.c).toEqual({ code: 'form.required' });
  });
});

describe('hints and the intro', () => {
  it.each(LANGS)('case (%s): the difficulty keeps its de-identification guidance in sight, the full hint and the intro go in the preface', (lang) => {
    const r = render(caseForm(lang), 'body', lang);
    expect(input(r, 'body').placeholder).toBe(
      lang === 'en' ? 'Leave out names, dates, places and anything a client could be recognised by.' : 'Pomiń imiona, daty, miejsca i wszystko, po czym można rozpoznać klienta.',
    );
    expect(input(r, 'question').placeholder).toBe(tx(lang, 'cases.form.questionHint'));
    expect(preface(r)).toContain(tx(lang, 'cases.form.intro'));
    expect(preface(r)).toContain(tx(lang, 'cases.form.bodyHint'));
    expect(preface(r)).toContain(lang === 'en' ? 'Nobody will see that this case is yours.' : 'Nikt nie zobaczy, że to Twój przypadek.');
  });

  it.each(LANGS)('case (%s): when the fields come back filled in, every hint they hide is in the preface', (lang) => {
    const r = render(caseForm(lang, undefined, { title: 't', body: 'b', question: 'q', tags: [] } as never), 'body', lang);
    for (const k of ['cases.form.caseTitleHint', 'cases.form.bodyHint', 'cases.form.questionHint'] as const) expect(preface(r)).toContain(tx(lang, k));
  });

  it.each(LANGS)('autocheck (%s): the intro is the preface of the first part only; the topic shows its hint itself', (lang) => {
    const form = buildForm(lang, 'standard');
    expect(preface(renderModal(form, 0, 'x', lang))).toContain(tx(lang, 'autocheck.form.intro'));
    const second = renderModal(form, 1, 'x', lang);
    // Its preface, if any, only explains how to answer a choice typed as text — never the intro again.
    expect(JSON.stringify(second.preface ?? '')).not.toContain(tx(lang, 'autocheck.form.intro'));
    // The topic's hint fits its own placeholder, wherever the topic falls.
    expect(input(render(form, 'supervision', lang), 'supervision').placeholder).toBe(tx(lang, 'autocheck.field.supervision.hint'));
  });

  it.each(LANGS)('autocheck (%s): a scale says its ends once ("0 — hardly"), and its range beside the question when it fits', (lang) => {
    const curiosity = input(render(buildForm(lang, 'quick'), 'curiosity', lang), 'curiosity');
    expect(curiosity.placeholder).toBe(lang === 'en' ? '0–4 (0 — hardly, 4 — very much)' : '0–4 (0 — prawie wcale, 4 — zdecydowanie tak)');
    expect(curiosity.label).toBe(`${tx(lang, 'autocheck.field.curiosity')} (0–4)`);
  });

  it('shows whole sentences of a hint that does not fit, choosing those that say the most', () => {
    const long = `Then ${'b'.repeat(70)}.`;
    expect(fitSentences(`First ${'a'.repeat(40)}. ${long}`, 100)).toBe(long);
    expect(fitSentences(`E.g. “${'c'.repeat(60)}”. ${long}`, 100)).toBe(long);
    expect(fitSentences('x'.repeat(100), 100)).toBe('x'.repeat(100));
    expect(fitSentences('x'.repeat(101), 100)).toBe(`${'x'.repeat(99)}…`);
  });
});

describe('/sojusz setup as Discord modals', () => {
  let tb: TestBot;
  beforeAll(async () => {
    tb = await makeBot({ start: '2026-03-02T08:00:00Z' });
    tb.mem.channels.set('refleksja', ['U_FAC', 'U_ANNA', 'U_BEN', 'U_X']);
    // A team already set up: prompts on Friday at 09:00, team language Polish.
    await tb.mem.command(facilitator, '/sojusz setup');
    const two = await tb.mem.fill(facilitator, { lang: 'pl', zone: 'Europe/Warsaw', promptChannel: '#refleksja', promptDay: '5', promptTime: '09:00' });
    const form2 = (two as { form: Form }).form;
    await tb.mem.submit(facilitator, form2.id, {}, form2.state);
  });
  afterAll(() => tb?.close());

  const setupAgain = async (lang: Lang) => {
    await tb.mem.command(facilitator, `/sojusz language ${lang}`);
    await tb.mem.command(facilitator, '/sojusz setup');
    return tb.mem.lastForm(facilitator.id)!;
  };

  it.each(LANGS)('shows the team language and the prompt day as lists with the current ones marked (%s)', async (lang) => {
    const form = await setupAgain(lang);
    const r = renderModal(form, 0, 'x', lang);
    const day = input(r, 'promptDay');
    expect(day.value!.split('\n')).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7].map((d) => `[${d === 5 ? 'x' : ' '}] ${weekdayName(lang, d)}`),
      `[ ] ${tx(lang, 'onboarding.setup.noPrompts')}`,
    ]);
    expect(day.label).toBe(lang === 'en' ? 'Prompt day — mark one with an x' : 'Dzień pytania — postaw x przy jednej opcji');
    expect(input(r, 'lang').value).toBe(lang === 'en' ? '[x] Polish\n[ ] English' : '[x] polski\n[ ] angielski');
    expect(preface(r)).toContain(tx(lang, 'onboarding.setup.intro1'));
  });

  it.each(LANGS)('the second part keeps the reminders example, hidden by the current reminders, in its preface (%s)', async (lang) => {
    // Reminders other than the example, so the field's value hides the example.
    await tb.mem.command(facilitator, '/supervision remind 48h,2h');
    await setupAgain(lang);
    const next = await tb.mem.fill(facilitator, { lang: 'pl', zone: 'Europe/Warsaw', promptChannel: '#refleksja', promptDay: '5', promptTime: '09:00' });
    const r = renderModal((next as { form: Form }).form, 0, 'x', lang);
    await tb.mem.command(facilitator, '/supervision remind 24h,1h');
    expect(input(r, 'reminders').value).toBe('2d,2h');
    expect(preface(r)).toContain(lang === 'en' ? 'Reminders before supervision: e.g. 24h,1h' : 'Przypomnienia przed superwizją: np. 24h,1h');
  });

  it('reads the modal sent back unchanged as the same Friday and language', async () => {
    const form = await setupAgain('pl');
    const typed = Object.fromEntries(inputs(renderModal(form, 0, 'x', 'pl')).map((i) => [i.custom_id, i.value ?? '']));
    const { values, errors } = validateForm(form, toRawValues(form.fields, typed));
    expect(errors).toEqual({});
    expect(values).toMatchObject({ lang: 'pl', promptDay: '5', promptTime: '09:00' });
  });
});

describe('limits on every real form', () => {
  const forms = (lang: Lang) => [...VARIANTS.map((v) => buildForm(lang, v)), caseForm(lang), caseForm(lang, undefined, { title: 't', body: 'b', question: 'q', tags: ['risk'] } as never)];
  it.each(LANGS)('keeps labels within 45 and placeholders within 100 characters, and every option of every choice in sight (%s)', (lang) => {
    for (const form of forms(lang)) {
      formSteps(form).forEach((fields, step) => {
        const r = renderModal(form, step, 'x', lang);
        for (const i of inputs(r)) {
          expect(i.label!.length).toBeLessThanOrEqual(DISCORD_LIMITS.inputLabel);
          expect((i.placeholder ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.inputPlaceholder);
          const f = fields.find((x) => x.id === i.custom_id)!;
          if (f.kind === 'choice') for (const o of f.options) expect(visible(i), `${form.id}/${f.id}`).toContain(o.label);
        }
      });
    }
  });
});
