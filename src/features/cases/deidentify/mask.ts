// Masks the identifiers that must never be published (valid PESEL/NIP, bank accounts, document numbers, e-mails,
// phones), leaving all other text as written.

import { isValidIban, isValidNip, isValidPesel } from './checksums.js';
import type { Finding, FindingKind } from './types.js';

/**
 * One neutral mask per kind. Square brackets make the gap visible as an edit, not as the author's words;
 * the labels read the same in Polish and English ("tel." is the usual abbreviation in both), and none
 * contains a digit, so nothing of the number can be recovered from the mask.
 */
export const MASKS: Readonly<Partial<Record<FindingKind, string>>> = {
  pesel: '[PESEL]',
  nip: '[NIP]',
  iban: '[IBAN]',
  'id-number': '[ID]',
  email: '[e-mail]',
  phone: '[tel.]',
};

/**
 * A mandatory finding that still deserves masking; PESEL/NIP and accounts are re-validated so a caller cannot mask a
 * look-alike.
 * Both checks take the number as written, spaces and dashes included, so the whole written span is masked.
 */
function mustMask(f: Finding): boolean {
  if (!f.mandatoryMask || MASKS[f.kind] === undefined) return false;
  if (f.kind === 'pesel') return isValidPesel(f.text);
  if (f.kind === 'nip') return isValidNip(f.text);
  if (f.kind === 'iban') return isValidIban(f.text);
  return true;
}

/** Replaces the spans of the findings that must be masked; overlapping spans are merged so no digit leaks between them. */
export function applyMasks(text: string, findings: readonly Finding[]): string {
  const masked = findings.filter(mustMask).sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const f of masked) {
    if (f.end <= cursor) continue;
    if (f.start < cursor) {
      // Overlaps the previous mask: extend it over the rest of this span.
      cursor = f.end;
      continue;
    }
    out += text.slice(cursor, f.start) + MASKS[f.kind];
    cursor = f.end;
  }
  return out + text.slice(cursor);
}
