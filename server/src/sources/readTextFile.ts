// Reads a source file as text, turning every way a file can fail to be a usable article into a one-line problem
// instead of an exception: one bad file in a folder of sources must not stop the others from loading.

import { readFileSync } from 'node:fs';

export type TextFileResult = { ok: true; text: string } | { ok: false; problem: string };

export function readTextFile(path: string): TextFileResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return { ok: false, problem: `file cannot be read (${describeFsError(error)})` };
  }
  return decodeText(bytes);
}

export function decodeText(bytes: Uint8Array): TextFileResult {
  // Text files never contain NUL; images, PDFs and office documents almost always do.
  if (bytes.includes(0)) return { ok: false, problem: 'binary file, not text' };
  let text: string;
  try {
    // The decoder also drops a leading byte-order mark, so line 1 starts with the text.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'not valid UTF-8 text (save the file as UTF-8)' };
  }
  if (text.trim() === '') return { ok: false, problem: 'empty file' };
  return { ok: true, text };
}

/** "ENOENT: no such file…" → "no such file or directory"; falls back to the error's own message. */
export function describeFsError(error: unknown): string {
  const known: Record<string, string> = {
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EISDIR: 'is a folder',
    ENOTDIR: 'not a folder',
    ELOOP: 'too many symbolic links',
  };
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code && known[code]) return known[code];
  return error instanceof Error ? error.message : String(error);
}
