// The one binary search of the code base: over a list ordered so that `isBefore` holds for a prefix and fails for the
// rest, the length of that prefix. Line starts, ignored regions, claims by offset and posting lists all ask this.

/** The first index in [0, length) for which `isBefore` is false, or `length` if it holds everywhere. */
export function partitionPoint(length: number, isBefore: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (isBefore(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
