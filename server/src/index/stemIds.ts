// One number per distinct stem, for the life of the process: the index keys its posting lists by these numbers and
// the per-source analysis (passageTerms.ts) stores them, so building an index from analysed sources moves integers,
// never hashes strings, and an index cache file holds each stem once.

const idOfStem = new Map<string, number>();
const stemOfId: string[] = [];

/** The stem's number, given a new one when the stem is met for the first time. */
export function stemId(stem: string): number {
  let id = idOfStem.get(stem);
  if (id === undefined) {
    id = stemOfId.length;
    idOfStem.set(stem, id);
    stemOfId.push(stem);
  }
  return id;
}

/** The stem's number if it was ever met, without numbering it (a claim's words must not grow the table). */
export function knownStemId(stem: string): number | undefined {
  return idOfStem.get(stem);
}

export function stemOf(id: number): string {
  return stemOfId[id];
}

/** How many stems are numbered: every id is below this. */
export function stemCount(): number {
  return stemOfId.length;
}
