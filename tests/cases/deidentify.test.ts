import { describe, expect, it } from 'vitest';
import {
  findIdentifiers,
  isValidIban,
  isValidNip,
  isValidPesel,
  isValidPolishIdCard,
  isValidPolishPassport,
  maskMandatory,
  MASKS,
  type FindingKind,
} from '../../src/features/cases/deidentify/index.js';
import { ENGLISH_FIRST_NAMES, POLISH_FIRST_NAMES } from '../../src/features/cases/deidentify/names.js';
import { previewMessage } from '../../src/features/cases/preview.js';

// An independent PESEL builder for the tests, so that the checker is not validated against its own code.
function pesel(first10: string): string {
  const w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = [...first10].reduce((acc, c, i) => acc + Number(c) * w[i], 0);
  return first10 + String((10 - (sum % 10)) % 10);
}
function changeLastDigit(id: string): string {
  const last = Number(id[id.length - 1]);
  return id.slice(0, -1) + String((last + 1) % 10);
}

function found(text: string): Array<[FindingKind, string]> {
  return findIdentifiers(text).map((f) => [f.kind, f.text]);
}
function kindsOf(text: string): FindingKind[] {
  return findIdentifiers(text).map((f) => f.kind);
}

describe('PESEL checksum', () => {
  it('agrees with hand-computed control digits', () => {
    // 4·1+4·3+0·7+5·9+1·1+4·3+0·7+1·9+3·1+5·3 = 101 → (10 − 1) mod 10 = 9
    expect(pesel('4405140135')).toBe('44051401359');
    // 0·1+2·3+2·7+7·9+0·1+8·3+0·7+3·9+6·1+2·3 = 146 → 4; month 27 = July 2002
    expect(pesel('0227080362')).toBe('02270803624');
    expect(isValidPesel('44051401359')).toBe(true);
    expect(isValidPesel('02270803624')).toBe(true);
  });

  it.each([
    ['4405140135', 'born 1944-05-14'],
    ['0227080362', 'born 2002-07-08'],
    ['8581151234', 'born 1885-01-15 (month + 80)'],
    ['2541010000', 'born 2125-01-01 (month + 40)'],
    ['9972315678', 'born 2299-12-31 (month + 60)'],
    ['0022291234', 'born 2000-02-29, a leap day'],
    ['7612310042', 'born 1976-12-31'],
  ])('accepts %s… (%s) with its control digit', (first10) => {
    expect(isValidPesel(pesel(first10))).toBe(true);
  });

  it.each(['44051401359', '02270803624', pesel('7612310042'), pesel('8581151234')])(
    'rejects %s with its last digit changed',
    (valid) => {
      expect(isValidPesel(changeLastDigit(valid))).toBe(false);
    },
  );

  it.each([
    [pesel('4413140135'), 'month 13'],
    [pesel('9002301234'), '30 February'],
    [pesel('0002291234'), '29 February 1900, not a leap year'],
    [pesel('4405000135'), 'day 0'],
    ['4405140135', 'ten digits'],
    ['4405140135a', 'a letter'],
    ['440514013599', 'twelve digits'],
  ])('rejects %s (%s)', (s) => {
    expect(isValidPesel(s)).toBe(false);
  });
});

describe('NIP checksum', () => {
  it.each(['5260250274', '526-025-02-74', '526 025 02 74', '526-02-50-274', '1234563218', '123-45-63-218'])(
    'accepts %s',
    (s) => {
      expect(isValidNip(s)).toBe(true);
    },
  );

  it.each([
    ['5260250275', 'last digit changed'],
    ['1234563217', 'last digit changed'],
    ['2000000060', 'weighted sum mod 11 is 10, which no NIP may have'],
    ['526-025-0274', 'an unusual grouping'],
    ['526-025 02-74', 'mixed separators'],
    ['526025027', 'nine digits'],
  ])('rejects %s (%s)', (s) => {
    expect(isValidNip(s)).toBe(false);
  });
});

describe('numbers in text', () => {
  it('reports a valid PESEL as a mandatory finding and ignores the same number with a wrong checksum', () => {
    expect(findIdentifiers('PESEL klientki: 44051401359.')).toEqual([
      { kind: 'pesel', start: 16, end: 27, text: '44051401359', mandatoryMask: true },
    ]);
    expect(kindsOf('PESEL klientki: 44051401358.')).toEqual([]);
  });

  it('reports a valid NIP with or without separators and ignores invalid ones', () => {
    expect(found('NIP firmy 5260250274, dawniej 526-025-02-74, albo 526-02-50-274.')).toEqual([
      ['nip', '5260250274'],
      ['nip', '526-025-02-74'],
      ['nip', '526-02-50-274'],
    ]);
    expect(kindsOf('The company tax number was 526-025-02-75.')).toEqual([]);
  });

  it('does not cut an identifier out of a longer digit run such as a bank account', () => {
    expect(found('Konto 61109010140000071219812874 podała w mailu.')).toEqual([['iban', '61109010140000071219812874']]);
    expect(kindsOf('Konto 61109010140000071219812875 podała w mailu.')).toEqual([]);
  });

  it.each([
    ['Zadzwoniła z numeru 600 123 456 wieczorem.', '600 123 456'],
    ['Jej numer to 600123456.', '600123456'],
    ['Tel. +48 600-123-456 po 18.', '+48 600-123-456'],
    ['Stacjonarny: 0048 22 123 45 67.', '0048 22 123 45 67'],
    ['Gabinet (22) 123 45 67 nie odbiera.', '(22) 123 45 67'],
    ['He texted from +44 7700 900123 late at night.', '+44 7700 900123'],
    ['Her US number is +1 (212) 555-0100.', '+1 (212) 555-0100'],
    ['Call her on 07700 900456 tomorrow.', '07700 900456'],
    ['The office line is (212) 555-0100.', '(212) 555-0100'],
  ])('finds the phone number in %j', (text, phone) => {
    expect(found(text)).toEqual([['phone', phone]]);
  });

  it('does not take a short number or a year for a phone', () => {
    expect(kindsOf('Wynik SRS spadł z 38 do 31 w 2024 roku; sesji było 12.')).toEqual([]);
  });
});

describe('e-mails and links', () => {
  it('finds e-mail addresses, also written with [at], as mandatory', () => {
    const findings = findIdentifiers('Pisała z anna.k@example.pl, potem z kasia [at] poczta.onet.pl.');
    expect(findings.map((f) => [f.kind, f.text, f.mandatoryMask])).toEqual([
      ['email', 'anna.k@example.pl', true],
      ['email', 'kasia [at] poczta.onet.pl', true],
    ]);
  });

  it('finds links without making them mandatory and leaves sentence punctuation out', () => {
    const findings = findIdentifiers('His blog (https://example.com/about?id=7) and www.example.org.');
    expect(findings.map((f) => [f.kind, f.text, f.mandatoryMask])).toEqual([
      ['url', 'https://example.com/about?id=7', false],
      ['url', 'www.example.org', false],
    ]);
  });
});

describe('addresses and postcodes', () => {
  it.each([
    ['Mieszka przy ul. Marszałkowskiej 12/4 od roku.', 'ul. Marszałkowskiej 12/4'],
    ['Gabinet jest na al. Jana Pawła II 15 m. 3.', 'al. Jana Pawła II 15 m. 3'],
    ['Spotkali się na pl. Grunwaldzkim 8.', 'pl. Grunwaldzkim 8'],
    ['Dorastała na os. Tysiąclecia 41b.', 'os. Tysiąclecia 41b'],
    ['Wynajmuje pokój przy ulicy 3 Maja 7.', 'ulicy 3 Maja 7'],
    ['She lives at 221B Baker Street with her mother.', '221B Baker Street'],
    ['The clinic at 14 Church Road closed.', '14 Church Road'],
    ['They moved to 7 Elm Ave last year.', '7 Elm Ave'],
  ])('finds the street address in %j', (text, address) => {
    expect(found(text)).toEqual([['address', address]]);
  });

  it('finds Polish postcodes with their town, and UK postcodes', () => {
    expect(found('Adres do korespondencji: 00-950 Warszawa.')).toEqual([['postcode', '00-950 Warszawa']]);
    expect(found('Przeprowadziła się pod 33-300 Nowy Sącz.')).toEqual([['postcode', '33-300 Nowy Sącz']]);
    expect(found('Her postcode is LS1 4AP, near the station.')).toEqual([['postcode', 'LS1 4AP']]);
  });

  it('does not take an abbreviation such as "pl." without a house number for a square', () => {
    expect(kindsOf('Zob. pl. Wikipedia ma inne dane.')).toEqual([]);
  });
});

describe('dates and ages with places', () => {
  it.each([
    ['Pierwsza sesja była 12.03.2024.', '12.03.2024'],
    ['The intake was on 12/03/2024.', '12/03/2024'],
    ['Data przyjęcia: 2024-03-12.', '2024-03-12'],
    ['Przyszła 12 marca 2024 r. po raz pierwszy.', '12 marca 2024 r.'],
    ['Wypisano ją 5 maja.', '5 maja'],
    ['We first met on March 12, 2024 in the morning.', 'March 12, 2024'],
    ['She cancelled on 12 March without a word.', '12 March'],
    ['The letter came on Apr. 3rd.', 'Apr. 3rd'],
  ])('finds the exact date in %j', (text, date) => {
    expect(found(text)).toEqual([['date', date]]);
  });

  it('does not treat a bare year, month or an impossible date as exact', () => {
    expect(kindsOf('W marcu 2024 zaczęła terapię; in March she relapsed; wynik 45.13.2020 to błąd.')).toEqual([]);
  });

  it.each([
    ['To 34-letnia nauczycielka z Radomia, matka dwojga dzieci.', '34-letnia nauczycielka z Radomia'],
    ['Klient, lat 34, z Gdańska, zgłosił się sam.', 'lat 34, z Gdańska'],
    ['Mój klient, 52-latek ze Szczecina, przerwał terapię.', '52-latek ze Szczecina'],
    ['She is a 34-year-old from Leeds who works nights.', '34-year-old from Leeds'],
    ['A 34 y.o. teacher in Bristol asked for help.', '34 y.o. teacher in Bristol'],
    ['A nurse from Leeds, aged 41, came to the clinic.', 'from Leeds, aged 41'],
  ])('finds the age next to a place in %j', (text, agePlace) => {
    expect(found(text)).toEqual([['age-place', agePlace]]);
  });

  it('leaves an age without a place, and a duration with a place, alone (the town itself is flagged on its own)', () => {
    expect(kindsOf('Klientka ma 34 lata. Od 10 lat pracuje w Krakowie. A 34-year-old came in March.')).toEqual(['town']);
  });
});

describe('workplaces and schools', () => {
  it.each([
    ['To nauczycielka w SP nr 3 w Sopocie.', [['workplace', 'SP nr 3'], ['town', 'Sopocie']]],
    ['Uczy w SP 12 od roku.', [['workplace', 'SP 12']]],
    ['Uczy w SP3 od roku.', [['workplace', 'SP3']]],
    ['Pracuje w Szkole Podstawowej nr 12.', [['workplace', 'Szkole Podstawowej nr 12']]],
    ['Dyrektorka szkoły podstawowej nr 4 zadzwoniła.', [['workplace', 'szkoły podstawowej nr 4']]],
    ['Syn chodzi do przedszkola nr 5.', [['workplace', 'przedszkola nr 5']]],
    ['Córka jest w LO nr 2.', [['workplace', 'LO nr 2']]],
    ['Skończył V LO rok temu.', [['workplace', 'V LO']]],
    ['Uczy w XIV Liceum Ogólnokształcącym im. Stanisława Staszica.', [['workplace', 'XIV Liceum Ogólnokształcącym im. Stanisława Staszica']]],
    ['Chodzi do liceum im. Kopernika.', [['workplace', 'liceum im. Kopernika']]],
    ['Pracuje w PKO od lat.', [['workplace', 'PKO']]],
    ['Pracuje w PKO BP od lat.', [['workplace', 'PKO BP']]],
    ['Wcześniej pracowała w firmie Comarch.', [['workplace', 'Comarch']]],
    ['Pracuje w banku Pekao na kasie.', [['workplace', 'Pekao']]],
    ['Jej firma „Krzak” upadła.', [['workplace', 'Krzak']]],
    ['He works at Tesco on weekends.', [['workplace', 'Tesco']]],
    ['She is employed by Amazon now.', [['workplace', 'Amazon']]],
    ['He studied at Lincoln High School.', [['workplace', 'Lincoln High School']]],
  ])('flags the workplace or school in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['a school, a lyceum and a kindergarten without a name or number', 'Chodzi do liceum, wcześniej do przedszkola; w szkole podstawowej było trudno.'],
    ['work without a named employer', 'Pracuje w korporacji, a wcześniej pracowała w banku.'],
    ['working on a holiday', 'Pracuje w Wigilię i w Boże Narodzenie.'],
    ['working in a country or a field', 'Pracuje w Polsce. Works in IT. Working in CBT.'],
    ['a generic school at the start of a sentence', 'The School was strict. Primary School was easier.'],
    ['a longer number, or letters around the abbreviation', 'Numer SP nr 3000 nie istnieje; SPA nr 3 to hotel; ASP3 to skrót.'],
  ])('does not flag %s', (_what, text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it('flags a town an employer would otherwise be taken from as a town', () => {
    expect(found('Pracuje w Warszawie. He works in London.')).toEqual([
      ['town', 'Warszawie'],
      ['town', 'London'],
    ]);
  });
});

describe('towns and cities', () => {
  it.each([
    ['Przyjechała z Gdańska.', 'Gdańska'],
    ['Przeprowadził się do Krakowa.', 'Krakowa'],
    ['Mieszka w Sopocie.', 'Sopocie'],
    ['Wychowała się w Łodzi.', 'Łodzi'],
    ['Studiował w Zielonej Górze.', 'Zielonej Górze'],
    ['Dojeżdża z Nowego Sącza.', 'Nowego Sącza'],
    ['Pracował w Bielsku-Białej.', 'Bielsku-Białej'],
    ['Pochodzi z Bielska.', 'Bielska'],
    ['Wyjechała do Londynu.', 'Londynu'],
    ['She moved to London last spring.', 'London'],
    ['They met in New York.', 'New York'],
    ['Mieszkała w Pile.', 'Pile'],
  ])('flags the town in %j as a possible place', (text, town) => {
    expect(found(text)).toEqual([['town', town]]);
  });

  it.each([
    ['a word that only starts like a town', 'Był warszawiakiem, a ona Sopocianką; gdańskie klimaty, krakowskie tempo, Londyńczycy.'],
    ['a town written in lowercase', 'mówiła o warszawie i o londonie, ale to literówki.'],
    ['a town that is an everyday word at the start of a sentence', 'Piła dużo. Zakopane emocje wróciły. Przemyśl to jeszcze raz.'],
  ])('does not flag %s', (_what, text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it('still flags a town that is an everyday word in the middle of a sentence', () => {
    expect(found('Wyjechała na narty, do Zakopanego, a potem do Przemyśla.')).toEqual([
      ['town', 'Zakopanego'],
      ['town', 'Przemyśla'],
    ]);
  });

  it('keeps a town inside a longer finding part of it, not a second finding', () => {
    expect(found('To 34-letnia nauczycielka z Radomia. Adres: 00-950 Warszawa.')).toEqual([
      ['age-place', '34-letnia nauczycielka z Radomia'],
      ['postcode', '00-950 Warszawa'],
    ]);
  });

  it('flags a town as a suggestion only: it is never masked', () => {
    const text = 'Mieszka w Sopocie i pracuje w SP nr 3.';
    expect(findIdentifiers(text).every((f) => !f.mandatoryMask)).toBe(true);
    expect(maskMandatory(text)).toBe(text);
  });
});

describe('names', () => {
  it('has at least 300 Polish and 200 English first names in the dictionary', () => {
    expect(new Set(POLISH_FIRST_NAMES).size).toBeGreaterThanOrEqual(300);
    expect(new Set(ENGLISH_FIRST_NAMES).size).toBeGreaterThanOrEqual(200);
  });

  it.each([
    'Anna',
    'Anny',
    'Annie',
    'Annę',
    'Anną',
    'Marek',
    'Marka',
    'Markiem',
    'Markowi',
    'Kasia',
    'Kasi',
    'Kasię',
    'Pawłem',
    'Maćkiem',
    'Agnieszce',
    'Marcie',
    'Tomaszu',
    'Jerzego',
    'Patrycji',
  ])('recognises the Polish form %s in the middle of a sentence', (form) => {
    expect(found(`Wczoraj rozmawiałam o tym z ${form} po sesji.`)).toEqual([['name', form]]);
  });

  it('recognises English first names, also with a possessive', () => {
    expect(found("After the session I called Sarah and read Oliver's note.")).toEqual([
      ['name', 'Sarah'],
      ['name', "Oliver's"],
    ]);
  });

  it('covers the surname or initial that follows a first name', () => {
    expect(found('Przyszła Anna Kowalska, a potem Marek N. z żoną.')).toEqual([
      ['name', 'Anna Kowalska'],
      ['name', 'Marek N.'],
    ]);
  });

  it.each([
    ['Rozmawiałam z panią Kowalską o terminach.', 'Kowalską'],
    ['Pani Nowak odwołała sesję.', 'Nowak'],
    ['Wczoraj p. K. znowu się spóźniła.', 'p. K.'],
    ['Moja klientka A.K. przerwała terapię.', 'A.K.'],
    ['Pacjent Zieliński nie przyszedł.', 'Zieliński'],
    ['Then Mr Smith cancelled again.', 'Mr Smith'],
    ['I spoke with Dr. Jones about the referral.', 'Dr. Jones'],
    ['My client Thompson missed the session.', 'Thompson'],
  ])('takes the capitalised word after a title or role as a name in %j', (text, name) => {
    expect(found(text)).toEqual([['name', name]]);
  });

  it('takes two capitalised words in the middle of a sentence as a name', () => {
    expect(found('Opowiadała, że Zbyszko Bogdaniec jej pomagał.')).toEqual([['name', 'Zbyszko Bogdaniec']]);
    expect(found('She said that Tilda Swinton was her idol.')).toEqual([['name', 'Tilda Swinton']]);
  });

  it('does not flag ordinary capitalised words at the start of sentences', () => {
    const text =
      'Klientka przyszła spóźniona. Wczoraj odwołała. The session ended early. I felt rushed. ' +
      'Mają dwoje dzieci. Ani razu nie wspomniała o ojcu. Will she come back? Grace under pressure is hard.';
    expect(findIdentifiers(text)).toEqual([]);
  });

  it('still flags a name that opens a sentence when it is not also an everyday word', () => {
    expect(found('Anna przyszła sama. Mark said nothing.')).toEqual([['name', 'Anna']]);
    // Once "Mark" is a name in the middle of a sentence, it is that name at the start of one too.
    expect(found('Anna przyszła sama. Mark said nothing. Later Mark left.')).toEqual([
      ['name', 'Anna'],
      ['name', 'Mark'],
      ['name', 'Mark'],
    ]);
  });
});

const POLISH_CASE = [
  'Klientka, Anna Kowalska (PESEL 44051401359), 34-letnia nauczycielka z Radomia, mieszka przy ',
  'ul. Marszałkowskiej 12/4, 00-950 Warszawa. Pierwsza sesja odbyła się 12.03.2024; 3 kwietnia 2024 ',
  'napisała SMS z numeru 600 123 456 i maila anna.k@example.pl. Jej mąż, pan Nowak, prowadzi firmę ',
  '(NIP 526-025-02-74, strona www.nowak-bud.pl). Rozmawiałam o niej z Markiem.',
].join('');

const ENGLISH_CASE = [
  'My client, Mr Smith, a 34-year-old from Leeds, lives at 221B Baker Street, LS1 4AP. We first met ',
  'on March 12, 2024. He texted me from +44 7700 900123 and wrote to john.smith@example.co.uk; his ',
  'wife Sarah works at https://example.com/team. His old PESEL-like number 44051401358 means nothing.',
].join('');

describe('realistic case texts', () => {
  it('finds every identifier in a Polish case description, in order', () => {
    expect(found(POLISH_CASE)).toEqual([
      ['name', 'Anna Kowalska'],
      ['pesel', '44051401359'],
      ['age-place', '34-letnia nauczycielka z Radomia'],
      ['address', 'ul. Marszałkowskiej 12/4'],
      ['postcode', '00-950 Warszawa'],
      ['date', '12.03.2024'],
      ['date', '3 kwietnia 2024'],
      ['phone', '600 123 456'],
      ['email', 'anna.k@example.pl'],
      ['name', 'Nowak'],
      ['nip', '526-025-02-74'],
      ['url', 'www.nowak-bud.pl'],
      ['name', 'Markiem'],
    ]);
  });

  it('finds every identifier in an English case description, in order', () => {
    expect(found(ENGLISH_CASE)).toEqual([
      ['name', 'Mr Smith'],
      ['age-place', '34-year-old from Leeds'],
      ['address', '221B Baker Street'],
      ['postcode', 'LS1 4AP'],
      ['date', 'March 12, 2024'],
      ['phone', '+44 7700 900123'],
      ['email', 'john.smith@example.co.uk'],
      ['name', 'Sarah'],
      ['url', 'https://example.com/team'],
    ]);
  });

  it('returns findings sorted and non-overlapping, each with its exact text', () => {
    for (const text of [POLISH_CASE, ENGLISH_CASE]) {
      const findings = findIdentifiers(text);
      for (let i = 0; i < findings.length; i++) {
        expect(text.slice(findings[i].start, findings[i].end)).toBe(findings[i].text);
        if (i > 0) expect(findings[i].start).toBeGreaterThanOrEqual(findings[i - 1].end);
      }
    }
  });

  it.each([
    [
      'Polish',
      'Na trzeciej sesji klientka spóźniła się i odpowiadała coraz krócej. Zauważyłam, że trzymam się ' +
        'protokołu, choć ona się wycofuje. Kiedy nazwałam napięcie, powiedziała, że zadania domowe wydają ' +
        'się jej bez sensu. Umówiłyśmy się na wolniejsze tempo i więcej rozmowy o tym, co dzieje się w pracy. ' +
        'Wynik SRS spadł do 31 z 40. Według modelu Bordina pękło porozumienie co do zadań. Do superwizji ' +
        'zabieram pytanie, jak moje zmęczenie wpłynęło na tempo.',
    ],
    [
      'English',
      'After the third session the client arrived late and gave shorter answers. I noticed I was hurrying ' +
        'through the agenda and sticking to the protocol while she disengaged. When I named the tension, she ' +
        'said the homework felt pointless. We agreed to slow down and talk more about work; her SRS total ' +
        "was 32 of 40. Following Bordin's model, the agreement on tasks was strained. I want to bring to " +
        'supervision how my own tiredness shaped the pace.',
    ],
  ])('finds nothing in clean %s clinical prose', (_lang, text) => {
    expect(findIdentifiers(text)).toEqual([]);
  });
});

describe('masking what is published', () => {
  it('masks PESEL, NIP, phone and e-mail and keeps every other character as written', () => {
    const masked = maskMandatory(POLISH_CASE);
    expect(masked).toBe(
      [
        'Klientka, Anna Kowalska (PESEL [PESEL]), 34-letnia nauczycielka z Radomia, mieszka przy ',
        'ul. Marszałkowskiej 12/4, 00-950 Warszawa. Pierwsza sesja odbyła się 12.03.2024; 3 kwietnia 2024 ',
        'napisała SMS z numeru [tel.] i maila [e-mail]. Jej mąż, pan Nowak, prowadzi firmę ',
        '(NIP [NIP], strona www.nowak-bud.pl). Rozmawiałam o niej z Markiem.',
      ].join(''),
    );
    for (const secret of ['44051401359', '526-025-02-74', '600 123 456', 'anna.k@example.pl']) {
      expect(masked).not.toContain(secret);
    }
  });

  it('masks the English text the same way and leaves a checksum-invalid PESEL look-alike in place', () => {
    const masked = maskMandatory(ENGLISH_CASE);
    expect(masked).toContain('texted me from [tel.] and wrote to [e-mail]; his');
    expect(masked).toContain('44051401358 means nothing');
    expect(masked).toContain('Mr Smith, a 34-year-old from Leeds');
  });

  it('uses one digit-free mask per mandatory kind', () => {
    expect(MASKS).toEqual({ pesel: '[PESEL]', nip: '[NIP]', iban: '[IBAN]', 'id-number': '[ID]', email: '[e-mail]', phone: '[tel.]' });
    for (const mask of Object.values(MASKS)) expect(mask).not.toMatch(/\d/);
  });

  it('leaves text without mandatory identifiers unchanged', () => {
    const text = 'Anna K., 34 lata, z Gdańska; spotkanie 12.03.2024 na ul. Długiej 5.';
    expect(maskMandatory(text)).toBe(text);
  });

  it('still masks everything when given findings that are stale or incomplete', () => {
    const text = 'PESEL 44051401359, tel. 600 123 456.';
    const stale = findIdentifiers('PESEL 44051401359.').map((f) => ({ ...f, start: f.start + 3, end: f.end + 3 }));
    expect(maskMandatory(text, stale)).toBe('PESEL [PESEL], tel. [tel.].');
    expect(maskMandatory(text, [])).toBe('PESEL [PESEL], tel. [tel.].');
  });

  it('does not mask a number claimed to be a PESEL when its checksum fails', () => {
    const text = 'Nr 44051401358.';
    const forged = [{ kind: 'pesel' as const, start: 3, end: 14, text: '44051401358', mandatoryMask: true }];
    expect(maskMandatory(text, forged)).toBe(text);
  });
});

describe('PESEL and NIP written with spaces or dashes', () => {
  it('uses a PESEL with a valid checksum in these tests', () => {
    expect(isValidPesel('85031212343')).toBe(true);
  });

  it.each([
    ['PESEL 850312 12343, potem nic.', '850312 12343'],
    ['Podała 850 312 123 43 w formularzu.', '850 312 123 43'],
    ['Numer: 85 03 12 12343.', '85 03 12 12343'],
    ['W aktach 850312-12343 i nic więcej.', '850312-12343'],
    ['W aktach 8503121234-3 i nic więcej.', '8503121234-3'],
  ])('finds and masks the whole spaced or dashed PESEL in %j', (text, written) => {
    expect(found(text)).toEqual([['pesel', written]]);
    expect(maskMandatory(text)).toBe(text.replace(written, '[PESEL]'));
  });

  it('accepts a PESEL written with single spaces or dashes, and not with double or other separators', () => {
    expect(isValidPesel('850312 12343')).toBe(true);
    expect(isValidPesel('8503121234-3')).toBe(true);
    expect(isValidPesel('850312  12343')).toBe(false);
    expect(isValidPesel('850312--12343')).toBe(false);
    expect(isValidPesel('850312.12343')).toBe(false);
    expect(isValidPesel(' 85031212343')).toBe(false);
  });

  it('ignores a spaced number whose checksum fails, and does not cut a PESEL out of a longer run', () => {
    expect(kindsOf('Podała 850 312 123 44 w formularzu.')).toEqual([]);
    expect(kindsOf('Konto 12 850312 12343 podała w mailu.')).toEqual([]);
  });

  it('flags an 11-digit number with a wrong checksum right after the word PESEL for the author to consider, without masking it', () => {
    const text = 'PESEL: 850312 12344, reszta później.';
    expect(findIdentifiers(text).map((f) => [f.kind, f.text, f.mandatoryMask])).toEqual([['pesel', '850312 12344', false]]);
    expect(found('pesel 85031212344.')).toEqual([['pesel', '85031212344']]);
    expect(maskMandatory(text)).toBe(text);
  });

  it('leaves an 11-digit number with a wrong checksum alone when it is not right after the word PESEL', () => {
    expect(kindsOf('Numer sprawy 85031212344, PESEL-owy wygląd to przypadek.')).toEqual([]);
  });

  it.each([
    ['NIP 526 02 50 274 na fakturze.', '526 02 50 274'],
    ['NIP 526-025-02-74 na fakturze.', '526-025-02-74'],
  ])('finds and masks the NIP in %j', (text, written) => {
    expect(found(text)).toEqual([['nip', written]]);
    expect(maskMandatory(text)).toBe(text.replace(written, '[NIP]'));
  });
});

describe('Polish phone numbers in everyday formats', () => {
  it.each([
    ['Zadzwoniła z 601 23 45 67 w nocy.', '601 23 45 67'],
    ['Zadzwoniła z 601-23-45-67 w nocy.', '601-23-45-67'],
    ['Numer 0 601 234 567 podała sama.', '0 601 234 567'],
    ['Numer 0-601-234-567 podała sama.', '0-601-234-567'],
    ['Stacjonarny 022 123 45 67 nie odpowiada.', '022 123 45 67'],
    ['Stacjonarny (0-22) 123-45-67 nie odpowiada.', '(0-22) 123-45-67'],
    ['Stacjonarny 22 1234567 nie odpowiada.', '22 1234567'],
    ['Pisała z 48 601 234 567 wieczorem.', '48 601 234 567'],
    ['Pisała z 48601234567 wieczorem.', '48601234567'],
    ['Pisała z 601.234.567 wieczorem.', '601.234.567'],
    ['Pisała z +48 601 23 45 67 wieczorem.', '+48 601 23 45 67'],
  ])('finds and masks the phone number in %j', (text, phone) => {
    expect(found(text)).toEqual([['phone', phone]]);
    expect(maskMandatory(text)).toBe(text.replace(phone, '[tel.]'));
  });

  it.each([
    ['a money amount', 'Zapłaciła 1 500 zł, a kredyt to 300 000 000 zł albo 120.000.000 PLN.'],
    ['a time and a session count', 'Sesja o 23:40, potem o 9.30; było 12 z 20 sesji, SRS 36 z 40.'],
    ['a dotted number in a longer dotted run', 'Wersja 1.601.234.567 programu.'],
    ['a number with more digits after the grouping', 'Konto 601 23 45 67 89 00 podała w mailu.'],
    ['a round count in thousands', 'W kraju jest 100 000 000 osób i 300 000 000 drzew.'],
  ])('does not take %s for a phone', (_what, text) => {
    expect(kindsOf(text).filter((k) => k === 'phone')).toEqual([]);
  });

  it('keeps a full date a date, not a phone', () => {
    expect(found('Sesja 12.03.2026 była ostatnia.')).toEqual([['date', '12.03.2026']]);
  });
});

describe('names: everyday words, places and institutions that look like names', () => {
  it.each([
    ['"Sam" (oneself) opening a sentence', 'Sam nie wiem, co z tym zrobić.'],
    ['Cuba after a journey there', 'Wyjechała na Kubę w maju. Na Kubie czuła się wolna. Wróciła z Kuby odmieniona.'],
    ['a therapy method', 'Próbowaliśmy Dialectical Behavior Therapy, a potem Motivational Interviewing.'],
    ['the British spelling of a method', 'We moved to Dialectical Behaviour Therapy.'],
    ['a school without a number or patron', 'Uczy w Szkole Podstawowej od lat.'],
    ['a mental health clinic', 'Leczyła się w Poradni Zdrowia Psychicznego.'],
    ['a country', 'Mieszkała w Wielkiej Brytanii i w Stanach Zjednoczonych.'],
    ['a fellowship', 'Chodzi na mityngi Anonimowych Alkoholików.'],
    ['a letter ending a sentence', 'Mamy plan B. Potem zobaczymy, co dalej.'],
    ['a letter ending an English sentence', 'She chose option A. Then she regretted it.'],
  ])('does not flag %s as a name', (_what, text) => {
    expect(kindsOf(text).filter((k) => k === 'name')).toEqual([]);
  });

  it('still flags an initial before a surname, and a name with its initial before a new sentence', () => {
    expect(found('Rozmawiałam z J. Kowalskim o tym.')).toEqual([['name', 'J. Kowalskim']]);
    expect(found('Rozmawiałam z Anną K. Ona mówi, że nie wróci.')).toEqual([['name', 'Anną K.']]);
  });

  it('still flags "Sam" in the middle of a sentence, and Kuba the person', () => {
    expect(found('Rozmawiałam z Sam po sesji.')).toEqual([['name', 'Sam']]);
    expect(found('Jest zła na Kubę, bo nie przyszedł. Dała Kubie prezent.')).toEqual([
      ['name', 'Kubę'],
      ['name', 'Kubie'],
    ]);
  });
});

describe('day and month without a year', () => {
  it.each([
    ['Sesja 12.03 była trudna.', [['date', '12.03']]],
    ['SMS 3.02 o 23:40 był długi.', [['date', '3.02']]],
    ['Urlop od 1.03 do 15.04.', [['date', '1.03'], ['date', '15.04']]],
  ])('flags the day and month in %j as a date, without masking it', (text, expected) => {
    expect(found(text)).toEqual(expected);
    expect(maskMandatory(text)).toBe(text);
  });

  it.each([
    ['a time after "o"', 'Napisała o 23.40 i o 10.05.'],
    ['a time after "godz."', 'Spotkanie godz. 10.05, potem przerwa.'],
    ['a decimal with a unit', 'Dawka 1.10 mg, cena 12.05 zł.'],
    ['a decimal in a longer number', 'Wynik 12.035 i 1.03.4 w wersji.'],
    ['an impossible day or month', 'Wynik 32.01 i 12.13 oraz 0.05.'],
    ['a version number', 'Aplikacja v2.01 działa.'],
  ])('does not flag %s as a date', (_what, text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('disguised e-mail addresses', () => {
  it.each([
    ['Pisała z annak(at)wp(dot)pl wczoraj.', 'annak(at)wp(dot)pl'],
    ['Pisała z anna.k @ wp.pl wczoraj.', 'anna.k @ wp.pl'],
    ['Pisała z anna [at] poczta [dot] onet [dot] pl wczoraj.', 'anna [at] poczta [dot] onet [dot] pl'],
    ['Pisała z anna(małpa)wp(kropka)pl wczoraj.', 'anna(małpa)wp(kropka)pl'],
  ])('finds and masks the e-mail in %j', (text, email) => {
    expect(found(text)).toEqual([['email', email]]);
    expect(maskMandatory(text)).toBe(text.replace(email, '[e-mail]'));
  });

  it('does not take words around a lone at-sign or a "(dot)" for an e-mail', () => {
    expect(kindsOf('Cena @ 5 zł; zob. punkt (dot) niżej.')).toEqual([]);
  });
});

describe('names: short forms and diminutives', () => {
  it.each([
    ['Her husband Dave and his brother Mike came too.', [['name', 'Dave'], ['name', 'Mike']]],
    ['Then Steve, Chris and Liz joined the group.', [['name', 'Steve'], ['name', 'Chris'], ['name', 'Liz']]],
    ['Mąż Basi, Arek, pracuje na zmiany.', [['name', 'Basi'], ['name', 'Arek']]],
    ['Jej brat Staszek i siostra Gośka nie przyszli.', [['name', 'Staszek'], ['name', 'Gośka']]],
    ['Przyszedł z synem Tymkiem i córką Kaśką.', [['name', 'Tymkiem'], ['name', 'Kaśką']]],
  ])('recognises the everyday short form in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['Od stycznia pracuje w kancelarii mecenasa Nowickiego.', 'Nowickiego'],
    ['Leczy ją doktor Zawadzka od lat.', 'Zawadzka'],
    ['Jej ojciec, ks. Marek, odprawia msze.', 'ks. Marek'],
    ['Wezwała ją dyrektorka Nowakowska.', 'Nowakowska'],
  ])('takes the surname after "mecenas", "doktor", "dyrektorka" or "ks." as a name in %j', (text, name) => {
    expect(found(text)).toEqual([['name', name]]);
  });
});

describe('ages in the same sentence as a place', () => {
  it.each([
    ['Klientka, 34 lata, pracuje w szpitalu MSWiA.', [['age-place', '34 lata'], ['workplace', 'szpitalu MSWiA']]],
    [
      'Pacjent (Tomek, lat 17) chodzi do LO im. Kopernika w Łodzi.',
      [['name', 'Tomek'], ['age-place', 'lat 17'], ['workplace', 'LO im. Kopernika'], ['town', 'Łodzi']],
    ],
    ['Siedemnastolatka z Nowej Huty trafiła do mnie po próbie samobójczej.', [['age-place', 'Siedemnastolatka z Nowej Huty']]],
    [
      'Jej syn, szesnastoletni Kuba, chodzi do II LO w Zamościu.',
      [['age-place', 'szesnastoletni'], ['name', 'Kuba'], ['workplace', 'II LO'], ['town', 'Zamościu']],
    ],
    [
      'Mike (17) goes to Holy Cross Academy in Bolton.',
      [['name', 'Mike'], ['age-place', '17'], ['workplace', 'Holy Cross Academy'], ['town', 'Bolton']],
    ],
    ['Liz, 38, lives on Elm Road.', [['name', 'Liz'], ['age-place', '38'], ['address', 'Elm Road']]],
  ])('links the age to the place in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['an age between commas without a place', 'Klientka, 34 lata, pracuje jako pielęgniarka.'],
    ['a marriage or a relationship that lasted years', 'Dwudziestoletnie małżeństwo rodziców rozpadło się. Pięcioletni związek też.'],
  ])('leaves %s alone', (_what, text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it('does not link an age to a place in another sentence, but keeps initials and abbreviations inside one', () => {
    expect(found('Ma 17 lat. Od roku chodzi do LO im. Kopernika w Łodzi.')).toEqual([
      ['workplace', 'LO im. Kopernika'],
      ['town', 'Łodzi'],
    ]);
    expect(found('Pan K. (lat 40) uczy w SP nr 5.')).toEqual([
      ['name', 'K.'],
      ['age-place', 'lat 40'],
      ['workplace', 'SP nr 5'],
    ]);
  });
});

describe('districts, villages and places named by their context', () => {
  it.each([
    ['Pan K. przyszedł 3 marca po rozstaniu z żoną Magdą; mieszka na Mokotowie.', [['name', 'K.'], ['date', '3 marca'], ['name', 'Magdą'], ['town', 'Mokotowie']]],
    ['Kierownik budowy z Wrzeszcza, dawniej na Bielanach, teraz mieszka we Wrzeszczu.', [['town', 'Wrzeszcza'], ['town', 'Bielanach'], ['town', 'Wrzeszczu']]],
  ])('flags the big-city district in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('does not take a district that is an everyday word for one at the start of a sentence', () => {
    expect(kindsOf('Krzyki sąsiadów ją budzą. Zaspa przed domem nie topnieje.')).toEqual([]);
  });

  it.each([
    ['Klient jest weterynarzem w gminie Wąchock.', [['town', 'Wąchock']]],
    ['Mieszka we wsi Zalesie pod Radomiem.', [['town', 'Zalesie'], ['town', 'Radomiem']]],
    ['Kasia śpiewa w chórze parafii św. Jadwigi.', [['name', 'Kasia'], ['town', 'św. Jadwigi']]],
    ['Gary is a postman in a small village near Ludlow.', [['name', 'Gary'], ['town', 'Ludlow']]],
  ])('flags the village, parish or town after "gmina", "wieś", "parafia" or "village near" in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['Mieszka z matką w Brzezinach, małym miasteczku.', [['town', 'Brzezinach']]],
    ['She grew up in Tonypandy and still lives there.', [['town', 'Tonypandy']]],
    ['Po rozwodzie przeprowadziła się z Suwałk do Olecka.', [['town', 'Suwałk'], ['town', 'Olecka']]],
    ['Becky moved from Cardiff to Swansea.', [['name', 'Becky'], ['town', 'Cardiff'], ['town', 'Swansea']]],
  ])('flags where someone lives, grew up or moved in %j, also when the towns list does not know it', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    [
      'Pracuje jako sędzia w Sądzie Rejonowym w Sieradzu.',
      [['rare-detail', 'sędzia'], ['workplace', 'Sądzie Rejonowym'], ['town', 'Sieradzu']],
    ],
    ['Mike goes to Holy Cross Academy in Bolton.', [['name', 'Mike'], ['workplace', 'Holy Cross Academy'], ['town', 'Bolton']]],
    ["Kate's husband works at St John's in Hexham.", [['name', "Kate's"], ['workplace', "St John's"], ['town', 'Hexham']]],
  ])('flags the town of a court, a school or an employer in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['a person someone lives with', 'Mieszka z Markiem od roku.', [['name', 'Markiem']]],
    ['countries', 'Mieszkała kilka lat w Niemczech, potem wróciła do Polski.', []],
    ['a country after "na", and the countryside', 'Przeprowadziła się na wieś, a potem wróciła na Ukrainę.', []],
    ['shops at the start of a sentence', 'Kupuje w Biedronce, bo ma blisko, i tankuje na Orlenie.', []],
  ])('does not take %s for a place', (_what, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('streets named without "ul." or a number', () => {
  it.each([
    ['Pracuje w aptece na Wołoskiej.', 'Wołoskiej'],
    ['Prowadzi aptekę przy Kościuszki.', 'Kościuszki'],
    ['Mieszka przy Piotrkowskiej 12 z partnerem.', 'Piotrkowskiej 12'],
    ['Mieszka na Kościuszki 5, na trzecim piętrze.', 'Kościuszki 5'],
  ])('flags the street in %j', (text, street) => {
    expect(found(text)).toEqual([['address', street]]);
  });

  it('flags an English street without a house number', () => {
    expect(found('Liz lives on Elm Road with her mum.')).toEqual([
      ['name', 'Liz'],
      ['address', 'Elm Road'],
    ]);
  });

  it.each([
    ['a respectful "Twojej"', 'Jak mogłoby brzmieć takie pytanie na Twojej najbliższej sesji?', []],
    ['a holiday, and a person', 'Przy Wigilii zawsze dochodzi do kłótni, a przy Ani czuje się bezpieczna.', [['name', 'Ani']]],
    ['a country of two words', 'Mieszkała na Wielkiej Brytanii? Nie, w Wielkiej Brytanii.', []],
  ])('does not take %s for a street', (_what, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('workplaces named by a job, a boss, a study or an acronym', () => {
  it.each([
    ['Pracuje jako pielęgniarka w szpitalu MSWiA.', [['workplace', 'szpitalu MSWiA']]],
    ['Syn jest w klasie 6b, córka w klasie IIIa.', [['workplace', 'klasie 6b'], ['workplace', 'klasie IIIa']]],
    ["She was a nurse at St Mary's for years.", [['workplace', "St Mary's"]]],
    ['Liz is a teacher at Oakfield Primary.', [['name', 'Liz'], ['workplace', 'Oakfield Primary']]],
    ['Matka jest kierowniczką w Lidlu.', [['workplace', 'Lidlu']]],
    ['Jej szef z Orlenu ją mobbinguje.', [['workplace', 'Orlenu']]],
    ["Tom's boss at Deloitte keeps texting him.", [['name', "Tom's"], ['workplace', 'Deloitte']]],
    ['He is a bus driver for Stagecoach.', [['workplace', 'Stagecoach']]],
    ['Wojtek, student trzeciego roku na AGH, nie wychodzi z akademika.', [['name', 'Wojtek'], ['workplace', 'AGH']]],
    ['Mąż jest kierowcą MPK, syn kurierem z InPostu.', [['workplace', 'MPK'], ['workplace', 'InPostu']]],
    ['Kasia pracuje na recepcji w hotelu Marriott.', [['name', 'Kasia'], ['workplace', 'Marriott']]],
    ["Danny's mum works nights at the Tesco.", [['name', "Danny's"], ['workplace', 'Tesco']]],
  ])('flags the workplace in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['a benefit office and a support group', 'Jest na L4 i dostaje zasiłek z ZUS-u; chodzi na grupę w poradni DDA.', []],
    ['a day or a holiday after "for" and "at"', 'The app waits a day for Publish, Edit or Cancel; we had a party at Christmas.', []],
    ['a person someone works for', 'Pracuje u Marka w warsztacie.', [['name', 'Marka']]],
    ['a generic police station', 'Jest policjantką w komendzie od lat.', []],
  ])('does not flag %s as a workplace', (_what, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('rare details', () => {
  it.each([
    ['Klient jest jedynym weterynarzem w gminie.', [['rare-detail', 'jedynym weterynarzem']]],
    ['Klientka prowadzi jedyną piekarnię w Pcimiu.', [['rare-detail', 'jedyną piekarnię'], ['town', 'Pcimiu']]],
    ['Jen is the only female firefighter in the village.', [['name', 'Jen'], ['rare-detail', 'the only female firefighter']]],
    ['He is the only Polish GP in Inverness.', [['rare-detail', 'the only Polish GP'], ['town', 'Inverness']]],
    ['Jej mąż to znany w okolicy weterynarz.', [['rare-detail', 'znany w okolicy']]],
  ])('flags being the only one, or known to all, in a place in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['Klientka jest żoną wójta gminy Stare Babice.', [['rare-detail', 'wójta'], ['town', 'Stare Babice']]],
    [
      "Kate's husband is the vicar of St John's in Hexham.",
      [['name', "Kate's"], ['rare-detail', 'vicar'], ['workplace', "St John's"], ['town', 'Hexham']],
    ],
  ])('flags a one-person office next to its place in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['the only one in a family or on a shift', 'Jest jedyną osobą w rodzinie, która studiowała, i jedyną kobietą na zmianie.', []],
    ['the only thing somewhere', 'Jedyna rzecz w Krakowie, która ją cieszy, to spacery. Jedyna rzecz w Biblii, w którą wierzy.', [['town', 'Krakowie']]],
    ['the only one at home', 'He is the only one at home who cooks.', []],
    ['an office without a place', 'Rozmawiała z wójtem o dotacji.', []],
  ])('does not flag %s as a rare detail', (_what, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('names a rare detail in the preview in Polish and in English', () => {
    const line = (lang: 'pl' | 'en') => {
      const body = 'Klient jest jedynym weterynarzem w gminie.';
      const list = previewMessage(lang, { title: 'Trudny przypadek', body, question: 'Co dalej?', tags: [] }, 'token', false).blocks.find(
        (b) => b.type === 'list',
      );
      return list?.type === 'list' ? list.items.map((item) => item.map((part) => part.text).join('')) : [];
    };
    expect(line('pl')).toEqual(['Rzadki szczegół „jedynym weterynarzem” — rozważ zmianę albo uogólnienie']);
    expect(line('en')).toEqual(['A rare detail “jedynym weterynarzem” — consider changing or generalising it']);
  });
});

// Sentences written the way therapists write about clients, each with what a careful reader would take out. The
// checker must touch every one of those identifiers (a finding overlapping it). Of their 217 identifiers (Błonia's
// included), the checker found 116 before districts, localities, streets without "ul.", job contexts, rare details and
// same-sentence ages, and 216 after.
const REALISTIC: Array<[string, string[]]> = [
  ['Klientka, pani Basia, 34 lata, pracuje jako pielęgniarka w szpitalu MSWiA na Wołoskiej.', ['Basia', '34 lata', 'MSWiA', 'Wołoskiej']],
  ['Pan K. przyszedł 3 marca po rozstaniu z żoną Magdą; mieszka na Mokotowie.', ['K.', '3 marca', 'Magdą', 'Mokotowie']],
  ['Pacjent (Tomek, lat 17) chodzi do LO im. Kopernika w Łodzi.', ['Tomek', 'lat 17', 'LO im. Kopernika', 'Łodzi']],
  ['Klient jest jedynym weterynarzem w gminie Wąchock i prowadzi tam gabinet.', ['jedynym weterynarzem', 'Wąchock']],
  ['Z rozmowy z Agnieszką wynika, że jej szef z Orlenu w Płocku ją mobbinguje.', ['Agnieszką', 'Orlenu', 'Płocku']],
  ['Mąż pani Joli, Zbigniew, jest policjantem w komendzie w Radomiu.', ['Joli', 'Zbigniew', 'Radomiu']],
  ['P. Kowalska, mgr farmacji, prowadzi aptekę przy Kościuszki w Kutnie.', ['P. Kowalska', 'Kościuszki', 'Kutnie']],
  ['Siedemnastolatka z Nowej Huty trafiła do mnie po próbie samobójczej.', ['Siedemnastolatka', 'Nowej Huty']],
  ['17-latek z SP 12 w Gdyni bije młodszego brata.', ['17-latek', 'SP 12', 'Gdyni']],
  ['Córka klientki, Zuzia, chodzi do Gimnazjum nr 3 na Ursynowie.', ['Zuzia', 'Gimnazjum nr 3', 'Ursynowie']],
  ['Wdowa po czterdziestce, mieszka we wsi Zalesie pod Radomiem, sama z trójką dzieci.', ['Zalesie', 'Radomiem']],
  ['Pracuje jako sędzia w Sądzie Rejonowym w Sieradzu, jest tam jedyną kobietą w wydziale karnym.', ['Sieradzu', 'jedyną kobietą']],
  ['Kasia (16 l.) z parafii św. Jadwigi śpiewa w scholi.', ['Kasia', '16 l.', 'Jadwigi']],
  ['Jej ojciec, ks. Marek, jest proboszczem w Brzezinach.', ['Marek', 'Brzezinach']],
  ['Mieszka z matką w Brzezinach, małym miasteczku pod Łodzią.', ['Brzezinach', 'Łodzią']],
  ['Pan Mirek, 58 lat, kierowca MPK w Krakowie, pije od śmierci żony.', ['Mirek', '58 lat', 'MPK', 'Krakowie']],
  ['Syn klientki, 12-letni Staś, jest w klasie 6b w SP nr 5 w Tczewie.', ['12-letni', 'Staś', '6b', 'SP nr 5', 'Tczewie']],
  ['Klientka pracuje w Biedronce na Bielanach, jest kierowniczką zmiany.', ['Biedronce', 'Bielanach']],
  ['Rozmawiałam z jej mężem, Krzyśkiem, który pracuje w ZUS w Kielcach.', ['Krzyśkiem', 'ZUS', 'Kielcach']],
  ['Pani Gosia (lat 45) uczy matematyki w Technikum nr 2 w Wałbrzychu.', ['Gosia', 'lat 45', 'Technikum nr 2', 'Wałbrzychu']],
  ['Pacjentka urodziła się 14.02.1989, mieszka przy Piotrkowskiej.', ['14.02.1989', 'Piotrkowskiej']],
  ['Czterdziestolatek, kierownik budowy z Wrzeszcza, zgłosił się po rozwodzie.', ['Czterdziestolatek', 'Wrzeszcza']],
  ['Wojtek, student trzeciego roku na AGH, od pół roku nie wychodzi z akademika.', ['Wojtek', 'AGH']],
  ['Klientka prowadzi jedyną piekarnię w Pcimiu.', ['jedyną piekarnię', 'Pcimiu']],
  ['Od stycznia pracuje w kancelarii mecenasa Nowickiego na Żoliborzu.', ['Nowickiego', 'Żoliborzu']],
  ['Jego żona Ewka jest położną na porodówce w Szpitalu Bielańskim.', ['Ewka', 'Szpitalu Bielańskim']],
  ['Klient, 29 lat, programista z Krowodrzy, mówi, że nie ma przyjaciół.', ['29 lat', 'Krowodrzy']],
  ['Mama Jasia jest nauczycielką w przedszkolu nr 8 w Opolu.', ['Jasia', 'przedszkolu nr 8', 'Opolu']],
  ['Pani Jadzia z Koziej Wólki ma 80 lat i opiekuje się wnukiem.', ['Jadzia', 'Koziej Wólki', '80 lat']],
  ['Klientka jest żoną wójta gminy Stare Babice.', ['Stare Babice']],
  ['Pani Ela, lat 62, emerytowana księgowa z Ochoty, straciła męża w marcu.', ['Ela', 'lat 62', 'Ochoty']],
  ['Klient pracował jako kierowca w firmie Raben pod Poznaniem.', ['Raben', 'Poznaniem']],
  ['Jej syn, szesnastoletni Kuba, chodzi do II LO w Zamościu.', ['szesnastoletni', 'Kuba', 'II LO', 'Zamościu']],
  ['Mieszka na Saskiej Kępie, dojeżdża do pracy w Pruszkowie.', ['Saskiej Kępie', 'Pruszkowie']],
  ['Pacjentka jest jedyną stomatolożką w Ustrzykach Dolnych.', ['jedyną stomatolożką', 'Ustrzykach Dolnych']],
  ['Ojciec klientki był komendantem posterunku w Białobrzegach.', ['komendantem', 'Białobrzegach']],
  ['Klient (lat 34) jest nauczycielem WF-u w SP nr 2 w Łomiankach.', ['lat 34', 'SP nr 2', 'Łomiankach']],
  ['Od 2019 mieszka we Wrzeszczu przy Grunwaldzkiej.', ['Wrzeszczu', 'Grunwaldzkiej']],
  ['Po rozwodzie przeprowadziła się z Suwałk do Olecka.', ['Suwałk', 'Olecka']],
  ['Marta, 27 lat, pracuje w Żabce na Bałutach.', ['Marta', '27 lat', 'Żabce', 'Bałutach']],
  ['Pani Hania jest sołtyską w Zalesiu Górnym.', ['Hania', 'sołtyską', 'Zalesiu Górnym']],
  ['Jego partner Łukasz pracuje w Amazonie pod Wrocławiem.', ['Łukasz', 'Amazonie', 'Wrocławiem']],
  ['Trzydziestolatka z Bronowic, matka bliźniaków, boi się wyjść z domu.', ['Trzydziestolatka', 'Bronowic']],
  ['Klientka urodziła się w Kętach, a teraz mieszka w Bielsku.', ['Kętach', 'Bielsku']],
  ['Zosia (lat 9) chodzi do klasy 3a w szkole w Wilanowie.', ['Zosia', 'lat 9', 'klasy 3a', 'Wilanowie']],
  ['Mąż Bożenki jest górnikiem w kopalni Wujek.', ['Bożenki', 'Wujek']],
  ['Pan Staszek prowadzi warsztat przy Lipowej w Ełku.', ['Staszek', 'Lipowej', 'Ełku']],
  ['Kasia pracuje na recepcji w hotelu Marriott.', ['Kasia', 'Marriott']],
  ['Klientka, 41 lat, pielęgniarka z hospicjum w Pucku, wypaliła się zawodowo.', ['41 lat', 'Pucku']],
  ['Pan Józek prowadzi sklep spożywczy w Lipnicy Murowanej.', ['Józek', 'Lipnicy Murowanej']],
  ['Córka (lat 15) uczy się w Zespole Szkół nr 1 w Wadowicach.', ['lat 15', 'Zespole Szkół nr 1', 'Wadowicach']],
  // Błonie, a town outside the list with no word before it that says "place", is still missed.
  ['Jej mąż to znany w okolicy weterynarz z Błonia.', ['znany w okolicy']],
  ['Mieszkają z teściami na Prądniku Białym.', ['Prądniku Białym']],
  ['Tata Oli jest strażakiem w OSP Kłaj.', ['Oli', 'OSP Kłaj']],
  ['Pacjent, 23-letni kurier z InPostu, ma myśli samobójcze.', ['23-letni', 'InPostu']],
  ['Rozmawiałam z nią o szefowej z urzędu skarbowego w Lesznie.', ['Lesznie']],
  ['Klient ma 52 lata, jest radnym w gminie Dobczyce.', ['52 lata', 'radnym', 'Dobczyce']],
  ['Kuzynka klientki, Monika, pracuje w Rossmannie przy Długiej.', ['Monika', 'Rossmannie', 'Długiej']],
  ['Od września 2023 r. chodzi do przedszkola na Kabatach.', ['Kabatach']],
  ["My client Sarah, a 42-year-old nurse at St Mary's in Leeds, said her husband Dave hit her.", ['Sarah', '42-year-old', "St Mary's", 'Leeds', 'Dave']],
  ['Mike (17) goes to Holy Cross Academy in Bolton and self-harms.', ['Mike', '17', 'Holy Cross Academy', 'Bolton']],
  ['Liz, 38, a teacher at Oakfield Primary, lives on Elm Road with her mum.', ['Liz', '38', 'Oakfield Primary', 'Elm Road']],
  ['Her partner Steve works at the Nissan plant in Sunderland.', ['Steve', 'Nissan', 'Sunderland']],
  ['Jen is the only female firefighter in the village.', ['Jen', 'only female firefighter']],
  ['Chris, aged 16, attends Westfield High School in Sheffield.', ['Chris', 'aged 16', 'Westfield High School', 'Sheffield']],
  ['Becky moved from Cardiff to Swansea after her mum died on 3 June.', ['Becky', 'Cardiff', 'Swansea', '3 June']],
  ['Her son Jamie, a 9-year-old from Wickham, was excluded from school.', ['Jamie', '9-year-old', 'Wickham']],
  ["Kate's husband is the vicar of St John's in Hexham.", ["Kate's", "St John's", 'Hexham']],
  ['My client, a 55-year-old bus driver for Stagecoach in Exeter, lost his son last year.', ['55-year-old', 'Stagecoach', 'Exeter']],
  ['She grew up in Tonypandy and still lives two doors down from her mother.', ['Tonypandy']],
  ["Tom's boss at Deloitte keeps texting him at night.", ["Tom's", 'Deloitte']],
  ['My client Jess, 29, works at the Co-op in Kendal.', ['Jess', '29', 'Co-op', 'Kendal']],
  ['Her dad is the headteacher at Greenfield Primary in Wigan.', ['headteacher', 'Greenfield Primary', 'Wigan']],
  ['Pete, a 61-year-old farmer from near Hay-on-Wye, lost his wife in May.', ['Pete', '61-year-old', 'Hay-on-Wye']],
  ['She lives on Mill Lane in Totnes with her two kids.', ['Mill Lane', 'Totnes']],
  ["Danny's mum works nights at the Tesco in Hull.", ["Danny's", 'Tesco', 'Hull']],
  ['He is the only Polish GP in Inverness.', ['only Polish GP', 'Inverness']],
  ["Becky's son Liam goes to St Anne's primary in Bootle.", ["Becky's", 'Liam', "St Anne's", 'Bootle']],
  ["She's a paramedic with the North West Ambulance Service.", ['North West Ambulance Service']],
  ['Gary, 47, a postman in a small village near Ludlow, drinks alone.', ['Gary', '47', 'Ludlow']],
  ['The client and her wife run the only B&B on Lundy.', ['only B&B', 'Lundy']],
  ['He teaches maths at Hillcrest Academy and lives in Ormskirk.', ['Hillcrest Academy', 'Ormskirk']],
];

// Ordinary clinical sentences: everyday capitalised words, weekdays, holidays, countries, durations, "przy okazji".
const ORDINARY: string[] = [
  'Mama klientki dzwoni codziennie, a ona nie umie odmówić.',
  'Wiosna była dla niej najtrudniejsza, jak co roku.',
  'Pan nie przyszedł na sesję i nie odwołał.',
  'W poniedziałek odwołała, w środę przyszła spóźniona.',
  'Na początku terapii mówiła bardzo mało.',
  'Przy okazji zapytała, czy może zmienić godzinę.',
  'W szkole ma problemy z rówieśnikami, w pracy z szefem.',
  'Na terapii jest od roku, wcześniej dwa lata brała leki.',
  'Mieszka z mamą i młodszą siostrą w bloku na osiedlu.',
  'Pochodzi z małej miejscowości, a teraz mieszka w dużym mieście.',
  'Jest jedynym dzieckiem i jedyną osobą w rodzinie, która studiowała.',
  'Od 10 lat pracuje w tym samym miejscu, od 3 lat jest w związku.',
  'Ma 34 lata i czuje, że nic jej się nie udało.',
  'Klientka, 34 lata, pracuje jako pielęgniarka.',
  'Szef krzyczy na nią przy wszystkich.',
  'Wtorek i czwartek to jej najgorsze dni.',
  'Po sesji czułam złość i bezradność, wzięłam to na superwizję.',
  'Przy pierwszym kontakcie był zdystansowany, przy drugim bardziej otwarty.',
  'Na Wigilię jedzie do rodziców i boi się pytań o ślub.',
  'W Boże Narodzenie pokłóciła się z siostrą.',
  'Leczyła się w Poradni Zdrowia Psychicznego i w ośrodku interwencji kryzysowej.',
  'Mieszkała kilka lat w Niemczech, potem wróciła do Polski.',
  'Przeprowadziła się na wieś, do domu po babci.',
  'Chodzi na mityngi AA i na terapię DDA.',
  'Jest na L4 i dostaje zasiłek z ZUS-u.',
  'W pracy jest jedyną kobietą na zmianie.',
  'Przyszła z mamą, a wyszła sama.',
  'Po czterdziestce zaczęła biegać, a w wieku pięćdziesięciu lat rzuciła palenie.',
  'Kupuje w Biedronce, bo ma blisko, i tankuje na Orlenie.',
  'Przy Wigilii zawsze dochodzi do kłótni.',
  'Wróciła do pracy po urlopie macierzyńskim.',
  'Mieszka sama od śmierci męża.',
  'Pochodzi z rodziny z problemem alkoholowym.',
  'Szefowa nie daje jej urlopu, a kierownik ją ignoruje.',
  'Przeprowadziła się do chłopaka po trzech miesiącach.',
  'Mówi, że Bóg ją opuścił, a w Kościele czuje się obco.',
  'Wróciła na Ukrainę na dwa tygodnie, do rodziców.',
  'Przy Pani czuję się bezpiecznie — napisała w mailu.',
  'Pracuje na Zachodzie, w Niemczech, od pięciu lat.',
  'Na Boże Narodzenie jedzie na Śląsk.',
  'Dwudziestoletnie małżeństwo rozpadło się w zeszłym roku.',
  'Jest w trzeciej klasie liceum i ma 17 lat.',
  'Studiuje zaocznie i pracuje w sklepie.',
  'Mieszka z partnerem w wynajętym mieszkaniu.',
  'Czytała Biblię w Adwencie i modliła się w Wielkim Poście.',
  'Jak mogłoby brzmieć takie pytanie na Twojej najbliższej sesji?',
  'Na spotkaniu z kuratorem była spięta.',
  'Pracuje jako nauczycielka od dwudziestu lat.',
  'Wróciła z urlopu w Chorwacji opalona i smutna.',
  'Mieszka w akademiku na obrzeżach miasta.',
  'She lives with her mum and works in a shop.',
  'On Monday she cancelled; in March she came back.',
  'Mum rang twice during the session; Dad never calls.',
  'He is the only child, and the only one at home who cooks.',
  'At first she spoke little; by the way, she asked about fees.',
  'She grew up in care and moved to the city at eighteen.',
  'In the beginning he worked in IT, later in HR.',
  'Will she come back after Christmas? Hope so.',
  'She moved back home after university.',
  'Her boss at work shouts at her.',
  'He is the only one in his family who went to university.',
  'Dad works away a lot; Mum is a nurse.',
  'In April she started a new job.',
  'She is the only carer for her father.',
  'He works in retail and hates Mondays.',
  'Lives alone since the divorce; sees the kids at weekends.',
];

describe('realistic case texts: recall and ordinary words', () => {
  it.each(REALISTIC)('touches every identifier in %j', (text, identifiers) => {
    const findings = findIdentifiers(text);
    const missed = identifiers.filter((id) => {
      const start = text.indexOf(id);
      expect(start, id).toBeGreaterThanOrEqual(0);
      return !findings.some((f) => f.start < start + id.length && f.end > start);
    });
    expect(missed).toEqual([]);
  });

  it.each(ORDINARY)('finds nothing in the ordinary sentence %j', (text) => {
    expect(found(text)).toEqual([]);
  });
});

// An independent mod-97 builder, so that the account tests do not check the checker against itself.
function polishAccount(bankAndNumber24: string): string {
  const digits = `${bankAndNumber24}252100`; // "PL" = 25 21, check digits 00
  let rest = 0;
  for (const c of digits) rest = (rest * 10 + Number(c)) % 97;
  return String(98 - rest).padStart(2, '0') + bankAndNumber24;
}

describe('bank accounts, ID cards and passports', () => {
  it('agrees with the published example accounts and an independent builder', () => {
    expect(isValidIban('PL61 1090 1014 0000 0712 1981 2874')).toBe(true);
    expect(isValidIban('GB29 NWBK 6016 1331 9268 19')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(polishAccount('109010140000071219812874')).toBe('61109010140000071219812874');
    expect(isValidIban(polishAccount('102055581111145632881234'))).toBe(true);
    expect(isValidIban('GB29 NWBK 6016 1331 9268 18')).toBe(false);
    expect(isValidIban(changeLastDigit(polishAccount('102055581111145632881234')))).toBe(false);
  });

  it('checks Polish ID card and passport numbers by their check digit', () => {
    // A·7 + B·3 + A·1 + 0·7… = 70 + 33 + 10 = 113, so the check digit is 3 (ABA300000, the specimen).
    expect(isValidPolishIdCard('ABA300000')).toBe(true);
    expect(isValidPolishIdCard('ABA 300000')).toBe(true);
    expect(isValidPolishIdCard('ABA400000')).toBe(false);
    expect(isValidPolishPassport('EA1234567')).toBe(true);
    expect(isValidPolishPassport('EA1234568')).toBe(false);
  });

  it.each([
    ['Pokazał wyciąg z kontem PL61 1090 1014 0000 0712 1981 2874, żeby coś udowodnić.', 'iban', 'PL61 1090 1014 0000 0712 1981 2874'],
    ['Przelewała na 61 1090 1014 0000 0712 1981 2874 co miesiąc.', 'iban', '61 1090 1014 0000 0712 1981 2874'],
    ['They paid from GB29 NWBK 6016 1331 9268 19 last week.', 'iban', 'GB29 NWBK 6016 1331 9268 19'],
    ['Pokazała dowód ojca (ABA300000), żeby potwierdzić, że to on.', 'id-number', 'ABA300000'],
    ['Zgubił paszport EA1234567 na lotnisku.', 'id-number', 'EA1234567'],
  ])('finds and masks the account or document in %j', (text, kind, written) => {
    expect(findIdentifiers(text).map((f) => [f.kind, f.text, f.mandatoryMask])).toEqual([[kind, written, true]]);
    expect(maskMandatory(text)).toBe(text.replace(written, kind === 'iban' ? '[IBAN]' : '[ID]'));
  });

  it('leaves look-alikes whose check fails, and product codes, alone', () => {
    expect(kindsOf('Konto PL61 1090 1014 0000 0712 1981 2875, w notatkach ABA400000 i EA1234568.')).toEqual([]);
    expect(kindsOf('Kupiła telewizor QLED 55 i drukarkę HP 123456.')).toEqual([]);
  });

  it('does not mask an account claimed by a stale or forged finding when its check fails', () => {
    const text = 'Konto 61109010140000071219812875.';
    const forged = [{ kind: 'iban' as const, start: 6, end: 32, text: '61109010140000071219812875', mandatoryMask: true }];
    expect(maskMandatory(text, forged)).toBe(text);
  });
});

describe('numbers after the name of a document, record or car', () => {
  it.each([
    ['Przyniósł wypis (nr historii choroby 2024/05871) i dał mi go.', '2024/05871'],
    ['Numer karty w naszej poradni MR-2023-0457 wpisałam w notatkę.', 'MR-2023-0457'],
    ['Sprawa o sygn. akt III RC 512/23 toczy się od roku.', 'III RC 512/23'],
    ['Her NHS number 943 476 5919 was on the letter.', '943 476 5919'],
    ['The hospital number is RX1 2345678, printed on the letter.', 'RX1 2345678'],
    ['He told me his passport number (533401372) in tears.', '533401372'],
    ['Przyjechał autem WX 12345 i śpi w kabinie.', 'WX 12345'],
    ['Drives a red Mini, plate SK19 XWZ, and checks the handbrake.', 'SK19 XWZ'],
  ])('masks the number in %j', (text, written) => {
    expect(found(text)).toEqual([['id-number', written]]);
    expect(maskMandatory(text)).toBe(text.replace(written, '[ID]'));
  });

  it.each([
    ['a car named by its make', 'Jeździ autem BMW 320 i samochodem VW Golf.'],
    ['a short number or a year after a label', 'Karta pacjenta nr 12 leży w szafie; paszport z 2019 roku.'],
    ['proof, not an ID card', 'To dowód na to, że terapia działa: GAD-7 spadł z 17 do 9.'],
  ])('leaves %s alone', (_what, text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('social-media names', () => {
  it.each([
    ['Pisze do mnie na Instagramie z konta @beata.wolka.', '@beata.wolka'],
    ['Pokazał konto (@dawid.siedlce.tuning) z filmikami.', '@dawid.siedlce.tuning'],
    ['He posts as @tyler_oakwood09 on TikTok.', '@tyler_oakwood09'],
    ['Jest na TikToku jako olcia_zgierz_08 i ma tysiące obserwujących.', 'olcia_zgierz_08'],
    ['He streams on Twitch as dark_knight77 every night.', 'dark_knight77'],
  ])('finds the name in %j, shown to the author, not masked', (text, handle) => {
    expect(findIdentifiers(text).map((f) => [f.kind, f.text, f.mandatoryMask])).toEqual([['handle', handle, false]]);
  });

  it('does not take a word after a platform, a lone at-sign or an e-mail for a social-media name', () => {
    expect(kindsOf('Na TikToku jako dziewczyna z miasta czuje się lepiej; cena @ 5 zł.')).toEqual([]);
    expect(found('Pisała z anna.k@example.pl.')).toEqual([['email', 'anna.k@example.pl']]);
  });
});

describe('names the dictionary lacks, named by their company', () => {
  it.each([
    ['Mąż Zdzisiek dzwoni i pyta o postępy.', [['name', 'Zdzisiek']]],
    ['W rodzinie mówią na nią Kasieńka, a na brata Bartuś.', [['name', 'Kasieńka'], ['name', 'Bartuś']]],
    ['Mama Kacpra jest lekarką, tata Aleksandra nie.', [['name', 'Kacpra'], ['name', 'Aleksandra']]],
  ])('knows the short, tender and declined form in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['She said her brother Kwame sorts her out.', [['name', 'Kwame']]],
    ['Jej partner Jurand nie chce terapii.', [['name', 'Jurand']]],
    ['Couple: Tom (38) and Priya (35), both doctors.', [['name', 'Tom'], ['age-place', '38'], ['name', 'Priya'], ['age-place', '35']]],
    ['Przyszli Beata i Radogost, po ślubie od roku.', [['name', 'Beata'], ['name', 'Radogost']]],
    ['Couple: Tom and Priya. Priya is pregnant; Tom is not sure.', [['name', 'Tom'], ['name', 'Priya'], ['name', 'Priya'], ['name', 'Tom']]],
  ])('takes a capitalised word after a family word, beside an age or joined to a name for a name in %j', (text, expected) => {
    expect(found(text).filter(([kind]) => kind === 'name')).toEqual(expected.filter(([kind]) => kind === 'name'));
  });

  it.each([
    ['K., 29 l., programistka, napady paniki.', 'K.'],
    ['J. from the accounts team, OCD (checking).', 'J.'],
  ])('takes an initial that does not end a sentence for a name in %j', (text, initial) => {
    expect(found(text)).toEqual([['name', initial]]);
  });

  it.each([
    ['a family word before a lowercase word or a comma', 'Jej mąż, który pije, i brat z żoną przyszli. Her brother said no.'],
    ['an adverb before "i" and a name', 'Potem i Tomek się odezwał.'],
    ['a letter that ends the text', 'Wybrała plan B.'],
    ['a Roman-numbered heading', 'I. wstęp do tematu.'],
  ])('leaves %s alone', (_what, text) => {
    expect(found(text).filter(([kind]) => kind === 'name')).toEqual(text.includes('Tomek') ? [['name', 'Tomek']] : []);
  });
});

describe('workplaces in terse notes', () => {
  it.each([
    ['K., 29 l., programistka w CD Projekt.', [['name', 'K.'], ['age-place', '29 l.'], ['workplace', 'CD Projekt']]],
    ['Pan Tadeusz, emerytowany maszynista z PKP, mieszka sam.', [['name', 'Tadeusz'], ['workplace', 'PKP']]],
    ['Client: Jenny, barista at the Starbucks, panics.', [['name', 'Jenny'], ['workplace', 'Starbucks']]],
    ['Uczeń kl. 7b, od września nie chodzi na WF.', [['workplace', 'kl. 7b']]],
    ['Zgłosiła się Ola z 2c; jej brat chodzi do 3a.', [['name', 'Ola'], ['workplace', '2c'], ['workplace', '3a']]],
    ['Urodziła w szpitalu Bielańskim, leczy się w przychodni Praskiej.', [['workplace', 'szpitalu Bielańskim'], ['workplace', 'przychodni Praskiej']]],
  ])('flags the workplace or class in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['work, a pupil or a client before a capital', 'Praca w Excelu ją nudzi; uczennica z ASD i pacjentka z BPD są w grupie.'],
    ['a job in a country or at Christmas', 'Inżynier w Niemczech, kierowca w Boże Narodzenie, nurse at Christmas.'],
    ['a truck, not an employer', 'Pan Zdzisław, kierowca TIR-a, śpi w kabinie.'],
    ['a class number without a school word before it', 'Wróciła z 2 sesji; pokój 3a jest wolny.'],
  ])('leaves %s alone', (_what, text) => {
    expect(found(text).filter(([kind]) => kind === 'workplace')).toEqual([]);
  });

  it('does not take a code such as a card number for an institution named by an acronym', () => {
    expect(found('Numer karty w poradni MR-2023-0457.')).toEqual([['id-number', 'MR-2023-0457']]);
  });
});

describe('places named by what is near them, and the town of a business or a court', () => {
  it.each([
    ['On rolnik spod Łowicza, ona z okolic Kutna.', [['town', 'Łowicza'], ['town', 'Kutna']]],
    ['Mają gospodarstwo w Zdunach i 40 krów.', [['town', 'Zdunach']]],
    ['Her late father was a vicar in a village of two hundred souls in Rutland.', [['town', 'Rutland']]],
    ['He retired from the Crown Court in Truro.', [['name', 'Crown Court'], ['town', 'Truro']]],
  ])('flags the place in %j', (text, expected) => {
    expect(found(text).filter(([kind]) => kind !== 'rare-detail')).toEqual(expected);
  });

  it.each([
    ['a country or the countryside', 'Pochodzi spod Niemiec? Nie, z okolic Polski; a village in Wales.'],
    ['a business in a country or online', 'Ma firmę w Polsce i sklep w Internecie.'],
  ])('does not take %s for a place', (_what, text) => {
    expect(found(text)).toEqual([]);
  });
});

describe('rare details: offices, shows and records', () => {
  it.each([
    ['Jej ojciec był posłem trzech kadencji.', [['rare-detail', 'posłem']]],
    ['Her mother was an MP for years.', [['rare-detail', 'an MP']]],
    ['W 2019 roku wygrał w Milionerach i nikt go nie traktuje normalnie.', [['rare-detail', 'wygrał w Milionerach']]],
    ['Mr. Whitfield was once a contestant on Mastermind.', [['name', 'Mr. Whitfield'], ['rare-detail', 'contestant on Mastermind']]],
    ['Alex is the youngest partner ever at the firm.', [['name', 'Alex'], ['rare-detail', 'the youngest partner ever']]],
    ['Jest jedyną kobietą-kapitanem w porcie.', [['rare-detail', 'jedyną kobietą-kapitanem']]],
    ['She is the only female firefighter at the station.', [['rare-detail', 'the only female firefighter']]],
    ['A retired judge from the court in Truro came.', [['rare-detail', 'judge'], ['town', 'Truro']]],
  ])('flags the rare detail in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    ['an MP met, not held', 'Rozmawiała z posłem o ustawie; she wrote to her MP.'],
    ['a win or a show in a town, a country or at Christmas', 'Wygrała w Warszawie turniej, won in Poland, wystąpiła w Wigilię.'],
    ['a first session', 'It was the first session ever where she cried.'],
    ['a judge without a place', 'She felt like a judge was watching her.'],
  ])('does not flag %s as a rare detail', (_what, text) => {
    expect(found(text).filter(([kind]) => kind === 'rare-detail')).toEqual([]);
  });
});

describe('holidays with a year, and ages after initials', () => {
  it.each([
    ['W Wigilię 2024 napisała mi długiego maila.', 'Wigilię 2024'],
    ['Owdowiał w Boże Narodzenie 2022 r. i od tego czasu pije.', 'Boże Narodzenie 2022 r.'],
    ['He was widowed on Christmas Eve 2022.', 'Christmas Eve 2022'],
    ["She left him on Valentine's Day, 2021.", "Valentine's Day, 2021"],
  ])('takes the holiday with its year for a date in %j', (text, date) => {
    expect(found(text)).toEqual([['date', date]]);
  });

  it('leaves a holiday without a year alone', () => {
    expect(found('Na Wigilię jedzie do rodziców; at Christmas 2 sessions were cancelled.')).toEqual([]);
  });

  it('links an age after initials to a practice named in the same sentence', () => {
    expect(found('Pt. D.K., 52, referred by the Hillside surgery.')).toEqual([
      ['name', 'D.K.'],
      ['age-place', '52'],
      ['workplace', 'Hillside surgery'],
    ]);
  });

  it('does not take a numeric duration before "stażem" or "związek" for an age', () => {
    expect(found('Po 20-letnim stażu i 10-letnim związku wróciła do Radomia.')).toEqual([['town', 'Radomia']]);
  });
});
