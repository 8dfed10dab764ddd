// Text from a draft, a source or a file name is data: on a terminal or in a one-line format it must stay one line of
// plain characters. Control characters (escape sequences, line breaks, bidirectional overrides) are shown as escapes.

// C0 and C1 controls, DEL, and the Unicode line/paragraph separators and bidirectional controls.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function plainLine(text: string): string {
  return text.replace(UNSAFE, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return ' ';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
