// The bundled sources are the seed articles with front matter on top: the body must be the original text byte for
// byte (a source is evidence), and the metadata only what the text itself states.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceMetadata } from '../../server/src/model';
import { splitFrontMatter } from '../../server/src/sources/frontMatter';
import { bundledSourcesDir, loadSourceLibrary } from '../../server/src/sources/loadSources';

const sourcesDir = bundledSourcesDir();
// The seed articles live beside the project, in ../shared (see its README).
const seedDir = join(sourcesDir, '..', '..', 'shared', 'seed-articles');
const noSeeds = !existsSync(seedDir) && `no seed articles at ${seedDir}`;

const bundledFiles = readdirSync(sourcesDir).filter((name) => name.endsWith('.md'));

function frontMatterOf(name: string) {
  const split = splitFrontMatter(readFileSync(join(sourcesDir, name), 'utf8'));
  assert.ok(split.ok, `${name}: ${split.ok ? '' : split.problem}`);
  return split;
}

test('every seed article is bundled exactly once, named by its id', { skip: noSeeds }, () => {
  const seeds = readdirSync(seedDir).filter((name) => name.endsWith('.txt')).sort();
  const seedOfFile = bundledFiles.map((name) => frontMatterOf(name).fields.seed).sort();
  assert.deepEqual(seedOfFile, seeds);
  for (const name of bundledFiles) assert.equal(`${frontMatterOf(name).fields.id}.md`, name);
});

test('each bundled body is its seed article byte for byte', { skip: noSeeds }, () => {
  for (const name of bundledFiles) {
    const split = frontMatterOf(name);
    const seedBytes = readFileSync(join(seedDir, split.fields.seed!));
    const fileBytes = readFileSync(join(sourcesDir, name));
    // Compared as bytes, not decoded text, so not even a byte-order mark or a normalised accent can slip through.
    const bodyBytes = fileBytes.subarray(fileBytes.length - seedBytes.length);
    assert.ok(bodyBytes.equals(seedBytes), `${name}: body differs from ${split.fields.seed}`);
    assert.ok(fileBytes.subarray(0, fileBytes.length - seedBytes.length).toString('utf8').endsWith('\n---\n'), `${name}: front matter does not end right before the body`);
    // And the loader's own split finds the same body.
    assert.ok(Buffer.from(split.body, 'utf8').equals(seedBytes), `${name}: splitFrontMatter's body differs`);
  }
});

// What each text states, and nothing more; see the comments in each file's front matter for the evidence.
const expectedMetadata: Record<string, SourceMetadata> = {
  'ap-norway-barbados-talks': {
    id: 'ap-norway-barbados-talks',
    title: "Norway says Venezuela's government and opposition will continue their talks in Barbados",
    outlet: 'AP',
    dateline: 'WASHINGTON',
  },
  'arreaza-open-to-us-dialogue': {
    id: 'arreaza-open-to-us-dialogue',
    title: "Venezuela's foreign minister says the Maduro government is open to dialogue with the US",
  },
  'bbc-maduro-secret-talks-us': {
    id: 'bbc-maduro-secret-talks-us',
    title: 'Venezuela crisis: President Maduro says he had secret talks with US',
    outlet: 'BBC',
    url: 'https://www.bbc.com/news/world-latin-america-49418451',
  },
  'maduro-secret-meetings-us': {
    id: 'maduro-secret-meetings-us',
    title: 'Venezuela, US met secretly for months, Maduro says',
    dateline: 'MEXICO CITY',
  },
  'venezuela-mexico-negotiations': {
    id: 'venezuela-mexico-negotiations',
    title: 'Venezuelan officials, opposition leaders negotiate in Mexico',
    author: 'Veronica Crespo',
    dateline: 'BOGOTA',
  },
};

test('bundled metadata is exactly what the texts state', () => {
  const library = loadSourceLibrary({ dirs: [], includeBundled: true });
  assert.deepEqual(library.problems, []);
  const metadataById = Object.fromEntries(
    library.sources.map(({ id, title, outlet, author, dateline, date, url }) => [
      id,
      // Absent fields must be absent, not undefined: drop only the keys the loader did not set.
      Object.fromEntries(Object.entries({ id, title, outlet, author, dateline, date, url }).filter(([, value]) => value !== undefined)),
    ]),
  );
  assert.deepEqual(metadataById, expectedMetadata);
  for (const source of library.sources) {
    assert.equal(source.bundled, true);
    assert.ok(!('date' in source), `${source.id}: no article states its date`);
  }
});

test('titles that are not the outlet headline are marked as descriptive', () => {
  for (const name of bundledFiles) {
    const text = readFileSync(join(sourcesDir, name), 'utf8');
    const split = frontMatterOf(name);
    const firstBodyLine = split.body.split('\n')[0];
    const marked = text.includes("# title: descriptive, not the outlet's headline");
    assert.equal(marked, firstBodyLine !== split.fields.title, `${name}: descriptive-title comment does not match`);
  }
});
