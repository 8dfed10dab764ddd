// Reads a draft (or any text file) for checking, turning every way it can be unusable into a one-line reason
// instead of an exception: the CLI prints the reason and goes on with the other files, the language server shows it.
import { readFileSync } from 'node:fs';

export type ReadTextResult = { text: string } | { error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function readTextFile(path: string): ReadTextResult {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    return { error: describeFsError(err) };
  }
  return decodeText(bytes);
}

/** Decodes file contents, rejecting binary data, invalid UTF-8 and files with nothing but whitespace. */
export function decodeText(bytes: Uint8Array): ReadTextResult {
  // A NUL byte is valid UTF-8 but never appears in prose: it marks an image, a PDF, a zip…
  if (bytes.includes(0)) return { error: 'binary file, not text' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { error: 'not UTF-8 text' };
  }
  // TextDecoder drops a leading byte-order mark by default, so offsets match what an editor shows.
  if (text.trim() === '') return { error: 'empty file' };
  return { text };
}

/** A short, human reason for a failed file-system call; the Node message carries the path and syscall twice over. */
export function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}
