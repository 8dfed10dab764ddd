// Reads a draft (or any text file) for checking, turning every way it can be unusable into a one-line reason
// instead of an exception: the CLI prints the reason and goes on with the other files, the language server shows it.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

export type ReadTextResult = { text: string } | { error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Larger than this a file is no draft or source a writer wrote: it is named, not read (`--max-file-size`). */
export const DEFAULT_MAX_FILE_BYTES = 5_000_000;

/**
 * Reads a regular file of at most `maxBytes`. Anything else — a named pipe (which would wait for a writer forever),
 * a device such as /dev/zero (which never ends), a folder, a file over the limit — is refused with a reason.
 */
export function readTextFile(path: string, maxBytes = DEFAULT_MAX_FILE_BYTES): ReadTextResult {
  const read = readRegularFile(path, maxBytes);
  return 'error' in read ? read : decodeText(read.bytes);
}

/** The bytes of a regular file of at most `maxBytes`, or why it is not read (see readTextFile). */
export function readRegularFile(path: string, maxBytes: number): { bytes: Buffer } | { error: string } {
  let descriptor: number;
  try {
    // Non-blocking, so that opening a named pipe does not wait for a writer; fstat then refuses it.
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    return { error: describeFsError(err) };
  }
  try {
    const stats = fstatSync(descriptor);
    if (stats.isDirectory()) return { error: 'is a folder, not a file' };
    if (!stats.isFile()) return { error: 'not a regular file (a pipe, a device or a socket)' };
    if (stats.size > maxBytes) return { error: tooLarge(stats.size, maxBytes) };
    const bytes = Buffer.alloc(stats.size);
    let length = 0;
    while (length < bytes.length) {
      const count = readSync(descriptor, bytes, length, bytes.length - length, length);
      if (count === 0) break;
      length += count;
    }
    return { bytes: bytes.subarray(0, length) };
  } catch (err) {
    return { error: describeFsError(err) };
  } finally {
    closeSync(descriptor);
  }
}

/** The reason a file over the size limit is not checked. */
export function tooLarge(bytes: number, maxBytes: number): string {
  return `${bytes.toLocaleString('en')} bytes, over the size limit of ${maxBytes.toLocaleString('en')} bytes: not read`;
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
