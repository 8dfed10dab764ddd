// Case, accent and spelling folding, so "Guaidó" meets "Guaido" and "authorised" meets "authorized".

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower-cases and strips accents: "Nicolás" → "nicolas". */
export function foldWord(word: string): string {
  // Most words are plain ASCII: skip Unicode normalisation for them (it dominates indexing time).
  if (ASCII_WORD.test(word)) return word.toLowerCase().replace(/`/g, "'");
  return word.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(/[’‘`]/g, "'");
}

const ASCII_WORD = /^[\x00-\x7f]*$/;
