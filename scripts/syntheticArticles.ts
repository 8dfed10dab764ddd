// The synthetic articles of the scale benchmarks (bench-scale.ts in memory, bench-db.ts on disk), deterministic so
// every run builds the same library: the bundled articles' sentences, reshuffled, with their names, places and numbers
// replaced — realistic vocabulary and sentence lengths without copying any one article.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSourceLibrary } from '../server/src/sources/loadSources';

const NAMES = ['Almagro', 'Borges', 'Castillo', 'Duarte', 'Escobar', 'Ferreira', 'Galindo', 'Herrera', 'Ibarra', 'Jaramillo'];
const PLACES = ['Lima', 'Quito', 'Bogota', 'Santiago', 'Havana', 'Panama', 'Managua', 'Asuncion', 'Montevideo', 'La Paz'];
export const SENTENCES_PER_ARTICLE = 25;

/** A deterministic pseudo-random generator (a linear congruential one): the same seed, the same sequence. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
}

/** Yields the lines (sentences) of `count` synthetic articles, in order, from seed 42. */
export function* syntheticArticles(count: number): Generator<string[]> {
  const bundled = loadSourceLibrary({ dirs: [], includeBundled: true });
  const sentences = bundled.sources.flatMap((source) => source.passages.map((passage) => passage.text));
  const next = random(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  for (let a = 0; a < count; a++) {
    const lines: string[] = [];
    for (let s = 0; s < SENTENCES_PER_ARTICLE; s++) {
      lines.push(pick(sentences)
        .replace(/\b(Maduro|Guaidó|Guaido|Bolton|Ross|Arreaza|Figuera|Cabello)\b/g, () => `${pick(NAMES)}${a % 97}`)
        .replace(/\b(Barbados|Norway|Mexico|Peru|Caracas|Oslo)\b/g, () => pick(PLACES))
        .replace(/\d+/g, () => String(Math.floor(next() * 1000))));
    }
    yield lines;
  }
}

/**
 * Writes `count` synthetic articles as Markdown files with front matter (id `${idPrefix}-N`, a title, a date), a
 * thousand per subfolder, as a newsroom's archive is laid out.
 */
export function writeSyntheticArticles(folder: string, count: number, idPrefix = 'archive'): void {
  let a = 0;
  for (const lines of syntheticArticles(count)) {
    const shard = join(folder, String(Math.floor(a / 1000)).padStart(3, '0'));
    if (a % 1000 === 0) mkdirSync(shard, { recursive: true });
    const date = `20${10 + (a % 15)}-${String(1 + (a % 12)).padStart(2, '0')}-${String(1 + (a % 28)).padStart(2, '0')}`;
    writeFileSync(join(shard, `a${a}.md`), `---\nid: ${idPrefix}-${a}\ntitle: Archive article ${a}\ndate: ${date}\n---\n${lines.join('\n')}\n`);
    a++;
  }
}
