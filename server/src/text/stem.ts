// One stemming function for the whole engine (index, alignment, lexicon), so keys always agree.
import { stemmer } from 'stemmer';
import { IRREGULAR_BASE } from './irregular';

const cache = new Map<string, string>();

/**
 * Stems a folded (lower-case, accent-free) word. British and American spellings collapse
 * ("authorised"/"authorized", "travelled"/"traveled") because both sides of every comparison go through here.
 */
export function stemWord(folded: string): string {
  let stem = cache.get(folded);
  if (stem === undefined) {
    stem = stemmer(americanSpelling(IRREGULAR_BASE.get(folded) ?? folded)).replace(/z/g, 's').replace(/ll/g, 'l');
    if (cache.size > 200_000) cache.clear();
    cache.set(folded, stem);
  }
  return stem;
}

function americanSpelling(word: string): string {
  if (word.length < 7) return word;
  return word.replace(/isation(s?)$/, 'ization$1').replace(/is(e|ed|es|ing)$/, 'iz$1').replace(/yse(d|s)?$/, 'yze$1');
}
