// What the real Discord refuses in a message or a modal (sizes, counts, layout), answered as it does: 400 with code
// 50035 "Invalid Form Body" and the offending field's path in `errors`.
import type { ApiObject } from './fixtures.js';

export interface Refusal {
  status: number;
  body: { message: string; code: number; errors: ApiObject };
}

/** Where in the request body a field is: ['data', 'components', 0, 'label'] → { data: { components: { 0: { label: … } } } }. */
export type FieldPath = (string | number)[];

export function invalidAt(path: FieldPath, code: string, message: string): Refusal {
  let errors: ApiObject = { _errors: [{ code, message }] };
  for (const key of [...path].reverse()) errors = { [String(key)]: errors };
  return { status: 400, body: { message: 'Invalid Form Body', code: 50035, errors } };
}

const tooLong = (path: FieldPath, max: number) => invalidAt(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`);
const badLength = (path: FieldPath, min: number, max: number) => invalidAt(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`);
const required = (path: FieldPath) => invalidAt(path, 'BASE_TYPE_REQUIRED', 'This field is required');
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/** Discord's limits, as its documentation gives them. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footerText: 2048,
  authorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  rowComponents: 5,
  buttonLabel: 80,
  customId: 100,
  selectOptions: 25,
  optionText: 100,
  modalTitle: 45,
  modalComponents: 5,
  inputLabel: 45,
  inputPlaceholder: 100,
  inputLength: 4000,
} as const;

const SELECTS = new Set([3, 5, 6, 7, 8]);

/** The embeds of a message: each one's fields and the sum of their text (title, description, fields, footer, author). */
export function validateEmbeds(embeds: unknown, at: FieldPath): Refusal | null {
  if (!Array.isArray(embeds)) return null;
  if (embeds.length > LIMITS.embeds) return tooLong(at, LIMITS.embeds);
  let total = 0;
  for (const [i, e] of (embeds as ApiObject[]).entries()) {
    const here = [...at, i];
    const title = str(e.title) ?? '';
    const description = str(e.description) ?? '';
    if (title.length > LIMITS.embedTitle) return tooLong([...here, 'title'], LIMITS.embedTitle);
    if (description.length > LIMITS.embedDescription) return tooLong([...here, 'description'], LIMITS.embedDescription);
    const footer = str(e.footer?.text) ?? '';
    if (footer.length > LIMITS.footerText) return tooLong([...here, 'footer', 'text'], LIMITS.footerText);
    const author = str(e.author?.name) ?? '';
    if (author.length > LIMITS.authorName) return tooLong([...here, 'author', 'name'], LIMITS.authorName);
    total += title.length + description.length + footer.length + author.length;
    const fields: ApiObject[] = Array.isArray(e.fields) ? e.fields : [];
    if (fields.length > LIMITS.embedFields) return tooLong([...here, 'fields'], LIMITS.embedFields);
    for (const [j, f] of fields.entries()) {
      const name = str(f.name);
      const value = str(f.value);
      if (!name) return required([...here, 'fields', j, 'name']);
      if (!value) return required([...here, 'fields', j, 'value']);
      if (name.length > LIMITS.fieldName) return tooLong([...here, 'fields', j, 'name'], LIMITS.fieldName);
      if (value.length > LIMITS.fieldValue) return tooLong([...here, 'fields', j, 'value'], LIMITS.fieldValue);
      total += name.length + value.length;
    }
  }
  if (total > LIMITS.embedTotal) return invalidAt(at, 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${LIMITS.embedTotal}`);
  return null;
}

/** A message's action rows: at most 5, each 1–5 buttons or one select; custom ids present, short and unique. */
export function validateMessageComponents(rows: unknown, at: FieldPath): Refusal | null {
  if (!Array.isArray(rows)) return null;
  if (rows.length > LIMITS.actionRows) return tooLong(at, LIMITS.actionRows);
  const seen = new Set<string>();
  for (const [i, row] of (rows as ApiObject[]).entries()) {
    const here = [...at, i];
    if (row.type !== 1) return invalidAt([...here, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1,).');
    const children: ApiObject[] = Array.isArray(row.components) ? row.components : [];
    if (children.length < 1 || children.length > LIMITS.rowComponents) return badLength([...here, 'components'], 1, LIMITS.rowComponents);
    if (children.some((c) => SELECTS.has(c.type)) && children.length > 1)
      return invalidAt([...here, 'components'], 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'The specified component exceeds the maximum width');
    for (const [j, c] of children.entries()) {
      const cat = [...here, 'components', j];
      if (c.type === 2) {
        const label = str(c.label) ?? '';
        if (label.length > LIMITS.buttonLabel) return tooLong([...cat, 'label'], LIMITS.buttonLabel);
        if (!label && !c.emoji) return invalidAt(cat, 'BUTTON_COMPONENT_INVALID', 'A button must have a label or an emoji');
        if (c.style === 5) {
          if (!str(c.url)) return required([...cat, 'url']);
          continue;
        }
        if (c.style === 6) continue; // premium: a SKU, no custom id
      } else if (SELECTS.has(c.type)) {
        if (c.type === 3) {
          const options: ApiObject[] = Array.isArray(c.options) ? c.options : [];
          if (options.length < 1 || options.length > LIMITS.selectOptions) return badLength([...cat, 'options'], 1, LIMITS.selectOptions);
          for (const [k, o] of options.entries()) {
            if ((str(o.label) ?? '').length > LIMITS.optionText) return tooLong([...cat, 'options', k, 'label'], LIMITS.optionText);
            if ((str(o.value) ?? '').length > LIMITS.optionText) return tooLong([...cat, 'options', k, 'value'], LIMITS.optionText);
          }
        }
      } else {
        return invalidAt([...cat, 'type'], 'COMPONENT_TYPE_INVALID', 'This component type is not allowed here');
      }
      const id = str(c.custom_id);
      if (!id) return required([...cat, 'custom_id']);
      if (id.length > LIMITS.customId) return tooLong([...cat, 'custom_id'], LIMITS.customId);
      if (seen.has(id)) return invalidAt([...cat, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
      seen.add(id);
    }
  }
  return null;
}

/** A text input, in a modal's action row (with its own label) or inside a label component (without one). */
function validateTextInput(c: ApiObject, at: FieldPath, ownLabel: boolean, seen: Set<string>): Refusal | null {
  if (c.type !== 4) return invalidAt([...at, 'type'], 'COMPONENT_TYPE_INVALID', 'This component type is not allowed here');
  const id = str(c.custom_id);
  if (!id) return required([...at, 'custom_id']);
  if (id.length > LIMITS.customId) return tooLong([...at, 'custom_id'], LIMITS.customId);
  if (seen.has(id)) return invalidAt([...at, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', 'Component custom id cannot be duplicated');
  seen.add(id);
  if (c.style !== 1 && c.style !== 2) return invalidAt([...at, 'style'], 'BASE_TYPE_CHOICES', 'Value must be one of {1, 2}.');
  if (ownLabel) {
    const label = str(c.label);
    if (!label) return required([...at, 'label']);
    if (label.length > LIMITS.inputLabel) return tooLong([...at, 'label'], LIMITS.inputLabel);
  }
  if ((str(c.placeholder) ?? '').length > LIMITS.inputPlaceholder) return tooLong([...at, 'placeholder'], LIMITS.inputPlaceholder);
  const max = c.max_length ?? LIMITS.inputLength;
  const min = c.min_length ?? 0;
  if (typeof max !== 'number' || max < 1 || max > LIMITS.inputLength) return invalidAt([...at, 'max_length'], 'NUMBER_TYPE_MAX', `int value should be less than or equal to ${LIMITS.inputLength}.`);
  if (typeof min !== 'number' || min < 0 || min > LIMITS.inputLength) return invalidAt([...at, 'min_length'], 'NUMBER_TYPE_MAX', `int value should be less than or equal to ${LIMITS.inputLength}.`);
  if (min > max) return invalidAt([...at, 'min_length'], 'BASE_TYPE_BAD_INT', 'min_length must be less than or equal to max_length.');
  if (c.value !== undefined && c.value !== null && (str(c.value) ?? '').length > max) return tooLong([...at, 'value'], max);
  return null;
}

/** A modal (interaction response type 9): title, custom id, 1–5 rows of one text input each (or label components). */
export function validateModal(data: ApiObject, at: FieldPath): Refusal | null {
  const id = str(data.custom_id);
  if (!id) return required([...at, 'custom_id']);
  if (id.length > LIMITS.customId) return tooLong([...at, 'custom_id'], LIMITS.customId);
  const title = str(data.title);
  if (!title) return required([...at, 'title']);
  if (title.length > LIMITS.modalTitle) return tooLong([...at, 'title'], LIMITS.modalTitle);
  const rows: ApiObject[] = Array.isArray(data.components) ? data.components : [];
  if (rows.length < 1 || rows.length > LIMITS.modalComponents) return badLength([...at, 'components'], 1, LIMITS.modalComponents);
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const here = [...at, 'components', i];
    if (row.type === 1) {
      const children: ApiObject[] = Array.isArray(row.components) ? row.components : [];
      if (children.length !== 1) return badLength([...here, 'components'], 1, 1);
      const bad = validateTextInput(children[0]!, [...here, 'components', 0], true, seen);
      if (bad) return bad;
    } else if (row.type === 18) {
      const label = str(row.label);
      if (!label) return required([...here, 'label']);
      if (label.length > LIMITS.inputLabel) return tooLong([...here, 'label'], LIMITS.inputLabel);
      const inner: ApiObject = row.component ?? {};
      const bad = inner.type === 4 ? validateTextInput(inner, [...here, 'component'], false, seen) : SELECTS.has(inner.type) ? null : required([...here, 'component']);
      if (bad) return bad;
    } else if (row.type !== 10) {
      return invalidAt([...here, 'type'], 'UNION_TYPE_CHOICES', 'Value of field "type" must be one of (1, 10, 18).');
    }
  }
  return null;
}
