import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acceptClaimEdit, claimHash, isAccepted, normalizeClaimText } from '../../server/src/config/accepted';
import { parseProjectConfig } from '../../server/src/config/projectConfig';

const CONFIG = '/project/.grounded.yaml';
const lines = (...rows: string[]) => rows.join('\n') + '\n';
const SKY = 'The sky is blue.';

test('claimHash ignores how the sentence is wrapped, not what it says', () => {
  assert.match(claimHash(SKY), /^[0-9a-f]{16}$/);
  assert.equal(claimHash('  The sky\n  is\tblue. '), claimHash(SKY));
  assert.equal(claimHash('Caf\u0065\u0301 prices rose.'), claimHash('Caf\u00e9 prices rose.'));
  assert.notEqual(claimHash('The sky is green.'), claimHash(SKY));
  assert.equal(normalizeClaimText(' a \r\n b '), 'a b');
});

test('isAccepted matches the current text only: an edited sentence is checked again', () => {
  const { config } = parseProjectConfig(acceptClaimEdit(undefined, SKY), CONFIG);
  assert.equal(isAccepted(config, SKY), true);
  assert.equal(isAccepted(config, 'The sky\nis blue.'), true);
  assert.equal(isAccepted(config, 'The sky is very blue.'), false);
  assert.equal(isAccepted(parseProjectConfig('', CONFIG).config, SKY), false);
});

test('an entry written by hand without a hash is matched by its text', () => {
  const { config, problems } = parseProjectConfig(lines('accepted:', `  - text: ${SKY}`), CONFIG);
  assert.deepEqual(problems, []);
  assert.equal(isAccepted(config, SKY), true);
});

test('acceptClaimEdit creates the file, then adds each sentence once', () => {
  const created = acceptClaimEdit(undefined, 'The sky\n  is blue.');
  assert.equal(created, lines('accepted:', '  - text: The sky is blue.', `    hash: ${claimHash(SKY)}`));
  const twice = acceptClaimEdit(created, 'Grass is green: "mostly" # really');
  assert.equal(acceptClaimEdit(twice, 'Grass is green: "mostly" # really'), twice);
  assert.equal(acceptClaimEdit(twice, SKY), twice);
  const { config, problems } = parseProjectConfig(twice, CONFIG);
  assert.deepEqual(problems, []);
  assert.deepEqual(
    config.accepted.map((entry) => entry.text),
    [SKY, 'Grass is green: "mostly" # really'],
  );
});

test('acceptClaimEdit keeps the rest of the file byte for byte in the usual layouts', () => {
  const entry = (indent: string) => [`${indent}- text: ${SKY}`, `${indent}  hash: ${claimHash(SKY)}`];
  const head = ['# Our project', 'sources:   # where the articles are', '  paths: [a, b]   # two folders', ''];

  // No `accepted` yet: the key is added at the end.
  assert.equal(acceptClaimEdit(lines(...head, 'citationStyle: pandoc'), SKY), lines(...head, 'citationStyle: pandoc', 'accepted:', ...entry('  ')));
  // `accepted: []` (the starter's) or `accepted:` left empty: the entry goes under the key, the comment stays.
  assert.equal(
    acceptClaimEdit(lines(...head, 'accepted: []   # written by the fix', '', 'citationStyle: pandoc'), SKY),
    lines(...head, 'accepted:   # written by the fix', ...entry('  '), '', 'citationStyle: pandoc'),
  );
  assert.equal(acceptClaimEdit(lines('accepted:', 'citationStyle: pandoc'), SKY), lines('accepted:', ...entry('  '), 'citationStyle: pandoc'));
  // A block list: after its last entry, at its indentation, before the comments that follow it.
  const existing = ['accepted:', '- text: Old.', '  hash: 0123456789abcdef   # by hand'];
  assert.equal(
    acceptClaimEdit(lines(...existing, '# the end', 'citationStyle: pandoc'), SKY),
    lines(...existing, ...entry(''), '# the end', 'citationStyle: pandoc'),
  );
  // Windows line ends stay Windows line ends.
  assert.equal(acceptClaimEdit('citationStyle: pandoc\r\n', SKY), ['citationStyle: pandoc', 'accepted:', ...entry('  '), ''].join('\r\n'));
  // No final line break.
  assert.equal(acceptClaimEdit('citationStyle: pandoc', SKY), lines('citationStyle: pandoc', 'accepted:', ...entry('  ')));
});

test('acceptClaimEdit adds to a flow list through the YAML library, comments kept', () => {
  const edited = acceptClaimEdit(lines('# head', 'accepted: [{ text: Old., hash: 0123456789abcdef }]  # inline', 'citationStyle: pandoc'), SKY);
  assert.match(edited, /^# head\n/);
  assert.match(edited, /# inline/);
  const { config, problems } = parseProjectConfig(edited, CONFIG);
  assert.deepEqual(problems, []);
  assert.deepEqual(config.accepted, [
    { text: 'Old.', hash: '0123456789abcdef' },
    { text: SKY, hash: claimHash(SKY) },
  ]);
  assert.equal(config.citationStyle, 'pandoc');
});

test('acceptClaimEdit refuses to edit a file it cannot read safely', () => {
  assert.throws(() => acceptClaimEdit('sources: [a\n', SKY), /YAML is broken/);
  assert.throws(() => acceptClaimEdit('- a\n', SKY), /not a mapping/);
  assert.throws(() => acceptClaimEdit('accepted: yes\n', SKY), /"accepted" is not a list/);
});
