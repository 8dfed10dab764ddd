// The benchmarks' drafts, generated deterministically from the example draft: its paragraphs over and over, each
// round's sentences marked "(round)" so no sentence repeats and every one is verified afresh.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');

/** About `words` words of the example draft's paragraphs under one heading; `seed` gives other sentences. */
export function benchDraft(words: number, seed = 0): string {
  const example = readFileSync(join(root, 'examples', 'draft.md'), 'utf8');
  const paragraphs = example.split(/\n\s*\n/).filter((p) => /^[A-Z]/.test(p.trim()));
  const out: string[] = ['# Benchmark draft'];
  let count = 0;
  for (let round = 0; count < words; round++) {
    for (const paragraph of paragraphs) {
      const mark = seed === 0 ? `${round}` : `${seed}.${round}`;
      const varied = paragraph.replace(/\.(\s|$)/g, (_m, space: string) => ` (${mark}).${space}`);
      out.push(varied);
      count += varied.split(/\s+/).length;
      if (count >= words) break;
    }
  }
  return out.join('\n\n') + '\n';
}

/** A draft of about `bytes` characters of short sentences, a paragraph of ten each (the 1 MB stress draft). */
export function shortSentenceDraft(bytes: number): string {
  const subjects = ['Maduro', 'The opposition', 'Norway', 'The envoys', 'Guaidó', 'The delegation'];
  const verbs = ['met', 'spoke', 'waited', 'left', 'returned', 'agreed'];
  const out: string[] = ['# Stress draft'];
  let size = 0;
  let paragraph: string[] = [];
  for (let n = 0; size < bytes; n++) {
    const sentence = `${subjects[n % subjects.length]} ${verbs[(n >> 3) % verbs.length]} on day ${n}.`;
    paragraph.push(sentence);
    size += sentence.length + 1;
    if (paragraph.length === 10) {
      out.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length > 0) out.push(paragraph.join(' '));
  return out.join('\n\n') + '\n';
}
