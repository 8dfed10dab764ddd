// The index cache's byte layout: a JSON header, then named columns of numbers, each at an offset that is a multiple of
// four, so that a reader takes typed-array views of the file's own buffer. Nothing but the header is parsed or copied:
// v8.deserialize copied every column into a new buffer (100 MB to hold a 51 MB file for a moment), and the copies
// were garbage collected during the start.

import type { NumberArray } from './passageTerms';

/** Numbers in a typed array: each column is stored in the narrowest one that holds them. */
export type Column = NumberArray;

const ALIGN = 4;
const HEADER_LENGTH_BYTES = 4;

interface Layout {
  value: unknown;
  /** Per column: its name, bits per number, byte offset in the payload, length in numbers. */
  columns: [string, number, number, number][];
}

/**
 * `value` (anything JSON holds) and the columns as one payload, after `prefix` zero bytes (a multiple of four) that the
 * caller fills in: a file's magic and checksum go there, with no copy of the whole made to put them in front.
 */
export function encodeColumns(value: unknown, columns: Record<string, Column>, prefix = 0): Buffer {
  const names = Object.keys(columns);
  // The header names the offsets, which follow the header: lay the columns out after a header of the final length.
  const offsetsAfter = (start: number): Layout['columns'] => {
    let at = start;
    return names.map((name) => {
      const column = columns[name];
      at = alignUp(at);
      const entry: [string, number, number, number] = [name, column.BYTES_PER_ELEMENT * 8, at, column.length];
      at += column.byteLength;
      return entry;
    });
  };
  let headerBytes = 0;
  let header: Buffer;
  for (;;) {
    const layout: Layout = { value, columns: offsetsAfter(HEADER_LENGTH_BYTES + headerBytes) };
    header = Buffer.from(JSON.stringify(layout), 'utf8');
    if (header.length <= headerBytes) break;
    // Room for a longer header (its offsets grew a digit): pad it to a length that no longer changes.
    headerBytes = alignUp(header.length + 16);
  }
  const layout: Layout = { value, columns: offsetsAfter(HEADER_LENGTH_BYTES + headerBytes) };
  const last = layout.columns.at(-1);
  const total = last ? last[2] + last[3] * (last[1] / 8) : HEADER_LENGTH_BYTES + headerBytes;
  const file = Buffer.alloc(prefix + total, 0);
  const payload = file.subarray(prefix);
  header.copy(payload, HEADER_LENGTH_BYTES);
  // Spaces after the JSON up to the first column: JSON.parse reads them as whitespace.
  payload.fill(0x20, HEADER_LENGTH_BYTES + header.length, HEADER_LENGTH_BYTES + headerBytes);
  payload.writeUInt32LE(headerBytes, 0);
  layout.columns.forEach(([name, , offset]) => {
    const column = columns[name];
    payload.set(new Uint8Array(column.buffer, column.byteOffset, column.byteLength), offset);
  });
  return file;
}

/**
 * The header's value and the columns, as views of `payload` (which must start at a multiple of four in its buffer);
 * undefined when the bytes are not such a layout.
 */
export function decodeColumns(payload: Uint8Array): { value: unknown; columns: Map<string, Column> } | undefined {
  if (payload.byteOffset % ALIGN !== 0 || payload.length < HEADER_LENGTH_BYTES) return undefined;
  const headerBytes = new DataView(payload.buffer, payload.byteOffset, HEADER_LENGTH_BYTES).getUint32(0, true);
  if (HEADER_LENGTH_BYTES + headerBytes > payload.length) return undefined;
  let layout: unknown;
  try {
    layout = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset + HEADER_LENGTH_BYTES, headerBytes).toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isLayout(layout)) return undefined;
  const columns = new Map<string, Column>();
  for (const [name, bits, offset, length] of layout.columns) {
    const bytes = bits / 8;
    if (offset % ALIGN !== 0 || offset < HEADER_LENGTH_BYTES + headerBytes || offset + length * bytes > payload.length) return undefined;
    const start = payload.byteOffset + offset;
    columns.set(name, bits === 8 ? new Uint8Array(payload.buffer, start, length) : bits === 16 ? new Uint16Array(payload.buffer, start, length) : new Uint32Array(payload.buffer, start, length));
  }
  return { value: layout.value, columns };
}

function alignUp(at: number): number {
  return Math.ceil(at / ALIGN) * ALIGN;
}

function isLayout(value: unknown): value is Layout {
  if (typeof value !== 'object' || value === null || !Array.isArray((value as Layout).columns)) return false;
  return (value as Layout).columns.every((entry) => Array.isArray(entry) && entry.length === 4 && typeof entry[0] === 'string'
    && [8, 16, 32].includes(entry[1]) && [entry[2], entry[3]].every((n) => Number.isInteger(n) && n >= 0));
}
