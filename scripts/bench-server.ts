// `npm run bench` (second part): the language server as an editor meets it, over stdio, with no debounce. Targets
// (issue 11): first diagnostics of a 2,000-word draft <= 30 ms; diagnostics after a one-sentence edit in a
// 20,000-word draft <= 20 ms; with a 1 MB draft (short sentences) open, every request answers within 50 ms while it is
// checked, an edit's diagnostics come within 100 ms, and a code action over one line answers for that line only.
// Each figure is the median (or the worst, where said) of several runs; the machine and its load are printed.
import { cpus, loadavg } from 'node:os';
import type { Position } from 'vscode-languageserver-protocol';
import { ensureServerBuilt, LspClient } from '../test/lsp/harness';
import { benchDraft, shortSentenceDraft } from './benchDrafts';

const RUNS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The position just before the first occurrence of `needle`. */
function positionOf(text: string, needle: string): Position {
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in the draft`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - before.lastIndexOf('\n') - 1 };
}

async function timed<T>(run: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await run();
  return [result, performance.now() - started];
}

async function main(): Promise<void> {
  ensureServerBuilt();
  const machine = `${cpus()[0]?.model.trim() ?? 'unknown cpu'}, ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at start`;
  const client = await LspClient.start({ settings: (settings) => (settings.debounceMs = 0) });
  try {
    // The library is loaded and the code warm, as in an editor that has been open a while.
    await client.openAndWait('file:///bench/warmup.md', benchDraft(2000, 99));

    const opens: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const [, took] = await timed(() => client.openAndWait(`file:///bench/open-${run}.md`, benchDraft(2000, run + 1)));
      opens.push(took);
    }

    const longUri = 'file:///bench/long.md';
    const long = benchDraft(20_000, 50);
    await client.openAndWait(longUri, long);
    const edits: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const at = positionOf(client.text(longUri), `(50.${30 + run}).`);
      const after = client.mark();
      const [, took] = await timed(async () => {
        const version = client.applyTextEdits(longUri, [{ range: { start: at, end: { line: at.line, character: at.character + 1 } }, newText: `(edited ${run}) (` }]);
        return client.waitForDiagnostics(longUri, { version, after });
      });
      edits.push(took);
    }

    const hugeUri = 'file:///bench/huge.md';
    const huge = shortSentenceDraft(1_000_000);
    const otherUri = 'file:///bench/other.md';
    await client.openAndWait(otherUri, 'Norway hosted the talks in Oslo.\n');
    const hovers: number[] = [];
    const hugeOpened = client.mark();
    const hugeVersion = client.open(hugeUri, huge);
    const checked = client.waitForDiagnostics(hugeUri, { version: hugeVersion, after: hugeOpened, timeoutMs: 600_000 });
    let done = false;
    void checked.then(() => (done = true));
    const [, firstCheck] = await timed(async () => {
      while (!done) {
        const [, took] = await timed(() => client.hover(otherUri, { line: 0, character: 2 }));
        hovers.push(took);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });

    const hugeEdits: number[] = [];
    const hugeHovers: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const at = positionOf(client.text(hugeUri), `day ${20_000 + run * 1_000}.`);
      const after = client.mark();
      const version = client.applyTextEdits(hugeUri, [{ range: { start: at, end: at }, newText: 'x' }]);
      const [, hoverTook] = await timed(() => client.hover(otherUri, { line: 0, character: 2 }));
      hugeHovers.push(hoverTook);
      const [, took] = await timed(() => client.waitForDiagnostics(hugeUri, { version, after, timeoutMs: 120_000 }));
      hugeEdits.push(took + hoverTook);
    }
    const line = positionOf(client.text(hugeUri), 'day 30000.').line;
    const [actions, actionTook] = await timed(() => client.codeActions(hugeUri, { start: { line, character: 0 }, end: { line, character: 0 } }));
    // The writer types "[^" after a sentence and asks for the sources at once, before that edit is checked.
    const completions: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const sentenceEnd = `day ${27_000 + run * 500}.`;
      const start = positionOf(client.text(hugeUri), sentenceEnd);
      const at = { line: start.line, character: start.character + sentenceEnd.length };
      client.applyTextEdits(hugeUri, [{ range: { start: at, end: at }, newText: '[^' }]);
      const [, took] = await timed(() => client.request('textDocument/completion', { textDocument: { uri: hugeUri }, position: { line: at.line, character: at.character + 2 } }));
      completions.push(took);
    }

    console.log(`machine: ${machine}`);
    console.log(`language server over stdio, debounce 0:`);
    console.log(`open a 2,000-word draft, first diagnostics:    median ${ms(median(opens))} of ${opens.length} (target <= 30 ms)`);
    console.log(`one-sentence edit, 20,000-word draft:         median ${ms(median(edits))} of ${edits.length} (target <= 20 ms)`);
    console.log(`1 MB draft (${huge.length.toLocaleString('en')} characters): first check ${(firstCheck / 1000).toFixed(1)} s`);
    console.log(`  hover on another document during it:        median ${ms(median(hovers))}, worst ${ms(Math.max(...hovers))} of ${hovers.length} (target <= 50 ms)`);
    console.log(`  one-character edit, diagnostics:            median ${ms(median(hugeEdits))} of ${hugeEdits.length} (target <= 100 ms)`);
    console.log(`  hover right after an edit:                  median ${ms(median(hugeHovers))}, worst ${ms(Math.max(...hugeHovers))} (target <= 50 ms)`);
    console.log(`  code action on one line:                    ${ms(actionTook)}, ${JSON.stringify(actions).length.toLocaleString('en')} bytes`);
    console.log(`  completion after typing "[^":               median ${ms(median(completions))}, worst ${ms(Math.max(...completions))} (target <= 50 ms)`);
  } finally {
    await client.stop();
  }
}

void main();
