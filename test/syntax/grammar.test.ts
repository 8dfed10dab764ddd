// The citation and directive grammars, injected into Markdown the way package.json declares them, tokenised with the
// editor's own TextMate engine (vscode-textmate + oniguruma). The host is a stand-in for VS Code's Markdown grammar
// (test/fixtures/syntax): same scope names and block/paragraph structure, far fewer rules.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OnigScanner, OnigString, loadWASM } from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type IToken } from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..');
const HOST_SCOPE = 'text.html.markdown';
const HOST_GRAMMAR = join(ROOT, 'test', 'fixtures', 'syntax', 'markdown-standin.tmLanguage.json');

interface GrammarContribution {
  scopeName: string;
  path: string;
  injectTo?: string[];
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { grammars: GrammarContribution[] } };
const contributed = manifest.contributes.grammars;

const CITATIONS = 'grounded.citations.injection';
const DIRECTIVES = 'grounded.directives.injection';
const FOOTNOTE_LABEL = 'entity.name.tag.reference.footnote.grounded';
const CITATION_KEY = 'entity.name.tag.reference.citation-key.grounded';
const GROUNDED = /\.grounded$/;

let grammar: IGrammar;

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const files = new Map<string, string>([[HOST_SCOPE, HOST_GRAMMAR]]);
  for (const grammarContribution of contributed) files.set(grammarContribution.scopeName, join(ROOT, grammarContribution.path));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new OnigScanner(patterns),
      createOnigString: (text: string) => new OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      const file = files.get(scopeName);
      return file ? parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    // What VS Code does with `injectTo`.
    getInjections: (scopeName: string) =>
      contributed.filter((candidate) => candidate.injectTo?.includes(scopeName)).map((candidate) => candidate.scopeName),
  });
  const loaded = await registry.loadGrammar(HOST_SCOPE);
  assert.ok(loaded, 'the stand-in Markdown grammar loads');
  grammar = loaded;
});

interface Token {
  text: string;
  scopes: string[];
}

/** Tokenises a document; one array of tokens per line. */
function tokenize(text: string): Token[][] {
  let state = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((token: IToken) => ({ text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes }));
  });
}

/** The tokens of `line` that overlap the first occurrence of `fragment` (which must occur). */
function tokensOf(lineTokens: Token[], fragment: string): Token[] {
  const line = lineTokens.map((token) => token.text).join('');
  const start = line.indexOf(fragment);
  assert.ok(start >= 0, `"${fragment}" is not in "${line}"`);
  const end = start + fragment.length;
  const found: Token[] = [];
  let offset = 0;
  for (const token of lineTokens) {
    const tokenEnd = offset + token.text.length;
    if (tokenEnd > start && offset < end) found.push(token);
    offset = tokenEnd;
  }
  return found;
}

function assertScoped(lineTokens: Token[], fragment: string, scope: string): void {
  for (const token of tokensOf(lineTokens, fragment)) {
    assert.ok(token.scopes.includes(scope), `"${token.text}" (of "${fragment}") should have ${scope}; has ${token.scopes.join(' ')}`);
  }
}

function assertNotScoped(lineTokens: Token[], fragment: string, pattern: RegExp = GROUNDED): void {
  for (const token of tokensOf(lineTokens, fragment)) {
    const wrong = token.scopes.filter((scope) => pattern.test(scope));
    assert.deepEqual(wrong, [], `"${token.text}" (of "${fragment}") should have no ${pattern} scope`);
  }
}

/** Tokenises one line (as its own document). */
function line(text: string): Token[] {
  return tokenize(text)[0]!;
}

describe('the grammars package.json contributes', () => {
  test('are two injections into Markdown, each file declaring the scope name the manifest gives it', () => {
    assert.deepEqual(contributed.map((candidate) => candidate.scopeName).sort(), [CITATIONS, DIRECTIVES]);
    for (const candidate of contributed) {
      assert.deepEqual(candidate.injectTo, [HOST_SCOPE]);
      assert.match(candidate.path, /^\.\/syntaxes\/[\w-]+\.tmLanguage\.json$/);
      const raw = JSON.parse(readFileSync(join(ROOT, candidate.path), 'utf8')) as { scopeName: string; injectionSelector: string };
      assert.equal(raw.scopeName, candidate.scopeName);
      assert.match(raw.injectionSelector, /^L:/, 'left priority, so the citation wins over Markdown link rules');
    }
  });
});

describe('footnote references', () => {
  test('[^id] after a sentence: brackets, caret and label', () => {
    const tokens = line('The talks began in Oslo.[^ap-norway-talks] Then they moved.');
    assertScoped(tokens, '[^ap-norway-talks]', 'meta.citation.footnote.grounded');
    assertScoped(tokens, 'ap-norway-talks', FOOTNOTE_LABEL);
    assertScoped(tokens, '[', 'punctuation.definition.citation.begin.grounded');
    assertScoped(tokens, '^', 'punctuation.definition.footnote.grounded');
    assertScoped(tokens, ']', 'punctuation.definition.citation.end.grounded');
    assertNotScoped(tokens, '[^ap-norway-talks]', /^meta\.link\.reference\.markdown$/);
    assertNotScoped(tokens, 'The talks began');
  });

  test('a line that starts with a citation still opens a paragraph', () => {
    const tokens = line('[^1] and the talks **resumed** in Mexico.');
    assertScoped(tokens, '1', FOOTNOTE_LABEL);
    assertScoped(tokens, ' and the talks', 'meta.paragraph.markdown');
    assertScoped(tokens, 'resumed', 'markup.bold.markdown');
  });

  test('in headings, bold text and block quotes', () => {
    assertScoped(line('## The Oslo talks[^ap]'), 'ap', FOOTNOTE_LABEL);
    assertScoped(line('They met **in secret[^bbc]**.'), 'bbc', FOOTNOTE_LABEL);
    const quoted = line('> [^ap] quoted the minister.');
    assertScoped(quoted, 'ap', FOOTNOTE_LABEL);
    assertScoped(quoted, 'quoted the minister', 'meta.paragraph.markdown');
  });
});

describe('Pandoc citations', () => {
  test('[@id]: key with its @', () => {
    const tokens = line('Talks resumed in Mexico City [@venezuela-mexico-negotiations].');
    assertScoped(tokens, '[@venezuela-mexico-negotiations]', 'meta.citation.pandoc.grounded');
    assertScoped(tokens, '@venezuela-mexico-negotiations', CITATION_KEY);
    assertScoped(tokens, '@', 'punctuation.definition.citation-key.grounded');
    assertScoped(tokens, '[', 'punctuation.definition.citation.begin.grounded');
    assertScoped(tokens, ']', 'punctuation.definition.citation.end.grounded');
    assertNotScoped(tokens, 'Talks resumed');
  });

  test('[@a; @b]: both keys and the separator', () => {
    const tokens = line('Both sides confirmed it [@ap-norway-talks; @bbc-maduro].');
    assertScoped(tokens, '@ap-norway-talks', CITATION_KEY);
    assertScoped(tokens, '@bbc-maduro', CITATION_KEY);
    assertScoped(tokens, ';', 'punctuation.separator.citation.grounded');
  });

  test('[@id, p. 3] and a prefix: key, locator, prefix left plain', () => {
    const tokens = line('As reported [see @arreaza, p. 3; -@bbc, pp. 4-5].');
    assertScoped(tokens, '@arreaza', CITATION_KEY);
    assertScoped(tokens, 'p. 3', 'meta.citation.locator.grounded');
    assertScoped(tokens, '@bbc', CITATION_KEY);
    assertScoped(tokens, 'pp. 4-5', 'meta.citation.locator.grounded');
    assertScoped(tokens, 'see ', 'meta.citation.pandoc.grounded');
    assertNotScoped(tokens, 'see ', /^entity\./);
  });

  test('not an e-mail address in brackets, a link, or an escaped bracket', () => {
    assertNotScoped(line('Write to [press office press@example.org] for details.'), 'press@example.org');
    assertNotScoped(line('See [@ap](https://apnews.com/oslo) for the report.'), '@ap');
    assertNotScoped(line('A literal \\[@ap] is not a citation.'), '@ap');
  });
});

describe('code and comments are left alone', () => {
  test('code spans', () => {
    const tokens = line('Write `[@id]` or `[^id]` to cite [@ap].');
    assertNotScoped(tokens, '[@id]');
    assertNotScoped(tokens, '[^id]');
    assertScoped(tokens, '@ap', CITATION_KEY);
  });

  test('fenced code blocks', () => {
    const lines = tokenize(['```markdown', 'Cite [@ap] or [^bbc].', '<!-- grounded-ignore -->', '```', 'Then [@ap].'].join('\n'));
    assertNotScoped(lines[1]!, '[@ap]');
    assertNotScoped(lines[1]!, '[^bbc]');
    assertNotScoped(lines[2]!, 'grounded-ignore');
    assertScoped(lines[4]!, '@ap', CITATION_KEY);
  });

  test('indented code blocks', () => {
    const lines = tokenize(['Intro.', '', '    Cite [@ap] like this.', '', 'Done [@ap].'].join('\n'));
    assertNotScoped(lines[2]!, '[@ap]');
    assertScoped(lines[4]!, '@ap', CITATION_KEY);
  });

  test('front matter', () => {
    const lines = tokenize(['---', 'title: "[@ap] and [^1]"', '---', 'Body [@ap].'].join('\n'));
    assertNotScoped(lines[1]!, '[@ap]');
    assertNotScoped(lines[1]!, '[^1]');
    assertScoped(lines[3]!, '@ap', CITATION_KEY);
  });

  test('citations inside an ordinary comment', () => {
    assertNotScoped(line('Text <!-- see [@ap] later --> more.'), '@ap');
    assertNotScoped(line('<!-- todo: cite [^bbc] -->'), '[^bbc]');
  });
});

describe('grounded directives', () => {
  for (const directive of ['ignore', 'disable', 'enable'] as const) {
    test(`<!-- grounded-${directive} --> on its own line: a keyword inside the comment`, () => {
      const tokens = line(`<!-- grounded-${directive} -->`);
      assertScoped(tokens, `grounded-${directive}`, `keyword.control.directive.${directive}.grounded`);
      assertScoped(tokens, `grounded-${directive}`, 'comment.block.html');
      assertScoped(tokens, '<!--', 'punctuation.definition.comment.html');
    });
  }

  test('inside a paragraph, without spaces, and indented', () => {
    const inline = line('The talks began. <!-- grounded-disable --> Nothing here is checked.');
    assertScoped(inline, 'grounded-disable', 'keyword.control.directive.disable.grounded');
    assertScoped(inline, 'grounded-disable', 'comment.block.html');
    assertNotScoped(inline, 'Nothing here');
    assertScoped(line('<!--grounded-enable-->'), 'grounded-enable', 'keyword.control.directive.enable.grounded');
    assertScoped(line('  <!-- grounded-ignore -->'), 'grounded-ignore', 'keyword.control.directive.ignore.grounded');
  });

  test('only a comment holding nothing but the directive (as the server reads them)', () => {
    assertNotScoped(line('<!-- grounded-ignore the next paragraph -->'), 'grounded-ignore');
    assertNotScoped(line('<!-- note: grounded-ignore -->'), 'grounded-ignore');
    assertNotScoped(line('<!-- grounded-skip -->'), 'grounded-skip');
    assertNotScoped(line('Plain grounded-ignore in prose.'), 'grounded-ignore');
    assertNotScoped(line('Use `<!-- grounded-ignore -->` to skip a block.'), 'grounded-ignore');
  });
});
