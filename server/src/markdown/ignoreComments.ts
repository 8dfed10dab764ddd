// The writer's switches, written as HTML comments in the draft:
//   <!-- grounded-ignore -->   the next block (paragraph, list, block quote, table…) is not checked;
//   <!-- grounded-disable -->  nothing is checked from here…
//   <!-- grounded-enable -->   …to here (a disable without an enable runs to the end of the draft).
// The comments may stand on their own line (an HTML block) or inside a paragraph (inline HTML).
import { partitionPoint } from '../index/partitionPoint';

export type Directive = 'ignore' | 'disable' | 'enable';

export interface DirectiveComment {
  directive: Directive;
  /** UTF-16 offsets of the comment in the document. */
  start: number;
  end: number;
}

const DIRECTIVE = /<!--\s*grounded-(ignore|disable|enable)\s*-->/g;

/** The directives in an HTML node's raw value, in order; `offset` is where the value starts in the document. */
export function findDirectives(html: string, offset: number): DirectiveComment[] {
  if (!html.includes('grounded-')) return [];
  const found: DirectiveComment[] = [];
  for (const match of html.matchAll(DIRECTIVE)) {
    const start = offset + match.index!;
    found.push({ directive: match[1] as Directive, start, end: start + match[0].length });
  }
  return found;
}

/** Offset ranges switched off by disable/enable pairs. */
export class DisabledRegions {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private openAt: number | undefined;

  /** Feed the disable/enable comments in document order. */
  add(comment: DirectiveComment): void {
    if (comment.directive === 'disable') {
      if (this.openAt === undefined) this.openAt = comment.end;
    } else if (comment.directive === 'enable') {
      if (this.openAt !== undefined) {
        this.starts.push(this.openAt);
        this.ends.push(comment.start);
        this.openAt = undefined;
      }
    }
  }

  /** Closes a region left open by a disable without an enable: it runs to `documentEnd`. */
  finish(documentEnd: number): void {
    if (this.openAt !== undefined) {
      this.starts.push(this.openAt);
      this.ends.push(documentEnd);
      this.openAt = undefined;
    }
  }

  get isEmpty(): boolean {
    return this.starts.length === 0;
  }

  /** Whether `offset` lies inside a disabled region. */
  contains(offset: number): boolean {
    const i = this.regionAtOrBefore(offset);
    return i >= 0 && offset < this.ends[i]!;
  }

  /** Whether the whole of [start, end) lies inside one disabled region. */
  covers(start: number, end: number): boolean {
    const i = this.regionAtOrBefore(start);
    return i >= 0 && end <= this.ends[i]!;
  }

  /** Index of the last region starting at or before `offset`, or -1. */
  private regionAtOrBefore(offset: number): number {
    return partitionPoint(this.starts.length, (i) => this.starts[i]! <= offset) - 1;
  }
}
