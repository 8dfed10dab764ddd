// Reading numbers, dates, names and negations out of a sentence: the details alignment compares.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Unit } from '../../server/src/text/analyze';
import { numbersAgree } from '../../server/src/text/numbers';
import { tokenize } from '../../server/src/text/tokens';

const units = (text: string, kind: Unit['kind']) => analyze(text).units.filter((u) => u.kind === kind);
const numbers = (text: string) => units(text, 'number').map((u) => u.number!);

test('numbers in words and figures have the same value', () => {
  assert.equal(numbers('More than four million Venezuelans left')[0].value, 4_000_000);
  assert.equal(numbers('More than 4 million Venezuelans left')[0].value, 4_000_000);
  assert.equal(numbers('twenty-five delegates')[0].value, 25);
  assert.equal(numbers('twenty five delegates')[0].value, 25);
  assert.equal(numbers('the forty-first summit')[0].value, 41);
  assert.equal(numbers('the forty-first summit')[0].ordinal, true);
  assert.equal(numbers('the fourth dialogue')[0].value, 4);
  assert.equal(numbers('the fourth dialogue')[0].ordinal, true);
  assert.equal(numbers('3.5 billion dollars')[0].value, 3.5e9);
  assert.equal(numbers('sales of $5bn')[0].value, 5e9);
  assert.equal(numbers('a £2.4tn economy')[0].value, 2.4e12);
});

test('shares: a quarter, 25%, 25 percent and 25 per cent are one value', () => {
  for (const text of ['a quarter of the population', '25% of the population', '25 percent of the population', '25 per cent of the population']) {
    const [share] = numbers(text);
    assert.equal(share.share, true, text);
    assert.equal(share.value, 0.25, text);
  }
});

test('durations compare in days: two weeks is not a month', () => {
  assert.equal(numbers('within the next two weeks')[0].days, 14);
  assert.equal(numbers('within a month')[0].days, 30);
  assert.equal(numbers('within 14 days')[0].days, 14);
});

test('qualifiers: "more than 50" agrees with "over 50", not with "70"', () => {
  const [more] = numbers('more than 50 nations');
  const [over] = numbers('over 50 countries');
  const [seventy] = numbers('70 nations');
  assert.equal(more.qualifier, 'more');
  assert.notEqual(numbersAgree(more, over), 'different');
  assert.equal(numbersAgree(seventy, more), 'different');
});

test('dates: "Aug. 6" is August 6; weekdays, years and times of day are their own details', () => {
  const [abbreviated] = units('an Aug. 6 conference', 'date');
  const [full] = units('an August 6 conference', 'date');
  assert.deepEqual([abbreviated.date!.month, abbreviated.date!.day], [8, 6]);
  assert.equal(abbreviated.key, full.key);
  assert.equal(units('On Tuesday, Maduro said', 'weekday')[0].key, 'tuesday');
  assert.equal(units('before dawn', 'time')[0].key, 'dawn');
  assert.equal(units('in 2025', 'year')[0].key, '2025');
  // "May" the month, not the modal verb.
  assert.equal(units('the May 1 uprising', 'date').length, 1);
  assert.equal(units('They may agree', 'date').length, 0);
});

test('names fold accents and aliases: Guaidó = Guaido, U.S. = US = United States', () => {
  const key = (text: string) => units(text, 'name')[0].key;
  assert.equal(key('said Guaidó'), key('said Guaido'));
  assert.equal(key('the U.S. envoy'), 'us');
  assert.equal(key('the US envoy'), 'us');
  assert.equal(key('the United States envoy'), 'us');
  // The pronoun is not the country.
  assert.equal(units('he told us', 'name').length, 0);
});

test('contractions carry their negation: "doesn\'t" reads as "does not"', () => {
  const folded = tokenize("it doesn't include a change; they won't go").map((t) => t.folded);
  assert.deepEqual(folded, ['it', 'does', 'not', 'include', 'a', 'change', 'they', 'will', 'not', 'go']);
  assert.equal(tokenize('not').at(0)!.negation, true);
});

test('a comma closes an amount: an age in apposition counts nothing after it', () => {
  assert.deepEqual(numbers('His wife, Katrine Saltare, 28, were stabbed')[0].unitStems, []);
  assert.deepEqual(numbers('28 officials were stabbed')[0].unitStems.slice(0, 1), ['offici']);
});

test('the clitics of tokenised text are function words', () => {
  assert.deepEqual(units("we 're going , i 'm sure", 'word').map((u) => u.key), ['go', 'sure']);
});

test('an age reads as its number', () => {
  assert.deepEqual(units('the 27-year-old defender', 'number').map((u) => u.key), ['27']);
  assert.deepEqual(units('the 27-year-old defender', 'word').map((u) => u.key), ['defend']);
});

test('lower-case text still has months, but not the verbs "march" and "may" or the adjective "august"', () => {
  assert.deepEqual(units('taken before october 2011', 'date').map((u) => u.key), ['10/']);
  assert.deepEqual(units('on march 3 and in august', 'date').map((u) => u.key), ['3/3', '8/']);
  assert.deepEqual(units('they march as they may, august visitors', 'date'), []);
});

test('irregular past forms meet their base form', () => {
  assert.deepEqual(units('he pled guilty and spoke', 'word').map((u) => u.key), units('he pleaded guilty and speaks', 'word').map((u) => u.key));
});

test('a capital initial is no clitic; "march" in ordinary prose is no month', () => {
  assert.deepEqual(units('founded by John M. Keynes', 'name').map((u) => u.key).slice(0, 2), ['john', 'm']);
  assert.deepEqual(units('Protesters will march 30 kilometres', 'date'), []);
  assert.deepEqual(units('a 3-month-old baby', 'number')[0].number!.unitStems.slice(0, 1), ['month-old']);
});

test('"one in three" is a share of a whole', () => {
  assert.deepEqual(numbers('one in three people').map((n) => [n.value, n.share]), [[1 / 3, true]]);
  assert.deepEqual(numbers('1 in 4 voters').map((n) => [n.value, n.share]), [[0.25, true]]);
  assert.deepEqual(numbers('three in a row').map((n) => [n.value, n.share]), [[3, false]]);
});

test('"nearly" is just below the figure; "dozens of" and "hundreds of" are different magnitudes', () => {
  const [nearly] = numbers('nearly four million left');
  const [moreThan] = numbers('more than four million left');
  const [about] = numbers('about four million left');
  assert.equal(numbersAgree(nearly, moreThan), 'different');
  assert.equal(numbersAgree(nearly, about), 'same');
  const [hundreds] = numbers('hundreds of prisoners');
  const [dozens] = numbers('dozens of prisoners');
  assert.equal(numbersAgree(hundreds, dozens), 'different');
  assert.deepEqual(numbers('thousands of people').map((n) => [n.value, n.qualifier]), [[1000, 'more']]);
});

test('a number and its unit in one token count that unit: "a three-year deal" is three years', () => {
  const [deal] = units('a three-year deal', 'number');
  assert.equal(deal.number!.value, 3);
  assert.deepEqual(deal.number!.unitStems.slice(0, 1), ['year']);
  assert.equal(deal.number!.days, units('a deal for three years', 'number')[0].number!.days);
  const [quarter] = numbers('fourth-quarter sales');
  assert.deepEqual([quarter.value, quarter.ordinal], [4, true]);
  // Only a unit of time or a quarter: "one-sided" and "first-class" are words.
  assert.equal(numbers('a one-sided game').length, 0);
  assert.equal(numbers('a first-class ticket').length, 0);
});

test('"m" and "b" after an amount of money are millions and billions; after other amounts, a unit', () => {
  assert.equal(numbers('losses of $7.5m')[0].value, 7.5e6);
  assert.equal(numbers('losses estimated at $ 7.5 m in Queensland')[0].value, 7.5e6);
  assert.equal(numbers('a £2b deal')[0].value, 2e9);
  assert.equal(numbers('the 100m sprint')[0].value, 100);
  assert.equal(numbers('a 5 m wall')[0].value, 5);
});

test('a share in one token, or in thirds: "two-thirds" = "two thirds", "three-quarters" = 75%', () => {
  for (const text of ['two-thirds of voters', 'two thirds of voters']) assert.deepEqual([numbers(text)[0].value, numbers(text)[0].share], [2 / 3, true], text);
  assert.equal(numbers('three-quarters of apprenticeships')[0].value, numbers('75% of apprenticeships')[0].value);
  assert.equal(numbers('one-third of the staff')[0].value, numbers('a third of the staff')[0].value);
  // Two of a year's quarters are no share.
  assert.equal(numbers('two quarters of growth')[0].share, false);
});
