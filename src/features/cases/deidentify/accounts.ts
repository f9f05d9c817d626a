// Finds bank account numbers: an IBAN of any country ("PL61 1090 …", "GB29 NWBK …") or the 26 digits of a Polish
// account written without "PL", each only when its mod-97 check holds.

import { isValidIban } from './checksums.js';
import { collect, type Finding } from './types.js';

// Groups of four, as banks print them, or no spaces at all; the last group of an IBAN may be shorter.
const IBAN_RE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![\p{L}\p{N}])/gu;
const POLISH_ACCOUNT_RE = /(?<![\d+][- ]?)(?<!\p{L})\d{2}(?: ?\d{4}){6}(?![- ]?\d)/gu;

export function findBankAccounts(text: string): Finding[] {
  return [
    ...collect(IBAN_RE, text, 'iban', (m) => isValidIban(m[0])),
    ...collect(POLISH_ACCOUNT_RE, text, 'iban', (m) => isValidIban(m[0])),
  ];
}
