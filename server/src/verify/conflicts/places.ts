// Places: a country the article never names, where the evidence names another ("Chile" for "Peru"); and the place a
// claim sets an event in, which coreference cannot back.
import type { Analysis, Unit } from '../../text/analyze';
import type { EvidenceConflict } from '../alignment';
import { otherValue, type ConflictSearch } from './search';

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'inside']);

/**
 * Another country, preferably in the same slot; else beside the same matched word, since word order may differ
 * ("mediated by Sweden" / "Norway mediated"). No conflict when the article names the claim's country somewhere.
 */
export function countryConflict(search: ConflictSearch, articleNamesIt: boolean): EvidenceConflict | undefined {
  if (articleNamesIt) return undefined;
  const isOtherCountry = (u: Unit) => u.country && u.key !== search.ua.unit.key;
  return otherValue(search, 'place', isOtherCountry, 'inSlot') ?? otherValue(search, 'place', isOtherCountry, 'nearAnchors');
}

/**
 * "met in Caracas": a place the claim sets an event in must be in the evidence itself. That the article names the
 * place somewhere else says nothing about where this happened (a person it names elsewhere is another matter).
 */
export function afterPlacePreposition(claim: Analysis, unit: Unit): boolean {
  return PLACE_PREPOSITIONS.has(claim.tokens[unit.start - 1]?.folded ?? '');
}
