// Block Kit as Slack checks it, written from Slack's reference pages (not from our limits table): what the bot sends in
// messages, modals and the Home tab, refused the way Slack refuses it, each problem naming its rule and JSON pointer.
// One rule is observed rather than documented: the text of a message's blocks together (BLOCK_TEXT_TOTAL).
//
// Lengths count UTF-16 code units. Slack's pages say "characters" without saying which; a string within a limit in
// UTF-16 units is within it in code points too, so a renderer that passes here passes Slack either way.

const REF = 'https://docs.slack.dev/reference';
/** The page each rule comes from. */
export const DOCS = {
  blocks: `${REF}/block-kit/blocks`,
  section: `${REF}/block-kit/blocks/section-block`,
  header: `${REF}/block-kit/blocks/header-block`,
  context: `${REF}/block-kit/blocks/context-block`,
  actions: `${REF}/block-kit/blocks/actions-block`,
  image: `${REF}/block-kit/blocks/image-block`,
  input: `${REF}/block-kit/blocks/input-block`,
  elements: `${REF}/block-kit/block-elements`,
  button: `${REF}/block-kit/block-elements/button-element`,
  select: `${REF}/block-kit/block-elements/select-menu-element`,
  multiSelect: `${REF}/block-kit/block-elements/multi-select-menu-element`,
  radio: `${REF}/block-kit/block-elements/radio-button-group-element`,
  checkboxes: `${REF}/block-kit/block-elements/checkboxes-element`,
  overflow: `${REF}/block-kit/block-elements/overflow-menu-element`,
  plainTextInput: `${REF}/block-kit/block-elements/plain-text-input-element`,
  imageElement: `${REF}/block-kit/block-elements/image-element`,
  datepicker: `${REF}/block-kit/block-elements/date-picker-element`,
  timepicker: `${REF}/block-kit/block-elements/time-picker-element`,
  text: `${REF}/block-kit/composition-objects/text-object`,
  option: `${REF}/block-kit/composition-objects/option-object`,
  optionGroup: `${REF}/block-kit/composition-objects/option-group-object`,
  confirm: `${REF}/block-kit/composition-objects/confirmation-dialog-object`,
  filter: `${REF}/block-kit/composition-objects/conversation-filter-object`,
  modal: `${REF}/views/modal-views`,
  home: `${REF}/views/home-tab-views`,
  postMessage: `${REF}/methods/chat.postMessage`,
  responseUrl: 'https://docs.slack.dev/interactivity/handling-user-interaction#message_responses',
  truncating: 'https://api.slack.com/changelog/2018-04-truncating-really-long-messages',
} as const;

export type Surface = 'message' | 'modal' | 'home';

export interface BlockKitProblem {
  /** Which documented rule, e.g. "section text ≤ 3000", with the page it comes from in `doc`. */
  rule: string;
  doc: string;
  /** JSON pointer into the request, as Slack writes it: `/blocks/3/text/text`, `/view/title/text`. */
  pointer: string;
  /** Slack's wording where it is known ("must be less than 3001 characters"), else a plain statement. */
  message: string;
}

export interface BlockKitRefusal {
  /**
   * `invalid_blocks` for messages, `invalid_arguments` for views, as Slack answers each; `msg_blocks_too_long` for a
   * message whose blocks are each valid but too much text together (see BLOCK_TEXT_TOTAL).
   */
  error: 'invalid_blocks' | 'invalid_arguments' | 'msg_blocks_too_long';
  problems: BlockKitProblem[];
  /** `response_metadata.messages`: `[ERROR] … [json-pointer:…]` per problem. */
  messages: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Element types by the blocks that take them (@slack/types' SectionBlockAccessory, ActionsBlockElement, …). */
const SELECTS = ['static_select', 'external_select', 'users_select', 'conversations_select', 'channels_select'];
const MULTI_SELECTS = SELECTS.map((s) => `multi_${s}`);
const SECTION_ACCESSORY = new Set(['button', 'checkboxes', 'datepicker', 'image', ...MULTI_SELECTS, 'overflow', 'radio_buttons', ...SELECTS, 'timepicker', 'workflow_button']);
const ACTIONS_ELEMENTS = new Set(['button', 'checkboxes', 'datepicker', 'datetimepicker', ...MULTI_SELECTS, 'overflow', 'radio_buttons', ...SELECTS, 'timepicker', 'workflow_button', 'rich_text_input']);
const INPUT_ELEMENTS = new Set([
  'checkboxes', 'datepicker', 'datetimepicker', 'email_text_input', 'file_input', ...MULTI_SELECTS, 'number_input', 'plain_text_input',
  'radio_buttons', 'rich_text_input', ...SELECTS, 'timepicker', 'url_text_input',
]);

/** Surfaces by block type ("Blocks" page: up to 50 blocks in a message, 100 in modals or Home tabs). */
const ALL: readonly Surface[] = ['message', 'modal', 'home'];
const BLOCK_SURFACES: Record<string, readonly Surface[]> = {
  actions: ALL,
  context: ALL,
  divider: ALL,
  header: ALL,
  image: ALL,
  // Older pages listed input for modals and Home tabs only; the current Blocks page lists messages too.
  input: ALL,
  rich_text: ALL,
  section: ALL,
  video: ALL,
  file: ['message'],
  markdown: ['message'],
  table: ['message'],
  context_actions: ['message'],
};

/** Surfaces by element type, where the block elements page names fewer than all three. */
const ELEMENT_SURFACES: Record<string, readonly Surface[]> = {
  datetimepicker: ['message', 'modal'],
  email_text_input: ['modal'],
  file_input: ['modal'],
  number_input: ['modal'],
  url_text_input: ['modal'],
  rich_text_input: ['modal', 'home'],
  workflow_button: ['message'],
};

const MAX_BLOCKS: Record<Surface, number> = { message: 50, modal: 100, home: 100 };

/** One walk over a payload, collecting every problem (Slack lists them all, not just the first). */
class Check {
  readonly problems: BlockKitProblem[] = [];
  /** block_ids seen in this message or view. */
  private readonly blockIds = new Map<string, string>();

  constructor(readonly surface: Surface) {}

  add(pointer: string, rule: string, doc: string, message: string): void {
    this.problems.push({ rule, doc, pointer, message });
  }

  /** A string of at most `max` (and, when `min` is given, at least `min`) characters; `required` when it must be there. */
  string(v: unknown, ptr: string, o: { max?: number; min?: number; required?: boolean; rule: string; doc: string }): v is string {
    if (v === undefined) {
      if (o.required) this.add(ptr, o.rule, o.doc, 'missing required field');
      return false;
    }
    if (typeof v !== 'string') {
      this.add(ptr, o.rule, o.doc, 'must be a string');
      return false;
    }
    if (o.min !== undefined && v.length < o.min) this.add(ptr, o.rule, o.doc, `must be more than ${o.min - 1} characters`);
    if (o.max !== undefined && v.length > o.max) this.add(ptr, o.rule, o.doc, `must be less than ${o.max + 1} characters`);
    return true;
  }

  /** An array of at most `max` items (at least `min`); returns it, or undefined when it is not one. */
  array(v: unknown, ptr: string, o: { max?: number; min?: number; required?: boolean; rule: string; doc: string }): unknown[] | undefined {
    if (v === undefined) {
      if (o.required) this.add(ptr, o.rule, o.doc, 'missing required field');
      return undefined;
    }
    if (!Array.isArray(v)) {
      this.add(ptr, o.rule, o.doc, 'must be an array');
      return undefined;
    }
    if (o.min !== undefined && v.length < o.min) this.add(ptr, o.rule, o.doc, `must provide at least ${o.min} items`);
    if (o.max !== undefined && v.length > o.max) this.add(ptr, o.rule, o.doc, `no more than ${o.max} items allowed`);
    return v;
  }

  /**
   * A text object (Text object page): type plain_text or mrkdwn, text of 1 to 3000 characters, `emoji` only on
   * plain_text, `verbatim` only on mrkdwn. `plain`: the field takes plain_text only; `max`: the field's own limit.
   */
  text(v: unknown, ptr: string, o: { plain?: boolean; max?: number; required?: boolean; rule: string; doc: string }): void {
    if (v === undefined) {
      if (o.required) this.add(ptr, o.rule, o.doc, 'missing required field');
      return;
    }
    if (!isObj(v)) return this.add(ptr, 'text object', DOCS.text, 'must be a text object');
    if (v.type !== 'plain_text' && v.type !== 'mrkdwn') return this.add(`${ptr}/type`, 'text object type', DOCS.text, `unsupported type: ${String(v.type)}`);
    if (o.plain && v.type !== 'plain_text') this.add(`${ptr}/type`, `${o.rule}: plain_text only`, o.doc, 'must be plain_text');
    if (v.emoji !== undefined && v.type !== 'plain_text') this.add(`${ptr}/emoji`, 'text object emoji only on plain_text', DOCS.text, 'emoji is only usable when type is plain_text');
    if (v.verbatim !== undefined && v.type !== 'mrkdwn') this.add(`${ptr}/verbatim`, 'text object verbatim only on mrkdwn', DOCS.text, 'verbatim is only usable when type is mrkdwn');
    if (typeof v.text !== 'string') return this.add(`${ptr}/text`, 'text object text', DOCS.text, 'missing required field');
    if (v.text.length === 0) this.add(`${ptr}/text`, 'text object text ≥ 1', DOCS.text, 'must be more than 0 characters');
    const max = Math.min(o.max ?? 3000, 3000);
    if (v.text.length > max) this.add(`${ptr}/text`, o.max !== undefined ? o.rule : 'text object text ≤ 3000', o.max !== undefined ? o.doc : DOCS.text, `must be less than ${max + 1} characters`);
  }

  blocks(v: unknown, ptr: string): void {
    const max = MAX_BLOCKS[this.surface];
    const blocks = this.array(v, ptr, { max, rule: `${this.surface} blocks ≤ ${max}`, doc: DOCS.blocks });
    blocks?.forEach((b, i) => this.block(b, `${ptr}/${i}`));
  }

  private block(b: unknown, ptr: string): void {
    if (!isObj(b)) return this.add(ptr, 'block is an object', DOCS.blocks, 'must be an object');
    const type = String(b.type);
    const surfaces = BLOCK_SURFACES[type];
    if (!surfaces) return this.add(`${ptr}/type`, 'known block type', DOCS.blocks, `unsupported type: ${type}`);
    if (!surfaces.includes(this.surface)) this.add(`${ptr}/type`, `${type} block not in a ${this.surface}`, DOCS.blocks, `unsupported type: ${type}`);
    if (b.block_id !== undefined) {
      // "block_id should be unique for each message or view".
      if (this.string(b.block_id, `${ptr}/block_id`, { max: 255, rule: 'block_id ≤ 255', doc: DOCS.blocks }) && this.blockIds.has(b.block_id)) {
        this.add(`${ptr}/block_id`, 'block_id unique in a message or view', DOCS.input, `duplicate block_id: ${b.block_id} (also at ${this.blockIds.get(b.block_id)})`);
      }
      if (typeof b.block_id === 'string' && !this.blockIds.has(b.block_id)) this.blockIds.set(b.block_id, ptr);
    }
    const actionIds = new Map<string, string>();
    /** "action_id … should be unique among all other action_ids in the containing block". */
    const element = (e: unknown, p: string, allowed: Set<string>, where: string) => {
      this.element(e, p, allowed, where);
      if (isObj(e) && typeof e.action_id === 'string') {
        if (actionIds.has(e.action_id)) this.add(`${p}/action_id`, 'action_id unique in its block', DOCS.elements, `duplicate action_id: ${e.action_id} (also at ${actionIds.get(e.action_id)})`);
        else actionIds.set(e.action_id, p);
      }
    };
    switch (type) {
      case 'section': {
        // Section block: text 1–3000 characters, or fields (at most 10, each at most 2000); an optional accessory.
        if (b.text === undefined && b.fields === undefined) this.add(ptr, 'section needs text or fields', DOCS.section, 'must provide either text or fields');
        this.text(b.text, `${ptr}/text`, { max: 3000, rule: 'section text ≤ 3000', doc: DOCS.section });
        const fields = this.array(b.fields, `${ptr}/fields`, { max: 10, min: 1, rule: 'section fields ≤ 10', doc: DOCS.section });
        fields?.forEach((f, i) => this.text(f, `${ptr}/fields/${i}`, { max: 2000, rule: 'section field text ≤ 2000', doc: DOCS.section, required: true }));
        if (b.accessory !== undefined) element(b.accessory, `${ptr}/accessory`, SECTION_ACCESSORY, 'a section accessory');
        break;
      }
      case 'header':
        // Header block: plain_text only, at most 150 characters.
        this.text(b.text, `${ptr}/text`, { plain: true, max: 150, required: true, rule: 'header text ≤ 150', doc: DOCS.header });
        break;
      case 'context': {
        // Context block: image elements and text objects, at most 10.
        const elements = this.array(b.elements, `${ptr}/elements`, { max: 10, min: 1, required: true, rule: 'context elements ≤ 10', doc: DOCS.context });
        elements?.forEach((e, i) => {
          const p = `${ptr}/elements/${i}`;
          if (isObj(e) && e.type === 'image') this.image(e, p);
          else if (isObj(e) && e.type !== 'plain_text' && e.type !== 'mrkdwn') this.add(`${p}/type`, 'context elements: images and text', DOCS.context, `unsupported type: ${String(e.type)}`);
          else this.text(e, p, { required: true, rule: 'context element text', doc: DOCS.context });
        });
        break;
      }
      case 'actions': {
        // Actions block: at most 25 interactive elements.
        const elements = this.array(b.elements, `${ptr}/elements`, { max: 25, min: 1, required: true, rule: 'actions elements ≤ 25', doc: DOCS.actions });
        elements?.forEach((e, i) => element(e, `${ptr}/elements/${i}`, ACTIONS_ELEMENTS, 'an actions block'));
        break;
      }
      case 'input':
        // Input block: a plain_text label of at most 2000 characters, one element, an optional plain_text hint ≤ 2000.
        this.text(b.label, `${ptr}/label`, { plain: true, max: 2000, required: true, rule: 'input label ≤ 2000', doc: DOCS.input });
        this.text(b.hint, `${ptr}/hint`, { plain: true, max: 2000, rule: 'input hint ≤ 2000', doc: DOCS.input });
        if (b.element === undefined) this.add(`${ptr}/element`, 'input needs an element', DOCS.input, 'missing required field');
        else element(b.element, `${ptr}/element`, INPUT_ELEMENTS, 'an input block');
        break;
      case 'image':
        // Image block: alt_text ≤ 2000, image_url ≤ 3000 (or slack_file), an optional plain_text title ≤ 2000.
        this.string(b.alt_text, `${ptr}/alt_text`, { max: 2000, required: true, rule: 'image alt_text ≤ 2000', doc: DOCS.image });
        if (b.slack_file === undefined) this.string(b.image_url, `${ptr}/image_url`, { max: 3000, required: true, rule: 'image_url ≤ 3000', doc: DOCS.image });
        this.text(b.title, `${ptr}/title`, { plain: true, max: 2000, rule: 'image title ≤ 2000', doc: DOCS.image });
        break;
      default:
        break;
    }
  }

  /** Image element (in a section accessory or a context block): image_url ≤ 3000 (or slack_file) and alt_text. */
  private image(e: Obj, ptr: string): void {
    this.string(e.alt_text, `${ptr}/alt_text`, { required: true, rule: 'image element alt_text', doc: DOCS.imageElement });
    if (e.slack_file === undefined) this.string(e.image_url, `${ptr}/image_url`, { max: 3000, required: true, rule: 'image element image_url ≤ 3000', doc: DOCS.imageElement });
  }

  private element(e: unknown, ptr: string, allowed: Set<string>, where: string): void {
    if (!isObj(e)) return this.add(ptr, 'element is an object', DOCS.elements, 'must be an object');
    const type = String(e.type);
    if (!allowed.has(type)) return this.add(`${ptr}/type`, `element allowed in ${where}`, DOCS.elements, `unsupported type: ${type} is not allowed in ${where}`);
    const surfaces = ELEMENT_SURFACES[type];
    if (surfaces && !surfaces.includes(this.surface)) this.add(`${ptr}/type`, `${type} not in a ${this.surface}`, DOCS.elements, `unsupported type: ${type} in a ${this.surface}`);
    if (type === 'image') return this.image(e, ptr);
    this.string(e.action_id, `${ptr}/action_id`, { max: 255, rule: 'action_id ≤ 255', doc: DOCS.elements });
    this.text(e.placeholder, `${ptr}/placeholder`, { plain: true, max: 150, rule: 'placeholder ≤ 150', doc: DOCS.select });
    if (e.confirm !== undefined) this.confirm(e.confirm, `${ptr}/confirm`);
    const selectLike = type === 'static_select' || type === 'multi_static_select';
    if (type === 'button') {
      // Button element: plain_text ≤ 75, value ≤ 2000, url ≤ 3000, style primary or danger, label ≤ 75.
      this.text(e.text, `${ptr}/text`, { plain: true, max: 75, required: true, rule: 'button text ≤ 75', doc: DOCS.button });
      this.string(e.value, `${ptr}/value`, { max: 2000, rule: 'button value ≤ 2000', doc: DOCS.button });
      this.string(e.url, `${ptr}/url`, { max: 3000, rule: 'button url ≤ 3000', doc: DOCS.button });
      this.string(e.accessibility_label, `${ptr}/accessibility_label`, { max: 75, rule: 'button accessibility_label ≤ 75', doc: DOCS.button });
      if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger') this.add(`${ptr}/style`, 'button style primary or danger', DOCS.button, `unsupported style: ${String(e.style)}`);
    } else if (selectLike) {
      // Select menus of static options: options (≤ 100) or option_groups (≤ 100), not both; the initial ones must be
      // among them exactly. Multi-selects: max_selected_items at least 1.
      const opts = this.optionsOf(e, ptr, { plainOnly: true, doc: type === 'static_select' ? DOCS.select : DOCS.multiSelect });
      if (type === 'static_select') this.initial(e.initial_option, `${ptr}/initial_option`, opts, DOCS.select);
      else {
        const initial = this.array(e.initial_options, `${ptr}/initial_options`, { rule: 'initial_options', doc: DOCS.multiSelect });
        initial?.forEach((o, i) => this.initial(o, `${ptr}/initial_options/${i}`, opts, DOCS.multiSelect));
        this.minimum(e.max_selected_items, `${ptr}/max_selected_items`, 1, 'max_selected_items ≥ 1', DOCS.multiSelect);
      }
    } else if (type === 'radio_buttons' || type === 'checkboxes') {
      // Radio buttons and checkboxes: at most 10 options; their texts may be mrkdwn.
      const doc = type === 'radio_buttons' ? DOCS.radio : DOCS.checkboxes;
      const list = this.array(e.options, `${ptr}/options`, { max: 10, min: 1, required: true, rule: `${type} options ≤ 10`, doc });
      const opts = this.options(list, `${ptr}/options`, { plainOnly: false, doc });
      if (type === 'radio_buttons') this.initial(e.initial_option, `${ptr}/initial_option`, opts, doc);
      else this.array(e.initial_options, `${ptr}/initial_options`, { rule: 'initial_options', doc })?.forEach((o, i) => this.initial(o, `${ptr}/initial_options/${i}`, opts, doc));
    } else if (type === 'overflow') {
      // Overflow menu: up to 5 options, plain_text; only these options may carry a url.
      const list = this.array(e.options, `${ptr}/options`, { max: 5, min: 1, required: true, rule: 'overflow options ≤ 5', doc: DOCS.overflow });
      this.options(list, `${ptr}/options`, { plainOnly: true, doc: DOCS.overflow, urlAllowed: true });
    } else if (type === 'plain_text_input') {
      // Plain-text input: min_length 0–3000, max_length 1–3000.
      this.range(e.min_length, `${ptr}/min_length`, 0, 3000, 'plain_text_input min_length 0–3000', DOCS.plainTextInput);
      this.range(e.max_length, `${ptr}/max_length`, 1, 3000, 'plain_text_input max_length 1–3000', DOCS.plainTextInput);
      if (e.initial_value !== undefined) this.string(e.initial_value, `${ptr}/initial_value`, { rule: 'initial_value is a string', doc: DOCS.plainTextInput });
    } else if (type === 'conversations_select' || type === 'multi_conversations_select') {
      // Conversation filter: include from im, mpim, private, public and never empty; at least one field given.
      if (e.filter !== undefined) this.filter(e.filter, `${ptr}/filter`);
      if (e.initial_conversation !== undefined) this.string(e.initial_conversation, `${ptr}/initial_conversation`, { min: 1, rule: 'initial_conversation is an id', doc: DOCS.select });
      // "This field only works with menus in input blocks in modals."
      if (e.response_url_enabled !== undefined && !(this.surface === 'modal' && where === 'an input block')) {
        this.add(`${ptr}/response_url_enabled`, 'response_url_enabled only in modal input blocks', DOCS.select, 'response_url_enabled only works with menus in input blocks in modals');
      }
    } else if (type === 'datepicker') {
      if (e.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(e.initial_date))) this.add(`${ptr}/initial_date`, 'datepicker initial_date YYYY-MM-DD', DOCS.datepicker, 'must be in the format YYYY-MM-DD');
    } else if (type === 'timepicker') {
      if (e.initial_time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(String(e.initial_time))) this.add(`${ptr}/initial_time`, 'timepicker initial_time HH:mm', DOCS.timepicker, 'must be in the format HH:mm');
    }
  }

  /** options or option_groups, exactly one of them; returns every option, for initial_option(s). */
  private optionsOf(e: Obj, ptr: string, o: { plainOnly: boolean; doc: string }): unknown[] {
    if ((e.options === undefined) === (e.option_groups === undefined)) {
      this.add(ptr, 'options or option_groups, exactly one', o.doc, 'must provide exactly one of options or option_groups');
    }
    const list = this.array(e.options, `${ptr}/options`, { max: 100, min: 1, rule: 'select options ≤ 100', doc: o.doc });
    const all = this.options(list, `${ptr}/options`, o);
    const groups = this.array(e.option_groups, `${ptr}/option_groups`, { max: 100, min: 1, rule: 'option_groups ≤ 100', doc: o.doc });
    groups?.forEach((g, i) => {
      const p = `${ptr}/option_groups/${i}`;
      if (!isObj(g)) return this.add(p, 'option group is an object', DOCS.optionGroup, 'must be an object');
      // Option group: a plain_text label of at most 75 characters, at most 100 options.
      this.text(g.label, `${p}/label`, { plain: true, max: 75, required: true, rule: 'option group label ≤ 75', doc: DOCS.optionGroup });
      const inGroup = this.array(g.options, `${p}/options`, { max: 100, min: 1, required: true, rule: 'option group options ≤ 100', doc: DOCS.optionGroup });
      all.push(...this.options(inGroup, `${p}/options`, o));
    });
    return all;
  }

  /**
   * Option objects: text ≤ 75 (plain_text in selects and overflow menus, mrkdwn allowed in radio buttons and
   * checkboxes), value ≤ 150 and unique, description ≤ 75, url (≤ 3000) only in overflow menus.
   */
  private options(list: unknown[] | undefined, ptr: string, o: { plainOnly: boolean; doc: string; urlAllowed?: boolean }): unknown[] {
    const values = new Set<string>();
    (list ?? []).forEach((opt, i) => {
      const p = `${ptr}/${i}`;
      if (!isObj(opt)) return this.add(p, 'option is an object', DOCS.option, 'must be an object');
      this.text(opt.text, `${p}/text`, { plain: o.plainOnly, max: 75, required: true, rule: 'option text ≤ 75', doc: DOCS.option });
      if (this.string(opt.value, `${p}/value`, { max: 150, required: true, rule: 'option value ≤ 150', doc: DOCS.option })) {
        if (values.has(opt.value)) this.add(`${p}/value`, 'option value unique', DOCS.option, `duplicate option value: ${opt.value}`);
        values.add(opt.value);
      }
      this.text(opt.description, `${p}/description`, { plain: o.plainOnly, max: 75, rule: 'option description ≤ 75', doc: DOCS.option });
      if (opt.url !== undefined) {
        if (!o.urlAllowed) this.add(`${p}/url`, 'option url only in overflow menus', DOCS.option, 'url is only available in overflow menus');
        else this.string(opt.url, `${p}/url`, { max: 3000, rule: 'option url ≤ 3000', doc: DOCS.option });
      }
    });
    return [...(list ?? [])];
  }

  /** An initial option "that exactly matches one of the options". */
  private initial(v: unknown, ptr: string, options: unknown[], doc: string): void {
    if (v === undefined) return;
    const same = JSON.stringify(canonical(v));
    if (!options.some((o) => JSON.stringify(canonical(o)) === same)) this.add(ptr, 'initial option exactly one of the options', doc, 'must exactly match one of the options');
  }

  private confirm(v: unknown, ptr: string): void {
    if (!isObj(v)) return this.add(ptr, 'confirm is an object', DOCS.confirm, 'must be an object');
    // Confirmation dialog: plain_text title ≤ 100, text ≤ 300, confirm ≤ 30, deny ≤ 30, all required.
    this.text(v.title, `${ptr}/title`, { plain: true, max: 100, required: true, rule: 'confirm title ≤ 100', doc: DOCS.confirm });
    this.text(v.text, `${ptr}/text`, { plain: true, max: 300, required: true, rule: 'confirm text ≤ 300', doc: DOCS.confirm });
    this.text(v.confirm, `${ptr}/confirm`, { plain: true, max: 30, required: true, rule: 'confirm button ≤ 30', doc: DOCS.confirm });
    this.text(v.deny, `${ptr}/deny`, { plain: true, max: 30, required: true, rule: 'deny button ≤ 30', doc: DOCS.confirm });
    if (v.style !== undefined && v.style !== 'primary' && v.style !== 'danger') this.add(`${ptr}/style`, 'confirm style primary or danger', DOCS.confirm, `unsupported style: ${String(v.style)}`);
  }

  private filter(v: unknown, ptr: string): void {
    if (!isObj(v)) return this.add(ptr, 'filter is an object', DOCS.filter, 'must be an object');
    if (v.include === undefined && v.exclude_external_shared_channels === undefined && v.exclude_bot_users === undefined) {
      this.add(ptr, 'filter names at least one field', DOCS.filter, 'must supply at least one of include, exclude_external_shared_channels, exclude_bot_users');
    }
    const include = this.array(v.include, `${ptr}/include`, { min: 1, rule: 'filter include not empty', doc: DOCS.filter });
    include?.forEach((x, i) => {
      if (!['im', 'mpim', 'private', 'public'].includes(String(x))) this.add(`${ptr}/include/${i}`, 'filter include: im, mpim, private, public', DOCS.filter, `unsupported value: ${String(x)}`);
    });
  }

  private range(v: unknown, ptr: string, min: number, max: number, rule: string, doc: string): void {
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.add(ptr, rule, doc, 'must be an integer');
    if (v < min) this.add(ptr, rule, doc, `must be no less than ${min}`);
    if (v > max) this.add(ptr, rule, doc, `must be no larger than ${max}`);
  }

  private minimum(v: unknown, ptr: string, min: number, rule: string, doc: string): void {
    if (v !== undefined) this.range(v, ptr, min, Number.MAX_SAFE_INTEGER, rule, doc);
  }

  /** A modal (Modal views page) or a Home tab (Home tab views page). */
  view(v: unknown, ptr: string): void {
    if (!isObj(v)) return this.add(ptr, 'view is an object', DOCS.modal, 'must be an object');
    const doc = this.surface === 'home' ? DOCS.home : DOCS.modal;
    if (this.surface === 'modal') {
      // Title required, plain_text ≤ 24; close and submit plain_text ≤ 24; submit required with an input block.
      this.text(v.title, `${ptr}/title`, { plain: true, max: 24, required: true, rule: 'modal title ≤ 24', doc });
      this.text(v.close, `${ptr}/close`, { plain: true, max: 24, rule: 'modal close ≤ 24', doc });
      this.text(v.submit, `${ptr}/submit`, { plain: true, max: 24, rule: 'modal submit ≤ 24', doc });
      const hasInput = Array.isArray(v.blocks) && v.blocks.some((b) => isObj(b) && b.type === 'input');
      if (hasInput && v.submit === undefined) this.add(`${ptr}/submit`, 'modal with an input block needs submit', doc, 'submit is required when an input block is within the blocks array');
    }
    // Both: blocks required (≤ 100), private_metadata ≤ 3000, callback_id ≤ 255.
    if (v.blocks === undefined) this.add(`${ptr}/blocks`, 'view blocks required', doc, 'missing required field');
    this.blocks(v.blocks, `${ptr}/blocks`);
    this.string(v.private_metadata, `${ptr}/private_metadata`, { max: 3000, rule: 'private_metadata ≤ 3000', doc });
    this.string(v.callback_id, `${ptr}/callback_id`, { max: 255, rule: 'callback_id ≤ 255', doc });
  }
}

/** An option with its keys in one order, so "exactly matches" compares content, not key order. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (isObj(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
  return v;
}

/** The blocks of a message (chat.postMessage, chat.postEphemeral, chat.update, a response_url answer). */
export function checkMessage(payload: Obj): BlockKitProblem[] {
  const c = new Check('message');
  if (payload.blocks !== undefined) c.blocks(payload.blocks, '/blocks');
  return c.problems;
}

/** A view as views.open/push/update (`modal`) or views.publish (`home`) take it, pointed at from `/view`. */
export function checkView(view: unknown, ptr = '/view'): BlockKitProblem[] {
  const type = isObj(view) ? view.type : undefined;
  if (type !== 'modal' && type !== 'home') {
    const c = new Check('modal');
    c.add(`${ptr}/type`, 'view type modal or home', DOCS.modal, `unsupported type: ${String(type)}`);
    return c.problems;
  }
  const c = new Check(type);
  c.view(view, ptr);
  return c.problems;
}

/**
 * All the text of one message's blocks together: an observed limit, not a documented one. No reference page names it
 * (the 12,000 on the markdown block's page is that block's own), yet Slack refuses chat.postMessage with
 * `msg_blocks_too_long` when a message's blocks, each within its own limits, carry about 12,000 characters of text
 * together: https://github.com/slackapi/bolt-js/issues/2509 (a maintainer: "12,000 text characters with a buffer for
 * block containers") and https://github.com/slackapi/bolt-js/issues/2867 (refused at 11,341 characters of `.text`, so
 * Slack counts somewhat more than this sum: a renderer should stay well under it). Counted here as those reports
 * count it: every `text` string anywhere in the blocks, summed, in UTF-16 units.
 */
export const BLOCK_TEXT_TOTAL = { max: 12_000, docs: ['https://github.com/slackapi/bolt-js/issues/2509', 'https://github.com/slackapi/bolt-js/issues/2867'] } as const;

/** The sum of every `text` string in a value (a text object's text, a button's, a confirmation's…). */
export function blockTextLength(v: unknown): number {
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + blockTextLength(x), 0);
  if (!isObj(v)) return 0;
  return Object.entries(v).reduce((n, [k, x]) => n + (k === 'text' && typeof x === 'string' ? x.length : blockTextLength(x)), 0);
}

/** A message whose blocks each pass but whose text together passes BLOCK_TEXT_TOTAL: Slack answers with no details. */
function tooLong(payload: Obj): BlockKitRefusal | undefined {
  if (!Array.isArray(payload.blocks)) return undefined;
  const total = blockTextLength(payload.blocks);
  if (total <= BLOCK_TEXT_TOTAL.max) return undefined;
  const problem = {
    rule: `message block text together ≤ ${BLOCK_TEXT_TOTAL.max} (observed, undocumented)`,
    doc: BLOCK_TEXT_TOTAL.docs[0],
    pointer: '/blocks',
    message: `${total} characters of text in all blocks together`,
  };
  return { error: 'msg_blocks_too_long', problems: [problem], messages: [] };
}

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.postEphemeral', 'chat.update']);
const VIEW_METHODS = new Set(['views.open', 'views.push', 'views.update', 'views.publish']);

function refusal(error: BlockKitRefusal['error'], problems: BlockKitProblem[]): BlockKitRefusal | undefined {
  if (!problems.length) return undefined;
  return { error, problems, messages: problems.map((p) => `[ERROR] ${p.message} [json-pointer:${p.pointer}]`) };
}

/**
 * What Slack would refuse in a Web API call or a response_url answer (`method` 'response_url'), or undefined.
 * Messages are refused as `invalid_blocks` (or, each block being valid, `msg_blocks_too_long` for too much text
 * together), views as `invalid_arguments` (what views.open answers for a view Slack will not show). The top-level
 * `text` is never refused for its length: past 40,000 characters Slack truncates it and warns (see `textWarning`).
 */
export function checkCall(method: string, args: Obj): BlockKitRefusal | undefined {
  if (MESSAGE_METHODS.has(method) || method === 'response_url') {
    const problems = checkMessage(args);
    // A response_url answer: response_type is ephemeral or in_channel.
    if (method === 'response_url' && args.response_type !== undefined && args.response_type !== 'ephemeral' && args.response_type !== 'in_channel') {
      problems.push({ rule: 'response_type ephemeral or in_channel', doc: DOCS.responseUrl, pointer: '/response_type', message: `unsupported value: ${String(args.response_type)}` });
    }
    // Each block is checked first: the total is only what stops a message Slack would otherwise take.
    return refusal('invalid_blocks', problems) ?? tooLong(args);
  }
  if (VIEW_METHODS.has(method) && args.view !== undefined) return refusal('invalid_arguments', checkView(args.view));
  return undefined;
}

/** Slack truncates a message's `text` past 40,000 characters and says so in a warning rather than refusing it. */
export function textWarning(method: string, args: Obj): Obj | undefined {
  if (!MESSAGE_METHODS.has(method) && method !== 'response_url') return undefined;
  if (typeof args.text !== 'string' || args.text.length <= 40_000) return undefined;
  return {
    warnings: ['message_truncated'],
    messages: ['[WARN] Your message was truncated but still posted. The `text` field accepts up to 40,000 characters.'],
  };
}

/**
 * The answer Slack gives for a refusal: `errors` as plain lines, `response_metadata.messages` with [ERROR]; for
 * `msg_blocks_too_long` the error alone (bolt-js #2867: "the error response contains no detail").
 */
export function refusalAnswer(r: BlockKitRefusal): Obj {
  if (r.error === 'msg_blocks_too_long') return { ok: false, error: r.error };
  return {
    ok: false,
    error: r.error,
    errors: r.problems.map((p) => `${p.message} [json-pointer:${p.pointer}]`),
    response_metadata: { messages: r.messages },
  };
}

/** One line per problem, for a test failure: the rule, its page, where, and what Slack said. */
export function describeRefusal(method: string, r: BlockKitRefusal): string {
  return `${method} refused (${r.error}):\n${r.problems.map((p) => `  ${p.pointer}: ${p.rule} — ${p.message} (${p.doc})`).join('\n')}`;
}

/**
 * What Slack would refuse in an app's acknowledgement: a view_submission's `response_action: update | push` carries a
 * modal (refused as views.update would refuse it), a slash command's immediate answer carries a message.
 */
export function checkAck(body: unknown): BlockKitRefusal | undefined {
  if (!isObj(body)) return undefined;
  if (body.response_action === 'update' || body.response_action === 'push') return refusal('invalid_arguments', checkView(body.view));
  if (body.blocks !== undefined || body.text !== undefined) return checkCall('response_url', body);
  return undefined;
}
