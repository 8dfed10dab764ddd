// What each finding says, worded once: the CLI's reports, the editor's diagnostics and its hover all show these.

import type { Engine } from '../engine';
import type { CheckedClaim, Evidence } from '../model';
import { titleOf } from './checkedDraft';
import type { FindingCode } from './codes';

/** When nothing matches at all the engine lists every word; the first few make the point. */
const MAX_UNBACKED_WORDS = 4;

export function messageFor(code: FindingCode, claim: CheckedClaim, engine: Engine): string {
  switch (code) {
    case 'contradicted': {
      const conflict = claim.conflict;
      if (!conflict) return claim.reason || 'A source states something different.';
      return `Contradicted by "${titleOf(engine, conflict.sourceId)}": ${detailFor(code, claim, engine)}.`;
    }
    case 'unsupported': {
      const unbacked = claim.unbacked ?? [];
      // The engine's reason also names what the source has in place of each word, when it is about the same thing.
      if (claim.reason && unbacked.length <= MAX_UNBACKED_WORDS) return claim.reason;
      return `${capitalized(detailFor(code, claim, engine))}.`;
    }
    case 'uncited': {
      const backer = claim.evidence[0]?.sourceId;
      return backer ? `Supported by "${titleOf(engine, backer)}" but not cited.` : 'Supported but not cited.';
    }
    case 'citation-mismatch':
      return claim.citationMismatch?.message || 'The cited source does not back this claim.';
    case 'unbacked-detail':
      return `Supported, but ${detailFor(code, claim, engine)}.`;
  }
}

/**
 * The detail at fault in a few words, for a place that already shows the message (the hover, under the diagnostic):
 * the conflicting pair, the unbacked words, the citation problem.
 */
export function detailFor(code: FindingCode, claim: CheckedClaim, engine: Engine): string {
  switch (code) {
    case 'contradicted': {
      const conflict = claim.conflict;
      return conflict ? `the source says "${conflict.source}", the draft says "${conflict.claim}"` : 'a source states something different';
    }
    case 'unsupported': {
      const unbacked = claim.unbacked ?? [];
      return unbacked.length === 0 ? 'no source backs this claim' : `no source backs ${quotedWords(unbacked)}`;
    }
    case 'uncited':
      return 'not cited';
    case 'citation-mismatch': {
      const mismatch = claim.citationMismatch;
      if (!mismatch) return 'the cited source does not back it';
      const cited = mismatch.cited.map((id) => `"${titleOf(engine, id)}"`).join(', ');
      if (mismatch.cited.some((id) => !engine.source(id))) return `it cites ${cited}, which is not in the source library`;
      return `the cited ${cited} does not back it${mismatch.backedBy ? `; "${titleOf(engine, mismatch.backedBy)}" does` : ''}`;
    }
    case 'unbacked-detail':
      return `the passage that backs it does not state ${quotedWords(claim.unbacked ?? [])}`;
  }
}

/** `"gold", "sales"`: the first few words quoted, then how many more there are. */
function quotedWords(words: readonly string[]): string {
  const shown = words.slice(0, MAX_UNBACKED_WORDS).map((word) => `"${word}"`).join(', ');
  const more = words.length - MAX_UNBACKED_WORDS;
  return `${shown}${more > 0 ? ` or ${more} more ${more === 1 ? 'word' : 'words'}` : ''}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The passage that explains a finding: the conflicting one, the nearest one, or the one that backs the claim. */
export function evidenceFor(code: FindingCode, claim: CheckedClaim): Evidence | undefined {
  switch (code) {
    case 'contradicted': {
      const conflict = claim.conflict;
      if (!conflict) return claim.evidence[0];
      const fromSource = claim.evidence.filter((evidence) => evidence.sourceId === conflict.sourceId);
      const words = conflict.source.toLowerCase();
      return fromSource.find((evidence) => evidence.text.toLowerCase().includes(words)) ?? fromSource[0] ?? claim.evidence[0];
    }
    case 'citation-mismatch': {
      const backedBy = claim.citationMismatch?.backedBy;
      return backedBy === undefined ? undefined : claim.evidence.find((evidence) => evidence.sourceId === backedBy);
    }
    default:
      return claim.evidence[0];
  }
}
