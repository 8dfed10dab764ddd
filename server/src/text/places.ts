import { stemWord } from './stem';

// Country names: two different countries in the same slot are a contradiction, two different people may not be.
const COUNTRIES = `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina burundi
cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia denmark djibouti dominica
ecuador egypt eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana greece grenada
guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan
jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein
lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico micronesia moldova
monaco mongolia montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua niger nigeria norway
oman pakistan palau palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda samoa
senegal serbia seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan
tajikistan tanzania thailand togo tonga trinidad tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan
vanuatu venezuela vietnam yemen zambia zimbabwe us uk britain england scotland wales`;

export const COUNTRY_NAMES: ReadonlySet<string> = new Set(COUNTRIES.split(/\s+/).filter(Boolean));

/** Multi-word names folded to one canonical token before alignment. */
export const PLACE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['united states of america', 'us'],
  // Countries whose names hold an "and": one place, not two.
  ['trinidad and tobago', 'trinidad'],
  ['antigua and barbuda', 'antigua'],
  ['bosnia and herzegovina', 'bosnia'],
  ['saint kitts and nevis', 'saint-kitts'],
  ['sao tome and principe', 'sao-tome'],
  ['united states', 'us'],
  ['united kingdom', 'uk'],
  ['great britain', 'uk'],
  ['united nations', 'un'],
  ['european union', 'eu'],
  ['south africa', 'south-africa'],
  ['south korea', 'south-korea'],
  ['north korea', 'north-korea'],
  ['new zealand', 'new-zealand'],
  ['saudi arabia', 'saudi-arabia'],
  ['costa rica', 'costa-rica'],
  ['el salvador', 'el-salvador'],
  ['dominican republic', 'dominican-republic'],
  ['sri lanka', 'sri-lanka'],
]);
for (const alias of PLACE_ALIASES.values()) if (alias.includes('-')) (COUNTRY_NAMES as Set<string>).add(alias);

// A place named at another level: a country's people ("British", "American") name the country, and a city or a nation
// within a country ("London", "Scotland") places a thing in that country. So "U.K. activists" is backed by "activists
// in London", never the other way round: the country does not say which city. "a=b": a names the same place as b;
// "a:b": a lies within b.
const LEVELS = `
  american=us america=us usa=us british=uk britain=uk briton=uk holland=netherlands english:england england:uk
  scottish:scotland scot:scotland scots:scotland scotland:uk welsh:wales wales:uk french=france chinese=china
  spanish=spain dutch=netherlands swiss=switzerland swedish=sweden swede=sweden danish=denmark dane=denmark
  finnish=finland polish=poland turkish=turkey greek=greece irish=ireland portuguese=portugal japanese=japan
  vietnamese=vietnam lebanese=lebanon sudanese=sudan taiwanese=taiwan norwegian=norway filipino=philippines
  thai=thailand iraqi=iraq israeli=israel pakistani=pakistan afghan=afghanistan saudi=saudi-arabia yemeni=yemen
  kuwaiti=kuwait qatari=qatar bangladeshi=bangladesh iranian=iran cuban=cuba italian=italy belgian=belgium
  german=germany russian=russia ukrainian=ukraine indian=india mexican=mexico canadian=canada australian=australia
  brazilian=brazil egyptian=egypt syrian=syria nigerian=nigeria kenyan=kenya venezuelan=venezuela colombian=colombia
  argentine=argentina argentinian=argentina chilean=chile peruvian=peru
  london:england manchester:england liverpool:england leeds:england edinburgh:scotland glasgow:scotland cardiff:wales
  belfast:uk washington:us chicago:us boston:us houston:us miami:us seattle:us atlanta:us philadelphia:us
  paris:france marseille:france lyon:france berlin:germany munich:germany hamburg:germany frankfurt:germany
  madrid:spain barcelona:spain rome:italy milan:italy moscow:russia kyiv:ukraine kiev:ukraine beijing:china
  shanghai:china tokyo:japan delhi:india mumbai:india karachi:pakistan islamabad:pakistan kabul:afghanistan
  tehran:iran baghdad:iraq damascus:syria beirut:lebanon jerusalem:israel cairo:egypt riyadh:saudi-arabia
  ankara:turkey istanbul:turkey athens:greece lisbon:portugal dublin:ireland amsterdam:netherlands brussels:belgium
  vienna:austria zurich:switzerland geneva:switzerland stockholm:sweden oslo:norway copenhagen:denmark
  helsinki:finland warsaw:poland prague:czechia budapest:hungary toronto:canada ottawa:canada montreal:canada
  vancouver:canada sydney:australia melbourne:australia canberra:australia caracas:venezuela bogota:colombia
  havana:cuba brasilia:brazil nairobi:kenya lagos:nigeria johannesburg:south-africa pretoria:south-africa
`;

/** A place's key as analysis gives a name: the stem of the folded word, or the canonical key of a multi-word alias. */
const placeKey = (word: string): string => (PLACE_ALIASES_KEYS.has(word) ? word : stemWord(word));
const PLACE_ALIASES_KEYS: ReadonlySet<string> = new Set(PLACE_ALIASES.values());
const SAME_PLACE = new Map<string, string>();
const WITHIN = new Map<string, string>();
for (const pair of LEVELS.split(/\s+/).filter(Boolean)) {
  const [a, b] = pair.split(/[=:]/).map(placeKey);
  (pair.includes('=') ? SAME_PLACE : WITHIN).set(a, b);
}
/** The places another lies within, or the same place under another name: the only ones placeBacks can confirm. */
const PLACES_WITHIN_REACH: ReadonlySet<string> = new Set([...WITHIN.values(), ...SAME_PLACE.values()]);
/** Country > nation > city: no chain is longer. */
const LEVELS_UP = 3;

/** Whether a place named in the evidence (a key) places a thing where the claim's place does. */
export function placeBacks(claimKey: string, evidenceKey: string): boolean {
  const claimPlace = SAME_PLACE.get(claimKey) ?? claimKey;
  // Most names are no place of the table: nothing can be placed within them.
  if (!PLACES_WITHIN_REACH.has(claimPlace) && claimPlace !== evidenceKey) return false;
  let place: string | undefined = SAME_PLACE.get(evidenceKey) ?? evidenceKey;
  for (let level = 0; place !== undefined && level <= LEVELS_UP; level++) {
    if (place === claimPlace) return level > 0 || claimKey !== evidenceKey;
    place = WITHIN.get(place);
  }
  return false;
}
