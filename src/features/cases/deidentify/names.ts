// The built-in dictionary of common first names (Polish with diminutives, and English) used to spot clients' names.
// Polish entries are base forms; polish-forms.ts derives the declined forms (Anny, Markiem, Kasię…).

export const POLISH_FIRST_NAMES: readonly string[] = `
Ada Adela Adrianna Agata Agnieszka Aldona Aleksandra Alicja Alina Amelia Anastazja Aneta Angelika Aniela Anita Anna
Antonina Apolonia Aurelia Barbara Beata Bernadeta Blanka Bogna Bogumiła Bogusława Bożena Bronisława Cecylia Celina
Czesława Dagmara Danuta Daria Diana Dominika Dorota Edyta Eliza Elwira Elżbieta Emilia Eugenia Ewa Ewelina Felicja
Gabriela Genowefa Grażyna Halina Hanna Helena Henryka Ida Iga Ilona Inga Irena Iwona Izabela Jadwiga Jagoda Janina
Joanna Jolanta Józefa Judyta Julia Julianna Justyna Kalina Kamila Karina Karolina Katarzyna Kazimiera Kinga Klara
Klaudia Kornelia Krystyna Ksenia Laura Lena Leokadia Lidia Lilia Liliana Lucyna Ludmiła Luiza Łucja Magdalena Maja
Malwina Małgorzata Marcelina Maria Marianna Marlena Marta Martyna Marzena Matylda Melania Michalina Milena Mirosława
Monika Nadia Nadzieja Natalia Natasza Nikola Nina Oliwia Olga Otylia Patrycja Paula Paulina Pola Regina Renata
Roksana Róża Rozalia Sabina Sandra Sara Stanisława Stefania Sylwia Tamara Teresa Urszula Wanda Weronika Wiesława
Wiktoria Wioletta Zdzisława Zofia Zuzanna Żaneta
Ania Asia Basia Kasia Zosia Gosia Małgosia Marysia Krysia Hania Ola Ala Ela Ula Iza Madzia Magda Aga Jola Zuzia
Julka Majka Tosia Natka Gabrysia Danka Jadzia Stasia Lusia Oliwka Natalka Emilka Amelka Lenka Renia Ewka Dorotka
Agusia Anka Aśka Baśka Beatka Bogusia Bożenka Danusia Edytka Elka Ewunia Gośka Grażynka Halinka Hanka Irenka Iwonka
Izka Joasia Jolka Jula Justynka Kamilka Karolcia Kaśka Kryśka Martusia Martynka Maryśka Mirka Monia Olka
Paulinka Tereska Ulka Wera Wiesia Wika Zuza Zośka Sylwka Patka Weronka Klaudka Kingusia Lidka
Adam Adrian Albert Alfred Alojzy Andrzej Antoni Arkadiusz Artur Aureliusz Bartłomiej Bartosz Benedykt Bernard Błażej
Bogdan Bogumił Bogusław Bolesław Borys Bronisław Cezary Czesław Damian Daniel Dariusz Dawid Dionizy Dobromir Dominik
Edmund Edward Eligiusz Emil Ernest Eryk Eugeniusz Feliks Filip Florian Franciszek Fryderyk Gabriel Gerard Grzegorz
Gustaw Henryk Hieronim Hipolit Hubert Ignacy Igor Ireneusz Izydor Jacek Jakub Jan Janusz Jarosław Jeremi Jerzy
Jędrzej Joachim Józef Julian Juliusz Kacper Kajetan Kamil Karol Kazimierz Konrad Konstanty Kornel Krystian Kryspin
Krzysztof Ksawery Lech Leon Leonard Leopold Leszek Lubomir Lucjan Ludwik Łukasz Maciej Maksymilian Marceli Marcel
Marcin Marek Marian Mariusz Mateusz Maurycy Michał Mieczysław Mikołaj Milan Miłosz Miron Mirosław Mścisław Natan
Nataniel Nikodem Norbert Oktawian Olaf Olgierd Oliwer Orest Oskar Patryk Paweł Piotr Przemysław Radosław Rafał
Rajmund Remigiusz Robert Roch Roman Rudolf Ryszard Sebastian Seweryn Sławomir Stanisław Stefan Szymon Tadeusz Teodor
Tobiasz Tomasz Tymon Tymoteusz Tytus Wacław Waldemar Walenty Walerian Wawrzyniec Wiesław Wiktor Wincenty Witold
Władysław Włodzimierz Wojciech Aleksander Zbigniew Zdzisław Zenon Ziemowit Zygmunt
Kuba Tomek Bartek Wojtek Maciek Franek Antek Jaś Staś Adaś Michaś Krzyś Józek Kazik Zbyszek Mirek Darek Jurek Heniek
Krzysiek Grzesiek Rysiek Władek Piotrek Janek Olek Romek Witek Edek Zenek Felek Przemek Radek Sławek Tadek Leszek
Arek Irek Jarek Marcinek Szymek Tymek Julek Wiesiek Mietek Czesiek Staszek Stasiek Waldek Włodek Jędrek Kubuś Jasiek
Bolek Lolek Stefek Kamilek Pawełek Grześ Maciuś Antoś Igorek Kacperek Dominiczek Filipek Mateuszek Seba
Zdzisiek Gienek Kazek Jasio Stasio Tadzio Zdzisio Kazio Rysio Józio Franio Władzio
`
  .split(/\s+/)
  .filter(Boolean);

export const ENGLISH_FIRST_NAMES: readonly string[] = `
James John Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald
Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward Jason Jeffrey Ryan Jacob Gary Nicholas
Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Gregory Alexander Patrick Frank Raymond Jack Dennis
Jerry Tyler Aaron Nathan Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Keith Roger Terry Gerald Harold
Sean Austin Carl Arthur Lawrence Dylan Jesse Bryan Billy Bruce Gabriel Logan Albert Alan Wayne Elijah Randy Roy
Vincent Ralph Eugene Russell Bobby Mason Philip Louis Harry Oliver Liam Lucas Owen Callum Connor Jamie Tom Tim Ben
Sam Joe Luke Alfie Archie Freddie Leo Oscar Theo Toby Rhys Ewan Declan Finn Rory Niall Conor Stuart Graham Ian Neil
Colin Gavin Craig Dean Darren Wesley Simon Martin Nigel Trevor Barry Clive Derek Gordon Malcolm Hugh Rupert Giles
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Lisa Nancy Betty Sandra Margaret Ashley
Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Dorothy Rebecca Sharon Laura Cynthia Amy
Kathleen Angela Shirley Brenda Emma Anna Pamela Nicole Samantha Katherine Christine Helen Debra Rachel Carolyn Janet
Maria Catherine Heather Diane Olivia Julie Joyce Victoria Ruth Virginia Lauren Kelly Christina Joan Evelyn Judith
Andrea Hannah Megan Cheryl Jacqueline Martha Madison Teresa Gloria Sara Janice Ann Kathryn Abigail Sophia Frances
Jean Alice Judy Isabella Julia Grace Amber Denise Danielle Marilyn Beverly Charlotte Natalie Theresa Diana Brittany
Doris Kayla Alexis Lori Marie Chloe Lucy Ella Amelia Isla Ava Mia Freya Poppy Phoebe Zoe Ellie Holly Georgia Eleanor
Bethany Molly Imogen Harriet Rosie Erin Niamh Siobhan Aoife Fiona Kirsty Gemma Leanne Claire Louise Joanne Tracey
Alison Caroline Kate Jane Sue Rose Lily Daisy Ruby Iris Dawn Joy Hope Faith Penny Robin Eve Will Bill Pat Ray Rob
Don Max Kim Dana Nick Jenny Becky Katie Maggie Millie Sophie Lydia Naomi Esther Miriam Abby Tess Hazel
Dave Davey Mike Mikey Steve Stevie Chris Dan Danny Matt Andy Tony Jim Jimmy Bob Bobby Rick Ricky Pete Phil Greg Jeff
Ken Kenny Ted Teddy Fred Alex Jake Josh Nate Zach Charlie Tommy Johnny Jonny Stu Rich Ron Russ Gerry Seb
Liz Lizzie Beth Meg Jen Jess Jessie Becca Vicky Nikki Cathy Kathy Sandy Mandy Steph Abi Maddie Debbie Tina Gina Trish
Pam Bev Sally Lou Annie Bella Izzy Evie Libby Lottie Tilly Kerry Nat Sammy
`
  .split(/\s+/)
  .filter(Boolean);

/**
 * Names that are also everyday words (English "Will", "Hope", "Mark"; Polish "Kim" = "whom", "Dana" = "given",
 * "Sam" = "myself" as in "Sam nie wiem";
 * declined forms such as "Ani" = "nor", "Mają" = "they have", "Idzie" = "goes", "Marka" = "brand").
 * A sentence starts with a capital anyway, so these count as names only in the middle of a sentence.
 */
export const AMBIGUOUS_AT_SENTENCE_START: ReadonlySet<string> = new Set(
  `
will bill mark frank grace hope joy faith rose lily daisy ruby iris dawn amber holly penny robin eve pat ray rob
don max kim dana nick jack carol sue dean victoria rich bob sandy ken sally lou ted nat seb gina
ani mają maja idzie idę idą ida marka róża róży różę różą wiktoria nadzieja nadziei pola poli jagoda kalina lilia
sam
`
    .split(/\s+/)
    .filter(Boolean),
);
