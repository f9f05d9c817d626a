// The fake Slack's Block Kit checks: every documented limit refuses at one over and takes exactly at it, every
// placement and reference rule refuses what Slack refuses, and the fake answers and records a refusal as Slack would.
import { LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { checkAck, checkCall, checkMessage, checkView, type BlockKitProblem } from './slack/block-kit.js';
import { startFakeSlack } from './slack/server.js';

type Obj = Record<string, unknown>;
const x = (n: number) => 'x'.repeat(n);
const pt = (text: string) => ({ type: 'plain_text', text });
const md = (text: string) => ({ type: 'mrkdwn', text });
const section = (text = 'Hi'): Obj => ({ type: 'section', text: md(text) });
const button = (o: Obj = {}): Obj => ({ type: 'button', action_id: 'go', text: pt('Go'), ...o });
const option = (value: string, o: Obj = {}): Obj => ({ text: pt(value), value, ...o });
const options = (n: number) => Array.from({ length: n }, (_, i) => option(`v${i}`));
const input = (element: Obj, o: Obj = {}): Obj => ({ type: 'input', block_id: 'f', label: pt('Label'), element, ...o });
const message = (...blocks: Obj[]) => checkMessage({ blocks });
const modal = (o: Obj = {}) => checkView({ type: 'modal', title: pt('Form'), submit: pt('Send'), blocks: [], ...o });
const inModal = (element: Obj) => modal({ blocks: [input(element)] });
const actions = (...elements: Obj[]): Obj => ({ type: 'actions', elements });
const confirm = (o: Obj = {}): Obj => ({ title: pt('Sure?'), text: pt('It cannot be undone.'), confirm: pt('Yes'), deny: pt('No'), ...o });

/** Each limit: the payload at size n, and where the one problem of n + 1 is. */
const LIMITS: [rule: string, limit: number, at: (n: number) => BlockKitProblem[], pointer: string][] = [
  ['section text ≤ 3000', 3000, (n) => message(section(x(n))), '/blocks/0/text/text'],
  ['section fields ≤ 10', 10, (n) => message({ type: 'section', fields: Array.from({ length: n }, () => md('f')) }), '/blocks/0/fields'],
  ['section field text ≤ 2000', 2000, (n) => message({ type: 'section', fields: [md(x(n))] }), '/blocks/0/fields/0/text'],
  ['header text ≤ 150', 150, (n) => message({ type: 'header', text: pt(x(n)) }), '/blocks/0/text/text'],
  ['context elements ≤ 10', 10, (n) => message({ type: 'context', elements: Array.from({ length: n }, () => md('c')) }), '/blocks/0/elements'],
  ['text object text ≤ 3000', 3000, (n) => message({ type: 'context', elements: [md(x(n))] }), '/blocks/0/elements/0/text'],
  ['actions elements ≤ 25', 25, (n) => message(actions(...Array.from({ length: n }, (_, i) => button({ action_id: `a${i}` })))), '/blocks/0/elements'],
  ['message blocks ≤ 50', 50, (n) => message(...Array.from({ length: n }, () => section())), '/blocks'],
  ['modal blocks ≤ 100', 100, (n) => modal({ blocks: Array.from({ length: n }, () => section()) }), '/view/blocks'],
  ['home blocks ≤ 100', 100, (n) => checkView({ type: 'home', blocks: Array.from({ length: n }, () => section()) }), '/view/blocks'],
  ['button text ≤ 75', 75, (n) => message(actions(button({ text: pt(x(n)) }))), '/blocks/0/elements/0/text/text'],
  ['button value ≤ 2000', 2000, (n) => message(actions(button({ value: x(n) }))), '/blocks/0/elements/0/value'],
  ['button url ≤ 3000', 3000, (n) => message(actions(button({ url: `https://${x(n - 8)}` }))), '/blocks/0/elements/0/url'],
  ['button accessibility_label ≤ 75', 75, (n) => message(actions(button({ accessibility_label: x(n) }))), '/blocks/0/elements/0/accessibility_label'],
  ['action_id ≤ 255', 255, (n) => message(actions(button({ action_id: x(n) }))), '/blocks/0/elements/0/action_id'],
  ['block_id ≤ 255', 255, (n) => message({ ...section(), block_id: x(n) }), '/blocks/0/block_id'],
  ['confirm title ≤ 100', 100, (n) => message(actions(button({ confirm: confirm({ title: pt(x(n)) }) }))), '/blocks/0/elements/0/confirm/title/text'],
  ['confirm text ≤ 300', 300, (n) => message(actions(button({ confirm: confirm({ text: pt(x(n)) }) }))), '/blocks/0/elements/0/confirm/text/text'],
  ['confirm button ≤ 30', 30, (n) => message(actions(button({ confirm: confirm({ confirm: pt(x(n)) }) }))), '/blocks/0/elements/0/confirm/confirm/text'],
  ['deny button ≤ 30', 30, (n) => message(actions(button({ confirm: confirm({ deny: pt(x(n)) }) }))), '/blocks/0/elements/0/confirm/deny/text'],
  ['select options ≤ 100', 100, (n) => inModal({ type: 'static_select', options: options(n) }), '/view/blocks/0/element/options'],
  ['select options ≤ 100', 100, (n) => inModal({ type: 'multi_static_select', options: options(n) }), '/view/blocks/0/element/options'],
  ['option_groups ≤ 100', 100, (n) => inModal({ type: 'static_select', option_groups: Array.from({ length: n }, (_, i) => ({ label: pt('g'), options: [option(`g${i}`)] })) }), '/view/blocks/0/element/option_groups'],
  ['option group options ≤ 100', 100, (n) => inModal({ type: 'static_select', option_groups: [{ label: pt('g'), options: options(n) }] }), '/view/blocks/0/element/option_groups/0/options'],
  ['option group label ≤ 75', 75, (n) => inModal({ type: 'static_select', option_groups: [{ label: pt(x(n)), options: options(1) }] }), '/view/blocks/0/element/option_groups/0/label/text'],
  ['option text ≤ 75', 75, (n) => inModal({ type: 'static_select', options: [{ text: pt(x(n)), value: 'v' }] }), '/view/blocks/0/element/options/0/text/text'],
  ['option value ≤ 150', 150, (n) => inModal({ type: 'static_select', options: [option('a', { value: x(n) })] }), '/view/blocks/0/element/options/0/value'],
  ['option description ≤ 75', 75, (n) => inModal({ type: 'radio_buttons', options: [option('a', { description: pt(x(n)) })] }), '/view/blocks/0/element/options/0/description/text'],
  ['placeholder ≤ 150', 150, (n) => inModal({ type: 'plain_text_input', placeholder: pt(x(n)) }), '/view/blocks/0/element/placeholder/text'],
  ['placeholder ≤ 150', 150, (n) => inModal({ type: 'static_select', placeholder: pt(x(n)), options: options(1) }), '/view/blocks/0/element/placeholder/text'],
  ['radio_buttons options ≤ 10', 10, (n) => inModal({ type: 'radio_buttons', options: options(n) }), '/view/blocks/0/element/options'],
  ['checkboxes options ≤ 10', 10, (n) => inModal({ type: 'checkboxes', options: options(n) }), '/view/blocks/0/element/options'],
  ['overflow options ≤ 5', 5, (n) => message({ ...section(), accessory: { type: 'overflow', action_id: 'o', options: options(n) } }), '/blocks/0/accessory/options'],
  ['plain_text_input max_length 1–3000', 3000, (n) => inModal({ type: 'plain_text_input', max_length: n }), '/view/blocks/0/element/max_length'],
  ['plain_text_input min_length 0–3000', 3000, (n) => inModal({ type: 'plain_text_input', min_length: n }), '/view/blocks/0/element/min_length'],
  ['input label ≤ 2000', 2000, (n) => modal({ blocks: [input({ type: 'plain_text_input' }, { label: pt(x(n)) })] }), '/view/blocks/0/label/text'],
  ['input hint ≤ 2000', 2000, (n) => modal({ blocks: [input({ type: 'plain_text_input' }, { hint: pt(x(n)) })] }), '/view/blocks/0/hint/text'],
  ['image alt_text ≤ 2000', 2000, (n) => message({ type: 'image', image_url: 'https://example.org/a.png', alt_text: x(n) }), '/blocks/0/alt_text'],
  ['modal title ≤ 24', 24, (n) => modal({ title: pt(x(n)) }), '/view/title/text'],
  ['modal submit ≤ 24', 24, (n) => modal({ submit: pt(x(n)) }), '/view/submit/text'],
  ['modal close ≤ 24', 24, (n) => modal({ close: pt(x(n)) }), '/view/close/text'],
  ['private_metadata ≤ 3000', 3000, (n) => modal({ private_metadata: x(n) }), '/view/private_metadata'],
  ['private_metadata ≤ 3000', 3000, (n) => checkView({ type: 'home', blocks: [], private_metadata: x(n) }), '/view/private_metadata'],
  ['callback_id ≤ 255', 255, (n) => modal({ callback_id: x(n) }), '/view/callback_id'],
];

describe('Block Kit limits, from Slack’s reference pages', () => {
  it('takes a message the bot typically sends', () => {
    const problems = message(
      { type: 'context', elements: [md('*Colleague A*')] },
      { type: 'header', text: pt('Case #7'), block_id: 'h' },
      section('A *case* with <https://example.org|a link>'),
      { type: 'section', fields: [md('*When*\nMonday'), md('*Where*\n#sup')] },
      { type: 'divider' },
      actions(button({ action_id: 'yes', style: 'primary', value: '7' }), button({ action_id: 'no', style: 'danger', confirm: confirm({ style: 'danger' }) })),
    );
    expect(problems).toEqual([]);
  });

  it.each(LIMITS)('%s: takes exactly %i, refuses one more', (rule, limit, at, pointer) => {
    expect(at(limit)).toEqual([]);
    const over = at(limit + 1);
    expect(over).toHaveLength(1);
    expect(over[0]).toMatchObject({ rule, pointer });
    expect(over[0]!.doc).toMatch(/^https:\/\/docs\.slack\.dev\/reference\//);
  });

  it('words a length refusal as Slack does, one past the limit', () => {
    expect(modal({ title: pt(x(25)) })[0]!.message).toBe('must be less than 25 characters');
    expect(message(section(x(3001)))[0]!.message).toBe('must be less than 3001 characters');
    expect(message(...Array.from({ length: 51 }, () => section()))[0]!.message).toBe('no more than 50 items allowed');
  });

  it('counts a character outside the Basic Multilingual Plane as two, the stricter reading of “characters”', () => {
    expect(message({ type: 'header', text: pt('🙂'.repeat(75)) })).toEqual([]);
    expect(message({ type: 'header', text: pt(`${'🙂'.repeat(75)}x`) })).toHaveLength(1);
  });
});

describe('Block Kit rules beyond lengths', () => {
  const rules = (problems: BlockKitProblem[]) => problems.map((p) => `${p.pointer} ${p.rule}`);

  it('refuses empty text and takes one character', () => {
    expect(message(section(''))).toMatchObject([{ pointer: '/blocks/0/text/text', message: 'must be more than 0 characters' }]);
    expect(message(section('x'))).toEqual([]);
    expect(message(actions(button({ text: pt('') })))).toHaveLength(1);
  });

  it('takes only plain_text where Slack says so, and emoji and verbatim only on their own type', () => {
    expect(rules(message({ type: 'header', text: md('*Hi*') }))).toEqual(['/blocks/0/text/type header text ≤ 150: plain_text only']);
    expect(rules(message(actions(button({ text: md('Go') }))))).toEqual(['/blocks/0/elements/0/text/type button text ≤ 75: plain_text only']);
    expect(rules(modal({ title: md('Form') }))).toEqual(['/view/title/type modal title ≤ 24: plain_text only']);
    expect(rules(modal({ blocks: [input({ type: 'plain_text_input' }, { label: md('L') })] }))).toEqual(['/view/blocks/0/label/type input label ≤ 2000: plain_text only']);
    expect(rules(inModal({ type: 'static_select', options: [{ text: md('a'), value: 'a' }] }))).toEqual(['/view/blocks/0/element/options/0/text/type option text ≤ 75: plain_text only']);
    // Radio buttons and checkboxes may show mrkdwn options.
    expect(inModal({ type: 'radio_buttons', options: [{ text: md('*a*'), value: 'a' }] })).toEqual([]);
    expect(rules(message({ type: 'section', text: { ...md('x'), emoji: true } }))).toEqual(['/blocks/0/text/emoji text object emoji only on plain_text']);
    expect(rules(message({ type: 'section', text: { ...pt('x'), verbatim: true } }))).toEqual(['/blocks/0/text/verbatim text object verbatim only on mrkdwn']);
    expect(rules(message({ type: 'section', text: { type: 'markdown', text: 'x' } }))).toEqual(['/blocks/0/text/type text object type']);
  });

  it('takes each block only on the surfaces Slack lists it for', () => {
    // The current Blocks page lists the input block for messages as well as modals and Home tabs.
    expect(message(input({ type: 'plain_text_input', action_id: 'v' }))).toEqual([]);
    expect(rules(modal({ blocks: [{ type: 'file', external_id: 'x', source: 'remote' }] }))).toEqual(['/view/blocks/0/type file block not in a modal']);
    expect(rules(message({ type: 'carousel' }))).toEqual(['/blocks/0/type known block type']);
    expect(rules(message(input({ type: 'email_text_input' })))).toEqual(['/blocks/0/element/type email_text_input not in a message']);
    expect(modal({ blocks: [input({ type: 'email_text_input' })] })).toEqual([]);
  });

  it('takes each element only in the blocks Slack lists it for', () => {
    expect(rules(message({ ...section(), accessory: { type: 'plain_text_input' } }))).toEqual(['/blocks/0/accessory/type element allowed in a section accessory']);
    expect(rules(message(actions({ type: 'plain_text_input' })))).toEqual(['/blocks/0/elements/0/type element allowed in an actions block']);
    expect(rules(modal({ blocks: [input(button())] }))).toEqual(['/view/blocks/0/element/type element allowed in an input block']);
    expect(rules(message({ type: 'context', elements: [button()] }))).toEqual(['/blocks/0/elements/0/type context elements: images and text']);
    expect(message({ type: 'context', elements: [{ type: 'image', image_url: 'https://example.org/a.png', alt_text: 'a' }, md('b')] })).toEqual([]);
    expect(message({ ...section(), accessory: button() })).toEqual([]);
  });

  it('refuses a block_id used twice in one message or view, and an action_id used twice in one block', () => {
    expect(rules(message({ ...section(), block_id: 'a' }, { ...section(), block_id: 'a' }))).toEqual(['/blocks/1/block_id block_id unique in a message or view']);
    expect(rules(modal({ blocks: [input({ type: 'plain_text_input' }), input({ type: 'plain_text_input' })] }))).toEqual(['/view/blocks/1/block_id block_id unique in a message or view']);
    expect(rules(message(actions(button(), button())))).toEqual(['/blocks/0/elements/1/action_id action_id unique in its block']);
    // The same action_id in two blocks is Slack's to take (the rule is per containing block).
    expect(message(actions(button()), actions(button()))).toEqual([]);
  });

  it('takes an initial option only when it exactly matches one of the options', () => {
    const opts = [option('a'), option('b')];
    expect(inModal({ type: 'static_select', options: opts, initial_option: option('b') })).toEqual([]);
    expect(inModal({ type: 'static_select', options: opts, initial_option: { value: 'b', text: pt('b') } })).toEqual([]);
    expect(rules(inModal({ type: 'static_select', options: opts, initial_option: option('c') }))).toEqual(['/view/blocks/0/element/initial_option initial option exactly one of the options']);
    expect(rules(inModal({ type: 'radio_buttons', options: opts, initial_option: { text: pt('B'), value: 'b' } }))).toEqual(['/view/blocks/0/element/initial_option initial option exactly one of the options']);
    expect(rules(inModal({ type: 'checkboxes', options: opts, initial_options: [option('a'), option('z')] }))).toEqual(['/view/blocks/0/element/initial_options/1 initial option exactly one of the options']);
    const grouped = { type: 'multi_static_select', option_groups: [{ label: pt('g'), options: opts }] };
    expect(inModal({ ...grouped, initial_options: [option('a')] })).toEqual([]);
  });

  it('refuses duplicate option values, options beside option_groups, a url outside an overflow menu and max_selected_items 0', () => {
    expect(rules(inModal({ type: 'static_select', options: [option('a'), option('a')] }))).toEqual(['/view/blocks/0/element/options/1/value option value unique']);
    expect(rules(inModal({ type: 'static_select', options: [option('a')], option_groups: [{ label: pt('g'), options: [option('b')] }] }))).toEqual(['/view/blocks/0/element options or option_groups, exactly one']);
    expect(rules(inModal({ type: 'static_select', options: [option('a', { url: 'https://example.org' })] }))).toEqual(['/view/blocks/0/element/options/0/url option url only in overflow menus']);
    expect(rules(inModal({ type: 'multi_static_select', options: [option('a')], max_selected_items: 0 }))).toEqual(['/view/blocks/0/element/max_selected_items max_selected_items ≥ 1']);
  });

  it('asks a modal for a title, and for submit once it has an input block', () => {
    expect(rules(checkView({ type: 'modal', blocks: [] }))).toEqual(['/view/title modal title ≤ 24']);
    expect(rules(modal({ submit: undefined, blocks: [input({ type: 'plain_text_input' })] }))).toEqual(['/view/submit modal with an input block needs submit']);
    expect(modal({ submit: undefined, blocks: [section()] })).toEqual([]);
    expect(rules(checkView({ type: 'dialog', blocks: [] }))).toEqual(['/view/type view type modal or home']);
  });

  it('checks a confirmation dialog, a conversation filter and a button style', () => {
    expect(rules(message(actions(button({ confirm: { title: pt('t'), text: pt('x') } }))))).toEqual([
      '/blocks/0/elements/0/confirm/confirm confirm button ≤ 30',
      '/blocks/0/elements/0/confirm/deny deny button ≤ 30',
    ]);
    expect(rules(message(actions(button({ confirm: confirm({ text: md('x') }) }))))).toEqual(['/blocks/0/elements/0/confirm/text/type confirm text ≤ 300: plain_text only']);
    expect(rules(message(actions(button({ style: 'warning' }))))).toEqual(['/blocks/0/elements/0/style button style primary or danger']);
    expect(inModal({ type: 'conversations_select', filter: { include: ['public', 'private'], exclude_bot_users: true } })).toEqual([]);
    expect(rules(inModal({ type: 'conversations_select', filter: { include: [] } }))).toEqual(['/view/blocks/0/element/filter/include filter include not empty']);
    expect(rules(inModal({ type: 'conversations_select', filter: { include: ['channels'] } }))).toEqual(['/view/blocks/0/element/filter/include/0 filter include: im, mpim, private, public']);
  });
});

describe('Block Kit refusals, answered as Slack answers them', () => {
  it('refuses a message as invalid_blocks and a view as invalid_arguments, with Slack’s [ERROR] lines', () => {
    expect(checkCall('chat.postMessage', { channel: 'C1', blocks: [section(x(3001))] })).toMatchObject({
      error: 'invalid_blocks',
      messages: ['[ERROR] must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
    });
    expect(checkCall('views.open', { trigger_id: '1', view: { type: 'modal', title: pt(x(25)), blocks: [] } })).toMatchObject({
      error: 'invalid_arguments',
      messages: ['[ERROR] must be less than 25 characters [json-pointer:/view/title/text]'],
    });
    expect(checkCall('response_url', { response_type: 'ephemeral', blocks: [section()] })).toBeUndefined();
    expect(checkCall('response_url', { response_type: 'private', blocks: [section()] })?.problems[0]?.rule).toBe('response_type ephemeral or in_channel');
    expect(checkCall('conversations.info', { channel: 'C1' })).toBeUndefined();
    expect(checkAck({ response_action: 'update', view: { type: 'modal', title: pt('T'), blocks: [input({ type: 'plain_text_input' })] } })?.error).toBe('invalid_arguments');
    expect(checkAck({ response_action: 'errors', errors: { f: 'Too long' } })).toBeUndefined();
  });

  it('answers and records the refusal, lets waitFor pass it by and fails close() naming rule and pointer', async () => {
    const fake = await startFakeSlack({ socketPingMs: 0 });
    const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 } });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: [{ type: 'header', text: pt(x(151)) }] as never })).rejects.toMatchObject({
      data: { ok: false, error: 'invalid_blocks', response_metadata: { messages: ['[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text/text]'] } },
    });
    await expect(client.views.open({ trigger_id: '1.2', view: { type: 'modal', title: pt('Form'), blocks: [input({ type: 'plain_text_input' })] } as never })).rejects.toMatchObject({
      data: { error: 'invalid_arguments', response_metadata: { messages: ['[ERROR] submit is required when an input block is within the blocks array [json-pointer:/view/submit]'] } },
    });
    expect(fake.messagesIn('C1')).toHaveLength(0);
    expect(fake.refusals().map((c) => c.method)).toEqual(['chat.postMessage', 'views.open']);

    const refusedAnswer = await fetch(fake.responseUrl('R1'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ blocks: [section('')] }) });
    expect(refusedAnswer.status).toBe(400);
    await expect(fake.waitFor('response_url', undefined, 50)).rejects.toThrow(/response_url refused \(invalid_blocks\):\n {2}\/blocks\/0\/text\/text: text object text ≥ 1/);

    fake.clear();
    expect(fake.refusals()).toHaveLength(3);
    await expect(fake.close()).rejects.toThrow(/\/blocks\/0\/text\/text: header text ≤ 150 — must be less than 151 characters \(https:\/\/docs\.slack\.dev\/reference\/block-kit\/blocks\/header-block\)/);
  });

  it('refuses blocks that are each valid but carry more than 12,000 characters of text together, as msg_blocks_too_long', async () => {
    // Every text counts, a button's too: three full sections, one of 2,990 and a 10-character button make 12,000.
    const blocks = (extra: number) => [section(x(3000)), section(x(3000)), section(x(3000)), section(x(2990 + extra)), actions(button({ text: pt(x(10)) }))];
    for (const method of ['chat.postMessage', 'chat.postEphemeral', 'chat.update', 'response_url']) {
      expect(checkCall(method, { channel: 'C1', blocks: blocks(0) }), method).toBeUndefined();
      expect(checkCall(method, { channel: 'C1', blocks: blocks(1) }), method).toMatchObject({ error: 'msg_blocks_too_long', problems: [{ pointer: '/blocks' }] });
    }
    // A block Slack refuses on its own is named as that, not as the total.
    expect(checkCall('chat.postMessage', { blocks: [...blocks(1), section('')] })?.error).toBe('invalid_blocks');
    expect(checkCall('chat.postMessage', { blocks: blocks(1) })?.problems[0]?.doc).toBe('https://github.com/slackapi/bolt-js/issues/2509');

    const fake = await startFakeSlack({ socketPingMs: 0, blockKit: 'refuse' });
    try {
      const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 } });
      expect((await client.chat.postMessage({ channel: 'C1', text: 'x', blocks: blocks(0) as never })).ok).toBe(true);
      // Slack says only which error, nothing of what or by how much (bolt-js #2867).
      const refused = await client.chat.postMessage({ channel: 'C1', text: 'x', blocks: blocks(1) as never }).catch((e: { data: unknown }) => e.data);
      expect(refused).toMatchObject({ ok: false, error: 'msg_blocks_too_long' });
      expect(refused).not.toHaveProperty('errors');
      expect(fake.messagesIn('C1')).toHaveLength(1);
      const answer = await fetch(fake.responseUrl('R1'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ blocks: blocks(1) }) });
      expect(answer.status).toBe(400);
      expect(await answer.json()).toEqual({ ok: false, error: 'msg_blocks_too_long' });
      expect(fake.refusals().map((c) => [c.method, c.refused!.error])).toEqual([
        ['chat.postMessage', 'msg_blocks_too_long'],
        ['response_url', 'msg_blocks_too_long'],
      ]);
    } finally {
      await fake.close();
    }
  });

  it('truncates rather than refuses a text past 40,000 characters, with Slack’s warning', async () => {
    const fake = await startFakeSlack({ socketPingMs: 0 });
    try {
      const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR });
      const res = await client.chat.postMessage({ channel: 'C1', text: x(40_001) });
      expect(res.ok).toBe(true);
      expect(res.response_metadata?.warnings).toEqual(['message_truncated']);
      expect((await client.chat.postMessage({ channel: 'C1', text: x(40_000) })).response_metadata?.warnings).toBeUndefined();
    } finally {
      await fake.close();
    }
  });

  it('refuses a message with neither text, blocks nor attachments as no_text, ephemeral or not', async () => {
    const fake = await startFakeSlack({ socketPingMs: 0 });
    try {
      const client = new WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 } });
      await expect(client.chat.postMessage({ channel: 'C1' } as never)).rejects.toMatchObject({ data: { error: 'no_text' } });
      await expect(client.chat.postEphemeral({ channel: 'C1', user: 'U1' } as never)).rejects.toMatchObject({ data: { error: 'no_text' } });
      expect((await client.chat.postEphemeral({ channel: 'C1', user: 'U1', blocks: [section()] as never })).ok).toBe(true);
    } finally {
      await fake.close();
    }
  });

  it('takes anything with blockKit off, and refuses without failing close() with blockKit refuse', async () => {
    const off = await startFakeSlack({ socketPingMs: 0, blockKit: 'off' });
    const offClient = new WebClient('xoxb-test', { slackApiUrl: off.apiUrl, logLevel: LogLevel.ERROR });
    expect((await offClient.chat.postMessage({ channel: 'C1', text: 'x', blocks: [section('')] as never })).ok).toBe(true);
    await off.close();
    const lenient = await startFakeSlack({ socketPingMs: 0, blockKit: 'refuse' });
    const client = new WebClient('xoxb-test', { slackApiUrl: lenient.apiUrl, logLevel: LogLevel.ERROR, retryConfig: { retries: 0 } });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x', blocks: [section('')] as never })).rejects.toMatchObject({ data: { error: 'invalid_blocks' } });
    await expect(lenient.close()).resolves.toBeUndefined();
  });
});
