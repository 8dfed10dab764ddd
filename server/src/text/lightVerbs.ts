// Light verbs: in "made the decision to", "reached an agreement", "gave a statement" the verb says little and the noun
// says what happened, as "decided", "agreed", "stated" do. Such a verb is no detail of its own: left unread, the
// noun is matched to the verb of its family ("decision" ~ "decided"), and the light verb cannot stand against another
// verb of the passage ("made" against "broke").
import { canBeVerb, lexiconId, lexiconStem, relationsOf } from './lexicon';
import type { Token } from './tokens';

const LIGHT_VERBS = new Set(`make makes made making take takes took taken taking reach reaches reached reaching give gives gave
given giving`.split(/\s+/));
const ARTICLES = new Set(['a', 'an', 'the', 'its', 'his', 'her', 'their', 'our', 'my', 'your']);
/** Suffixes of a noun made from a verb: only those, so "took control" and "gave support" keep their verbs. */
const NOMINAL = /(?:ion|ment|ance|ence|al)$/;

const nominalisations = new Map<string, boolean>();
/** Bound of the cache by word, like the tokenizer's. */
const CACHE_LIMIT = 200_000;

/** Whether the token at `i` is a light verb whose object, after an article at most, is a noun made from a verb. */
export function isLightVerb(tokens: readonly Token[], i: number): boolean {
  if (!LIGHT_VERBS.has(tokens[i].folded)) return false;
  let next = i + 1;
  if (tokens[next] && ARTICLES.has(tokens[next].folded)) next++;
  const noun = tokens[next];
  return noun !== undefined && !noun.capitalized && isNominalisation(noun);
}

function isNominalisation(token: Token): boolean {
  let known = nominalisations.get(token.folded);
  if (known === undefined) {
    known = false;
    if (NOMINAL.test(token.folded)) {
      // "resignation" shares its stem with "resign"; "decision" is a related form of "decide".
      known = canBeVerb(token.stem);
      const relations = relationsOf(lexiconId(token.stem));
      if (relations) for (const [other, kind] of relations) if (kind === 'related' && canBeVerb(lexiconStem(other))) known = true;
    }
    if (nominalisations.size >= CACHE_LIMIT) nominalisations.clear();
    nominalisations.set(token.folded, known);
  }
  return known;
}
