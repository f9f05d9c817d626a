// Capitalised words that follow "w", "na", "przy", "in" without being a street, a village, a district or an employer:
// countries and regions (too large to point at anyone), holidays and times, institutions (employers, not places),
// pronouns, forms of address, God and family.

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Lowercased. Countries, regions and continents in the forms a sentence puts them in, Polish and English. */
const COUNTRIES_AND_REGIONS = `
  polska polski polsce polskę anglia anglii anglię niemcy niemiec niemczech irlandia irlandii szkocja szkocji walia walii
  holandia holandii norwegia norwegii szwecja szwecji dania danii francja francji hiszpania hiszpanii portugalia
  portugalii włochy włoch włoszech austria austrii szwajcaria szwajcarii belgia belgii czechy czech czechach słowacja
  słowacji węgry węgier węgrzech ukraina ukrainy ukrainie ukrainę białoruś białorusi rosja rosji litwa litwy litwie
  łotwa łotwy łotwie estonia estonii grecja grecji chorwacja chorwacji turcja turcji islandia islandii kanada kanady
  kanadzie australia australii usa stany stanów stanach ameryka ameryki ameryce europa europy europie azja azji afryka
  afryki afryce brytania brytanii wielka wielkiej emiratach egipt egiptu egipcie indie indii indiach japonia japonii
  chiny chin chinach wietnam wietnamu wietnamie gruzja gruzji mołdawia mołdawii kazachstan kazachstanu
  śląsk śląska śląsku mazury mazur mazurach kaszuby kaszub kaszubach podhale podhala podhalu pomorze pomorza pomorzu
  mazowsze mazowsza mazowszu podlasie podlasia podlasiu wielkopolska wielkopolski wielkopolsce małopolska małopolski
  małopolsce warmia warmii kujawy kujaw kujawach bieszczady bieszczad bieszczadach tatry tatr tatrach zachodzie
  wschodzie północy południu
  poland england scotland wales ireland britain uk us usa america canada australia germany france spain italy
  portugal greece netherlands holland belgium sweden norway denmark finland iceland switzerland austria ukraine
  russia belarus lithuania latvia estonia czechia slovakia hungary romania bulgaria croatia serbia turkey india
  pakistan bangladesh china japan nigeria ghana kenya somalia jamaica europe africa asia
  yorkshire cornwall devon kent essex midlands lancashire
`;

/** Lowercased. Holidays, months, days and other times that take a preposition and a capital. */
const TIMES = `
  wigilia wigilii wigilię wigilią boże bożego wielkanoc wielkanocy wielkanocą sylwester sylwestra sylwestrze
  adwent adwentu adwencie post postu poście święta świąt świętach wszystkich zaduszki zaduszkach komunia komunii komunię komunią bierzmowanie bierzmowania mszy msza mszę
  january february march april may june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday christmas easter advent lent ramadan
  year reception
`;

/** Lowercased. Institutions and buildings written with a capital: where someone works, but not a place name. */
const INSTITUTIONS = `
  dom domu domem ośrodek ośrodka ośrodku poradnia poradni przychodnia przychodni szpital szpitala szpitalu szkoła szkole
  szkoły sąd sądu sądzie kościół kościele kościoła urząd urzędzie urzędu church school hospital
`;

/** Lowercased. The internet, God, family and the words people write with a capital out of respect. */
const ADDRESS_AND_BELIEF = `
  internet internecie internetu sieci facebook facebooku instagram instagramie tiktok tiktoku google youtube youtubie
  messenger messengerze whatsapp
  pan pani pana panu panią panem panie państwo państwa państwu tobie ciebie tobą ty was wam wami nim niej niego
  twój twoja twoje twojej twoim twoją twojego twojemu wasz wasza wasze waszej waszym waszą waszego
  bóg boga bogu bogiem jezus jezusa jezusie chrystus chrystusa maryja maryi
  god jesus christ heaven english polish welsh irish scottish french german spanish
  mum dad mom mother father nan gran granny grandma grandpa
  mama mamy mamie mamę mamą tata taty tacie tatę tatą babcia babci babcię babcią dziadek dziadka dziadkowi dziadkiem
`;

/** Everything above: a capitalised word in this set is never taken for a place name. */
export const NOT_PLACE_WORDS: ReadonlySet<string> = words(`${COUNTRIES_AND_REGIONS} ${TIMES} ${INSTITUTIONS} ${ADDRESS_AND_BELIEF}`);

/** The same without the institutions, which are employers ("jako sędzia w Sądzie Rejonowym"). */
export const NOT_EMPLOYER_WORDS: ReadonlySet<string> = words(`${COUNTRIES_AND_REGIONS} ${TIMES} ${ADDRESS_AND_BELIEF}`);
