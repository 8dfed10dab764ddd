// Case, accent and spelling folding, so "Guaidó" meets "Guaido" and "authorised" meets "authorized".

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower-cases and strips accents: "Nicolás" → "nicolas". */
export function foldWord(word: string): string {
  return word.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(/[’‘`]/g, "'");
}
