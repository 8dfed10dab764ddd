// Irregular English verb forms, so that "spoke" meets "speaking" and "won" meets "win": the stemmer only strips
// regular endings. Past tense and past participle → base form.
const FORMS = `arise arose arisen|awake awoke awoken|be was were been|bear bore borne|beat beat beaten|become became become|
begin began begun|bend bent|bet bet|bid bid|bind bound|bite bit bitten|bleed bled|blow blew blown|break broke broken|
breed bred|bring brought|build built|burn burnt|buy bought|catch caught|choose chose chosen|cling clung|come came come|
cost cost|creep crept|cut cut|deal dealt|dig dug|do did done|draw drew drawn|dream dreamt|drink drank drunk|
drive drove driven|eat ate eaten|fall fell fallen|feed fed|feel felt|fight fought|find found|flee fled|fly flew flown|
forbid forbade forbidden|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen|get got gotten|
give gave given|go went gone|grow grew grown|hang hung|have had|hear heard|hide hid hidden|hit hit|hold held|hurt hurt|
keep kept|kneel knelt|know knew known|lay laid|lead led|lean leant|leave left|lend lent|let let|lie lay lain|
light lit|lose lost|make made|mean meant|meet met|pay paid|prove proved proven|put put|quit quit|read read|ride rode ridden|
ring rang rung|rise rose risen|run ran run|say said|see saw seen|seek sought|sell sold|send sent|set set|shake shook shaken|
shed shed|shine shone|shoot shot|show showed shown|shrink shrank shrunk|shut shut|sing sang sung|sink sank sunk|sit sat|
slay slew slain|sleep slept|slide slid|speak spoke spoken|speed sped|spend spent|spin spun|spit spat|split split|
spread spread|spring sprang sprung|stand stood|steal stole stolen|stick stuck|sting stung|stink stank stunk|
strike struck stricken|strive strove striven|swear swore sworn|sweep swept|swim swam swum|swing swung|take took taken|
teach taught|tear tore torn|tell told|think thought|throw threw thrown|thrust thrust|tread trod trodden|
understand understood|undertake undertook undertaken|uphold upheld|upset upset|wake woke woken|wear wore worn|
weave wove woven|weep wept|win won|wind wound|withdraw withdrew withdrawn|withhold withheld|withstand withstood|
wring wrung|write wrote written|overthrow overthrew overthrown|overcome overcame|oversee oversaw overseen|
foresee foresaw foreseen|mislead misled|outrun outran|rebuild rebuilt|retell retold|undergo underwent undergone|
plead pled|sneak snuck`;

// Forms that are common words in their own right ("left" the side, "found" to establish, "saw" the tool, "lay"
// the adjective, "bound", "wound", "rose", "lit", "stood" is fine): mapping them would merge unrelated words.
const AMBIGUOUS = new Set(['left', 'found', 'saw', 'lay', 'bound', 'wound', 'rose', 'lit', 'lead', 'read', 'felt', 'fell', 'bore', 'tore', 'ground', 'spat', 'meant']);

export const IRREGULAR_BASE: ReadonlyMap<string, string> = new Map(
  FORMS.split('|').flatMap((entry) => {
    const [base, ...forms] = entry.trim().split(/\s+/);
    // "left", "found", "lay" and the like are also other words; the base form still stems to a different key, so
    // they are only mapped where the form is not an everyday word of its own.
    return forms.filter((form) => form !== base && !AMBIGUOUS.has(form)).map((form) => [form, base] as [string, string]);
  }),
);
