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
