// Declines Polish first names into the case forms a sentence uses (Anna → Anny, Annie, Annę, Anną, Anno), and
// derives the tender forms of diminutives (Kasia → Kasieńka, Bartek → Bartuś), so that the name dictionary can store
// base forms only.

/** Dative/locative of a stem in -a: the consonant before the ending softens (Marta → Marcie, Olga → Oldze). */
function softenedLocative(stem: string): string {
  const rules: Array<[RegExp, string]> = [
    [/ch$/, 'sze'],
    [/st$/, 'ście'],
    [/tt$/, 'tcie'],
    [/k$/, 'ce'],
    [/g$/, 'dze'],
    [/r$/, 'rze'],
    [/t$/, 'cie'],
    [/d$/, 'dzie'],
    [/ł$/, 'le'],
    [/l$/, 'li'],
    [/(?:cz|sz|rz|ż|dż|dz|c)$/, '$&y'],
    [/[nmwbpfsz]$/, '$&ie'],
  ];
  for (const [re, replacement] of rules) {
    if (re.test(stem)) return stem.replace(re, replacement);
  }
  return `${stem}e`;
}

/** Names ending in -a, feminine and masculine alike (Anna, Kasia, Maja, Patrycja, Kuba). */
function formsInA(name: string): string[] {
  const stem = name.slice(0, -1);
  if (/ia$/.test(name)) {
    // Kasia → Kasi (soft diminutive), Maria → Marii (syllabic i); both spellings are kept.
    return [stem, `${stem}i`, `${stem}ę`, `${stem}ą`, `${stem}u`, `${stem}o`];
  }
  if (/ja$/.test(name)) {
    // Maja → Mai, Patrycja → Patrycji.
    const oblique = /[aeiouyąęó]j$/.test(stem) ? `${stem.slice(0, -1)}i` : `${stem}i`;
    return [oblique, `${stem}ę`, `${stem}ą`, `${stem}u`, `${stem}o`];
  }
  const genitive = /(?:[kglj])$/.test(stem) ? `${stem}i` : `${stem}y`;
  const forms = [genitive, softenedLocative(stem), `${stem}ę`, `${stem}ą`, `${stem}o`];
  // Ola, Ela, Ula, Jola → Olu: the vocative of -la diminutives.
  if (/l$/.test(stem)) forms.push(`${stem}u`);
  return forms;
}

/** Stem of a masculine name ending in a consonant, with the fleeting e dropped (Marek → Mark, Maciek → Maćk). */
function masculineStem(name: string): string {
  if (name === 'Paweł') return 'Pawł';
  // The e before a final r drops too: Kacper → Kacpra, Aleksander → Aleksandra.
  if (name === 'Kacper' || name === 'Aleksander') return name.slice(0, -2) + 'r';
  const soft: Record<string, string> = { s: 'ś', c: 'ć', n: 'ń', z: 'ź' };
  const diminutive = /([scnz])iek$/.exec(name);
  if (diminutive) return `${name.slice(0, -4)}${soft[diminutive[1]]}k`;
  if (/[^aeiouyąęó]ek$/.test(name)) return `${name.slice(0, -2)}k`;
  // Staś → Stasi-a, Jaś → Jasi-a.
  const softEnd: Record<string, string> = { ś: 'si', ć: 'ci', ń: 'ni', ź: 'zi' };
  const last = name.slice(-1);
  if (softEnd[last]) return `${name.slice(0, -1)}${softEnd[last]}`;
  return name;
}

function masculineLocative(stem: string): string {
  // Hard-velar and soft stems take -u (Marku, Tomaszu, Andrzeju, Stasiu); the rest soften like feminines.
  if (/(?:k|g|ch|sz|cz|rz|ż|c|dz|j|l|i)$/.test(stem)) return `${stem}u`;
  return softenedLocative(stem);
}

/** Masculine names ending in a consonant (Marek, Jan, Paweł, Staś). */
function formsInConsonant(name: string): string[] {
  const stem = masculineStem(name);
  const instrumental = /[kg]$/.test(stem) ? `${stem}iem` : `${stem}em`;
  return [`${stem}a`, `${stem}owi`, instrumental, masculineLocative(stem)];
}

/** Every declined form of a Polish first name, the base form included. */
export function polishNameForms(name: string): string[] {
  let forms: string[];
  if (/a$/.test(name)) forms = formsInA(name);
  // Jerzy, Ignacy, Antoni decline like adjectives.
  else if (/y$/.test(name)) forms = [`${name.slice(0, -1)}ego`, `${name.slice(0, -1)}emu`, `${name}m`];
  else if (/i$/.test(name)) forms = [`${name}ego`, `${name}emu`, `${name}m`];
  else forms = formsInConsonant(name);
  return [name, ...forms];
}

/**
 * The tender forms families make of a diminutive, which a colleague quotes as the client's family says them: -sia,
 * -zia, -nia and -cia names take -eńka and -unia (Kasia → Kasieńka, Kasiunia; Jadzia → Jadzieńka), and -ek names
 * take -uś (Bartek → Bartuś, Tomek → Tomuś). None of these is an everyday word.
 */
export function tenderForms(name: string): string[] {
  if (/[szcn]ia$|dzia$/.test(name)) return [`${name.slice(0, -1)}eńka`, `${name.slice(0, -1)}unia`];
  if (/[^aeiouyąęó]ek$/.test(name)) return [`${name.slice(0, -2)}uś`];
  return [];
}
