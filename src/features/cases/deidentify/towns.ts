// Finds town and city names (Polish towns in the case forms a sentence puts them in, big-city districts from
// districts.ts, and major world cities in Polish and English spellings): alone a town is rarely enough, but next to
// a job or a school it narrows a client down.

import { DISTRICTS, DISTRICTS_AMBIGUOUS_AT_SENTENCE_START } from './districts.js';
import { makeFinding, type Finding } from './types.js';

/**
 * One town a line: its forms separated by "|" (nominative first; then genitive, dative, accusative, instrumental,
 * locative as far as they differ). Declension is irregular for towns ("w Sopocie", "z Gdańska", "do Łodzi"), so the
 * forms are written out rather than derived. Left out on purpose: towns that are everyday words ("Police", "Brzeg",
 * "Góra", "Koło", "Wola", "Reading", "Bath", "Nice") and ones that are mostly first names ("Victoria", "Florence").
 */
const TOWNS = `
Warszawa|Warszawy|Warszawie|Warszawę|Warszawą
Kraków|Krakowa|Krakowowi|Krakowem|Krakowie
Łódź|Łodzi|Łodzią
Wrocław|Wrocławia|Wrocławiowi|Wrocławiem|Wrocławiu
Poznań|Poznania|Poznaniowi|Poznaniem|Poznaniu
Gdańsk|Gdańska|Gdańskowi|Gdańskiem|Gdańsku
Gdynia|Gdyni|Gdynię|Gdynią
Sopot|Sopotu|Sopotowi|Sopotem|Sopocie
Szczecin|Szczecina|Szczecinowi|Szczecinem|Szczecinie
Bydgoszcz|Bydgoszczy|Bydgoszczą
Lublin|Lublina|Lublinowi|Lublinem|Lublinie
Białystok|Białegostoku|Białemustokowi|Białymstokiem|Białymstoku|Białystoku
Katowice|Katowic|Katowicom|Katowicami|Katowicach
Częstochowa|Częstochowy|Częstochowie|Częstochowę|Częstochową
Radom|Radomia|Radomiowi|Radomiem|Radomiu
Rzeszów|Rzeszowa|Rzeszowowi|Rzeszowem|Rzeszowie
Toruń|Torunia|Toruniowi|Toruniem|Toruniu
Sosnowiec|Sosnowca|Sosnowcowi|Sosnowcem|Sosnowcu
Kielce|Kielc|Kielcom|Kielcami|Kielcach
Gliwice|Gliwic|Gliwicom|Gliwicami|Gliwicach
Zabrze|Zabrza|Zabrzu|Zabrzem
Olsztyn|Olsztyna|Olsztynowi|Olsztynem|Olsztynie
Bielsko-Biała|Bielska-Białej|Bielsku-Białej|Bielskiem-Białą|Bielsko|Bielska|Bielsku
Bytom|Bytomia|Bytomiowi|Bytomiem|Bytomiu
Zielona Góra|Zielonej Góry|Zielonej Górze|Zieloną Górę|Zieloną Górą
Rybnik|Rybnika|Rybnikowi|Rybnikiem|Rybniku
Ruda Śląska|Rudy Śląskiej|Rudzie Śląskiej|Rudę Śląską|Rudą Śląską
Opole|Opola|Opolu|Opolem
Tychy|Tychów|Tychom|Tychami|Tychach
Gorzów|Gorzowa|Gorzowowi|Gorzowem|Gorzowie
Elbląg|Elbląga|Elblągowi|Elblągiem|Elblągu
Płock|Płocka|Płockowi|Płockiem|Płocku
Wałbrzych|Wałbrzycha|Wałbrzychowi|Wałbrzychem|Wałbrzychu
Włocławek|Włocławka|Włocławkowi|Włocławkiem|Włocławku
Tarnów|Tarnowa|Tarnowowi|Tarnowem|Tarnowie
Chorzów|Chorzowa|Chorzowowi|Chorzowem|Chorzowie
Koszalin|Koszalina|Koszalinowi|Koszalinem|Koszalinie
Kalisz|Kalisza|Kaliszowi|Kaliszem|Kaliszu
Legnica|Legnicy|Legnicę|Legnicą
Grudziądz|Grudziądza|Grudziądzowi|Grudziądzem|Grudziądzu
Słupsk|Słupska|Słupskowi|Słupskiem|Słupsku
Jaworzno|Jaworzna|Jaworznu|Jaworznem|Jaworznie
Jastrzębie-Zdrój|Jastrzębia-Zdroju|Jastrzębiu-Zdroju
Nowy Sącz|Nowego Sącza|Nowemu Sączowi|Nowym Sączem|Nowym Sączu
Nowy Targ|Nowego Targu|Nowym Targiem|Nowym Targu
Jelenia Góra|Jeleniej Góry|Jeleniej Górze|Jelenią Górę|Jelenią Górą
Siedlce|Siedlec|Siedlcom|Siedlcami|Siedlcach
Mysłowice|Mysłowic|Mysłowicach
Konin|Konina|Koninowi|Koninem|Koninie
Piła|Piły|Pile|Piłę|Piłą
Piotrków|Piotrkowa|Piotrkowem|Piotrkowie
Inowrocław|Inowrocławia|Inowrocławiem|Inowrocławiu
Lubin|Lubina|Lubinem|Lubinie
Suwałki|Suwałk|Suwałkach
Stargard|Stargardu|Stargardzie
Gniezno|Gniezna|Gnieźnie
Zakopane|Zakopanego|Zakopanem
Pruszków|Pruszkowa|Pruszkowie
Piaseczno|Piaseczna|Piasecznie
Otwock|Otwocka|Otwocku
Legionowo|Legionowa|Legionowie
Łomża|Łomży|Łomżę|Łomżą
Przemyśl|Przemyśla|Przemyślem|Przemyślu
Zamość|Zamościa|Zamościem|Zamościu
Chełm|Chełma|Chełmem|Chełmie
Tczew|Tczewa|Tczewem|Tczewie
Ełk|Ełku|Ełkiem
Malbork|Malborka|Malborkiem|Malborku
Kołobrzeg|Kołobrzegu|Kołobrzegiem
Świnoujście|Świnoujścia|Świnoujściu
Sandomierz|Sandomierza|Sandomierzu
Krosno|Krosna|Krośnie
Oświęcim|Oświęcimia|Oświęcimiu
Wadowice|Wadowic|Wadowicach
Puławy|Puław|Puławach
Mielec|Mielca|Mielcu
Ostrołęka|Ostrołęki|Ostrołęce|Ostrołękę
Leszno|Leszna|Lesznie
Biała Podlaska|Białej Podlaskiej|Białą Podlaską
Kutno|Kutna|Kutnie
Skierniewice|Skierniewic|Skierniewicach
Wejherowo|Wejherowa|Wejherowie
Cieszyn|Cieszyna|Cieszynie
Racibórz|Raciborza|Raciborzu
Głogów|Głogowa|Głogowie
Świdnica|Świdnicy|Świdnicę
Kłodzko|Kłodzka|Kłodzku
Giżycko|Giżycka|Giżycku
Sanok|Sanoka|Sanoku
Zgierz|Zgierza|Zgierzu
Pabianice|Pabianic|Pabianicach
Ustka|Ustki|Ustce
Łeba|Łeby|Łebie
Hajnówka|Hajnówki|Hajnówce
Augustów|Augustowa|Augustowie
Londyn|Londynu|Londynowi|Londynem|Londynie
Paryż|Paryża|Paryżowi|Paryżem|Paryżu
Berlin|Berlina|Berlinem|Berlinie
Wiedeń|Wiednia|Wiedniem|Wiedniu
Praga|Pragi|Pradze|Pragę|Pragą
Rzym|Rzymu|Rzymem|Rzymie
Madryt|Madrytu|Madrytem|Madrycie
Barcelona|Barcelony|Barcelonie|Barcelonę|Barceloną
Lizbona|Lizbony|Lizbonie|Lizbonę|Lizboną
Amsterdam|Amsterdamu|Amsterdamem|Amsterdamie
Bruksela|Brukseli|Brukselę|Brukselą
Kopenhaga|Kopenhagi|Kopenhadze|Kopenhagę|Kopenhagą
Sztokholm|Sztokholmu|Sztokholmem|Sztokholmie
Helsinki|Helsinek|Helsinkach
Monachium
Hamburg|Hamburga|Hamburgiem|Hamburgu
Frankfurt|Frankfurtu|Frankfurtem|Frankfurcie
Zurych|Zurychu|Zurychem
Genewa|Genewy|Genewie|Genewę|Genewą
Mediolan|Mediolanu|Mediolanem|Mediolanie
Ateny|Aten|Atenach
Stambuł|Stambułu|Stambułem|Stambule
Kijów|Kijowa|Kijowem|Kijowie
Lwów|Lwowa|Lwowem|Lwowie
Wilno|Wilna|Wilnem|Wilnie
Ryga|Rygi|Rydze|Rygę|Rygą
Mińsk|Mińska|Mińskiem|Mińsku
Moskwa|Moskwy|Moskwie|Moskwę|Moskwą
Budapeszt|Budapesztu|Budapesztem|Budapeszcie
Bratysława|Bratysławy|Bratysławie|Bratysławę|Bratysławą
Edynburg|Edynburga|Edynburgiem|Edynburgu
Nowy Jork|Nowego Jorku|Nowym Jorkiem|Nowym Jorku
Pekin|Pekinu|Pekinie
Dubaj|Dubaju
London|Manchester|Manchesteru|Manchesterze|Birmingham|Leeds|Liverpool|Liverpoolu|Bristol|Bristolu|Sheffield
Glasgow|Edinburgh|Cardiff|Belfast|Newcastle|Nottingham|Leicester|Brighton|Oxford|Oksfordzie|Cambridge|Southampton
Coventry|Aberdeen|Dundee|Galway|Dublin|Dublina|Dublinie|York|New York|Los Angeles|San Francisco|Chicago|Boston
Seattle|Toronto|Montreal|Vancouver|Sydney|Melbourne|Paris|Vienna|Prague|Rome|Madrid|Lisbon|Brussels|Copenhagen
Stockholm|Oslo|Munich|Cologne|Zurich|Geneva|Milan|Athens|Istanbul|Kyiv|Kiev|Lviv|Vilnius|Riga|Tallinn|Minsk
Moscow|Budapest|Bratislava|Warsaw|Cracow|Krakow|Gdansk|Wroclaw|Poznan|Lodz|Tokyo|Tokio|Beijing|Dubai
`;

/**
 * Forms that are also everyday Polish words ("piła" drank, "zakopane" buried, "przemyśl" think it over, "krosno"
 * a loom): a sentence starts with a capital anyway, so these count as towns only in the middle of a sentence.
 */
const AMBIGUOUS_AT_SENTENCE_START: ReadonlySet<string> = new Set([
  'Piła', 'Piły', 'Pile', 'Piłę', 'Piłą', 'Zakopane', 'Przemyśl', 'Krosno', 'Chełm', 'Opole',
  ...DISTRICTS_AMBIGUOUS_AT_SENTENCE_START,
]);

/** Every form of every town and big-city district, for other detectors (an employer that is a town is a town). */
export const TOWN_FORMS: ReadonlySet<string> = new Set(
  `${TOWNS}\n${DISTRICTS}`.split(/[|\n]/).map((f) => f.trim()).filter(Boolean),
);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first, so "Nowym Sączu" is not cut at a shorter form; spaces may be any run of (non-breaking) spaces.
const TOWN_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}-])(?:${[...TOWN_FORMS]
    .sort((a, b) => b.length - a.length)
    .map((f) => escape(f).replace(/ /g, String.raw`[ \u00a0]+`))
    .join('|')})(?![\p{L}\p{N}]|-\p{L})`,
  'gu',
);

/** Whether the text before `at` ends a sentence (or there is nothing before it). */
function opensSentence(text: string, at: number): boolean {
  let j = at - 1;
  while (j >= 0 && /[\s"'„“”«»‚‘’()[\]\-–—•*]/u.test(text[j]!)) {
    if (text[j] === '\n') return true;
    j--;
  }
  return j < 0 || '.!?…:'.includes(text[j]!);
}

export function findTowns(text: string): Finding[] {
  const out: Finding[] = [];
  TOWN_RE.lastIndex = 0;
  for (let m = TOWN_RE.exec(text); m !== null; m = TOWN_RE.exec(text)) {
    if (AMBIGUOUS_AT_SENTENCE_START.has(m[0]) && opensSentence(text, m.index)) continue;
    out.push(makeFinding('town', text, m.index, m.index + m[0].length));
  }
  return out;
}
