// The de-identification checker for anonymous case posts: finds client identifiers and masks the mandatory ones.
// Pure functions, no I/O; the case flow shows the findings in a private preview and publishes maskMandatory's output.

import { findBankAccounts } from './accounts.js';
import { findAgesWithPlaces } from './ages.js';
import { findEmails, findUrls } from './contacts.js';
import { findDates } from './dates.js';
import { findDocumentNumbers } from './documents.js';
import { findHandles } from './handles.js';
import { findLocalities } from './localities.js';
import { applyMasks } from './mask.js';
import { findNips, findPesels, findPhones } from './numbers.js';
import { findNames } from './people.js';
import { findAddresses, findPostcodes } from './places.js';
import { findRareDetails } from './rare.js';
import { findTowns } from './towns.js';
import { findWorkplaces } from './workplaces.js';
import type { Finding, FindingKind } from './types.js';

export { isValidIban, isValidNip, isValidPesel, isValidPolishIdCard, isValidPolishPassport } from './checksums.js';
export { MASKS } from './mask.js';
export type { Finding, FindingKind } from './types.js';

/** When two candidates overlap and neither is mandatory by kind or longer, the more specific kind wins. */
const SPECIFICITY: readonly FindingKind[] = [
  'pesel',
  'nip',
  'iban',
  // A number after "passport number" is that, even when it is shaped like a phone.
  'id-number',
  'email',
  'phone',
  'handle',
  'address',
  'postcode',
  'age-place',
  'rare-detail',
  'workplace',
  'town',
  'date',
  'url',
  'name',
];

/**
 * Every identifier in `text`, sorted by position and non-overlapping. Overlaps are settled in this order:
 * a mandatory kind beats a non-mandatory one (so a phone inside a long address is still masked), then the
 * longer span wins ("Anna Kowalska" over "Anna"), then the more specific kind.
 */
export function findIdentifiers(text: string): Finding[] {
  // Where someone lives or works: an age or a public office in the same sentence becomes telling too.
  const workplaces = findWorkplaces(text);
  const places = [
    ...findAddresses(text),
    ...findPostcodes(text),
    ...workplaces,
    ...findTowns(text),
    ...findLocalities(text, workplaces),
  ];
  const candidates = [
    ...findPesels(text),
    ...findNips(text),
    ...findBankAccounts(text),
    ...findDocumentNumbers(text),
    ...findEmails(text),
    ...findHandles(text),
    ...findPhones(text),
    ...places,
    ...findAgesWithPlaces(text, places),
    ...findRareDetails(text, places),
    ...findDates(text),
    ...findUrls(text),
    ...findNames(text),
  ];
  candidates.sort(
    (a, b) =>
      Number(b.mandatoryMask) - Number(a.mandatoryMask) ||
      b.end - b.start - (a.end - a.start) ||
      SPECIFICITY.indexOf(a.kind) - SPECIFICITY.indexOf(b.kind) ||
      a.start - b.start,
  );
  const chosen: Finding[] = [];
  for (const c of candidates) {
    if (chosen.every((f) => c.end <= f.start || c.start >= f.end)) chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * The text with valid PESEL/NIP numbers, bank accounts, document numbers, e-mails and phone numbers replaced by MASKS;
 * everything else as written.
 * `findings` (for example the ones shown in the preview) are masked too when they still match the text; a
 * stale finding (the text was edited since) is ignored. The text is always scanned again as well, so that a
 * missing or outdated list can never let a mandatory identifier through.
 */
export function maskMandatory(text: string, findings: Finding[] = []): string {
  const current = findings.filter(
    (f) => f.start >= 0 && f.end <= text.length && f.start < f.end && text.slice(f.start, f.end) === f.text,
  );
  return applyMasks(text, [...current, ...findIdentifiers(text)]);
}
