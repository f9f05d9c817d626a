// Checksum validation of the numbers that are masked on sight: PESEL (person), NIP (tax id), IBAN and Polish bank
// accounts, Polish ID cards and passports.

const PESEL_WEIGHTS = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
const NIP_WEIGHTS = [6, 5, 7, 2, 3, 4, 5, 6, 7];

/** Month offsets that encode the century in a PESEL's month field. */
const PESEL_CENTURIES: ReadonlyArray<{ offset: number; century: number }> = [
  { offset: 80, century: 1800 },
  { offset: 0, century: 1900 },
  { offset: 20, century: 2000 },
  { offset: 40, century: 2100 },
  { offset: 60, century: 2200 },
];

function digits(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0) - 48);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The birth date encoded in a PESEL's first six digits, or null when it is not a real date. */
export function peselBirthDate(s: string): { year: number; month: number; day: number } | null {
  if (!/^\d{11}$/.test(s)) return null;
  const d = digits(s);
  const yy = d[0] * 10 + d[1];
  const mm = d[2] * 10 + d[3];
  const dd = d[4] * 10 + d[5];
  for (const { offset, century } of PESEL_CENTURIES) {
    const month = mm - offset;
    if (month >= 1 && month <= 12) {
      const year = century + yy;
      if (dd < 1 || dd > daysInMonth(year, month)) return null;
      return { year, month, day: dd };
    }
  }
  return null;
}

/** How a PESEL is written: 11 digits, with at most one space or dash between any two ("850312 12343", "8503121234-3"). */
const PESEL_SHAPE = /^\d(?:[- ]?\d){10}$/;

/** 11 digits (spaced or dashed as people write them), a valid checksum and a real encoded birth date. */
export function isValidPesel(written: string): boolean {
  if (!PESEL_SHAPE.test(written)) return false;
  const s = written.replace(/[- ]/g, '');
  const d = digits(s);
  const sum = PESEL_WEIGHTS.reduce((acc, w, i) => acc + w * d[i], 0);
  if ((10 - (sum % 10)) % 10 !== d[10]) return false;
  return peselBirthDate(s) !== null;
}

/** Spellings a NIP is written in: bare, 123-456-78-90 or 123-45-67-890 (dashes or spaces, used consistently). */
const NIP_SHAPES = [/^\d{10}$/, /^\d{3}([- ])\d{3}\1\d{2}\1\d{2}$/, /^\d{3}([- ])\d{2}\1\d{2}\1\d{3}$/];

/** 10 digits in one of the usual groupings whose weighted sum mod 11 equals the last digit (10 never does). */
export function isValidNip(s: string): boolean {
  if (!NIP_SHAPES.some((re) => re.test(s))) return false;
  const d = digits(s.replace(/[- ]/g, ''));
  const control = NIP_WEIGHTS.reduce((acc, w, i) => acc + w * d[i], 0) % 11;
  return control !== 10 && control === d[9];
}

/** A letter's value in ID and IBAN checksums: A = 10 … Z = 35; a digit is itself. */
function alnumValue(c: string): number {
  return /[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : c.charCodeAt(0) - 48;
}

/** How people write an account: "PL61 1090 …", "GB29 NWBK …" or the 26 digits of a Polish one, grouped by single spaces or not. */
const IBAN_SHAPE = /^(?:[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}|\d{2}(?: ?\d){24})$/;

/**
 * An IBAN of any country, or a Polish account number (NRB: the IBAN without "PL"), whose mod-97 check holds. The
 * check catches every single wrong digit and every swap of two, so a random run of digits passes one time in 97.
 */
export function isValidIban(written: string): boolean {
  if (!IBAN_SHAPE.test(written)) return false;
  let s = written.replace(/ /g, '');
  if (/^\d/.test(s)) s = `PL${s}`;
  let rest = 0;
  for (const c of s.slice(4) + s.slice(0, 4)) {
    const v = alnumValue(c);
    rest = (v > 9 ? rest * 100 + v : rest * 10 + v) % 97;
  }
  return rest === 1;
}

/** Weighted sum of a Polish document number (letters as 10–35), which a valid number makes divisible by 10. */
function documentSum(s: string, weights: readonly number[]): number {
  return [...s].reduce((acc, c, i) => acc + alnumValue(c) * weights[i]!, 0);
}

/** Polish ID card: three letters and six digits ("ABA300000", "ABA 300000"), the first digit a check digit. */
export function isValidPolishIdCard(written: string): boolean {
  if (!/^[A-Z]{3} ?\d{6}$/.test(written)) return false;
  return documentSum(written.replace(' ', ''), [7, 3, 1, 9, 7, 3, 1, 7, 3]) % 10 === 0;
}

/** Polish passport: two letters and seven digits ("EA1234567"), the first digit a check digit. */
export function isValidPolishPassport(written: string): boolean {
  if (!/^[A-Z]{2} ?\d{7}$/.test(written)) return false;
  return documentSum(written.replace(' ', ''), [7, 3, 9, 1, 7, 3, 1, 7, 3]) % 10 === 0;
}
