// COPY … FROM STDIN for the ingest's passages. Sending a batch's rows as bound arrays cost the ingest as much as
// tokenising them: node-postgres escapes every array element, and the server parses the arrays and unnests them.
// COPY's text format is one string with four characters escaped. node-postgres runs COPY through a query object of the
// caller's (a "submittable"), which this is, so no other package is needed.
import type { Connection as PgConnection, PoolClient, Submittable } from 'pg';

/** A value as COPY's text format reads it: backslash, tab, newline and carriage return escaped. */
export function copyField(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c]!) : value;
}

const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text[] literal of these elements, each quoted (a stem may hold an apostrophe, a dot or a hyphen). */
export function textArray(elements: Iterable<string>): string {
  let literal = '';
  for (const element of elements) literal += `${literal ? ',' : ''}"${element.replace(/["\\]/g, '\\$&')}"`;
  return `{${literal}}`;
}

/** Runs `sql` (a COPY … FROM STDIN) with `rows`: lines of tab-separated fields, already escaped by copyField. */
export function copyIn(client: PoolClient, sql: string, rows: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const copy = new CopyIn(sql, Buffer.from(rows, 'utf8'));
    copy.callback = (error) => (error ? reject(error) : resolve());
    client.query(copy);
  });
}

const COPY_CHUNK_BYTES = 64 * 1024;

/** node-postgres's connection, with the COPY messages its type declarations leave out. */
type Connection = PgConnection & { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void };

/** The protocol of a COPY FROM STDIN as node-postgres drives a submittable: the data goes when the server asks for it. */
class CopyIn implements Submittable {
  /**
   * Set by node-postgres from the query call (wrapped in its query timeout). An error (the server's, the connection's,
   * the timeout's) is passed on at once: after a server error node-postgres no longer counts this query as active, and
   * its ready-for-query message goes to no one.
   */
  callback?: (error: Error | null) => void;

  constructor(
    private readonly sql: string,
    private readonly data: Buffer,
  ) {}

  submit(connection: PgConnection): void {
    connection.query(this.sql);
  }

  handleCopyInResponse(connection: Connection): void {
    // In pieces: node-postgres copies each message into a buffer it grows as needed, and a batch's megabytes sent as
    // one message cost it a large allocation and copy every time.
    for (let start = 0; start < this.data.length; start += COPY_CHUNK_BYTES) connection.sendCopyFromChunk(this.data.subarray(start, start + COPY_CHUNK_BYTES));
    connection.endCopyFrom();
  }

  handleError(error: Error): void {
    this.callback?.(error);
  }

  handleReadyForQuery(): void {
    this.callback?.(null);
  }

  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}
